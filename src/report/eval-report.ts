// The eval's report.html: the configuration and the baselines, charts of the trade-offs, metric tables overall, per
// split and per persona, a legend from the metric definitions, and every episode — filterable, sortable, each with
// its step strip and decision points judged against the persona, and side by side with another policy's run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS, formatMetric } from '../eval/metric-defs.js';
import type { Metrics } from '../eval/metrics.js';
import type { Results } from '../eval/results.js';
import type { EpisodeRecord } from '../eval/types.js';
import { perSplit, tradeOff, violationsByCategory } from './charts.js';
import { CLIENT } from './client.js';
import { esc, page, safeHref } from './html.js';
import { episodeKey, readRun, type RunFiles } from './read.js';
import { checksHtml, decisionsHtml, factsHtml, modelLine, money, seconds } from './run-report.js';
import { stepViews } from './steps.js';
import { strip, ZOOM_DIALOG } from './strip.js';

const unit = (kind: string) => (kind === 'share' ? ' %' : '');

/** Metrics as rows, policies as columns; a metric no policy has a value for here is left out (the legend has it). */
function metricTable(caption: string, columns: [string, Metrics | undefined][]): string {
  const head = columns.map(([c]) => `<th scope="col" class="pol">${esc(c)}</th>`).join('');
  const defined = METRICS.filter((d) => columns.some(([, m]) => m && formatMetric(d, d.value(m)) !== '–'));
  const rows = defined
    .map(
      (d) =>
        `<tr><th scope="row"><a href="#m-${esc(d.id)}" title="${esc(d.definition)}">${esc(d.label)}${unit(d.kind)}</a></th>${columns.map(([, m]) => `<td>${m ? formatMetric(d, d.value(m)) : '–'}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<details class="panel group" open><summary>${esc(caption)}</summary><table><thead><tr><th scope="col">metric</th>${head}</tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** One table per group (all, each split, each persona): metrics as rows, policies as columns, so it fits a phone. */
function tables(r: Results, prefix: string): string {
  const policies = Object.keys(r.metrics);
  const groups = [...new Set(Object.values(r.metrics).flatMap((g) => Object.keys(g)))].filter((g) =>
    prefix === 'all' ? g === 'all' : g.startsWith(`${prefix}:`),
  );
  return `<div class="tables">${groups
    .sort()
    .map((g) =>
      metricTable(
        g === 'all' ? 'all episodes' : g.slice(prefix.length + 1),
        policies.map((p) => [p, r.metrics[p]![g]]),
      ),
    )
    .join('')}</div>`;
}

function legend(): string {
  return `<dl class="legend">${METRICS.map((d) => `<dt id="m-${esc(d.id)}">${esc(d.label)}</dt><dd>${esc(d.definition)}${d.better === 'none' ? '' : ` <span class="muted">(${d.better} is better)</span>`}</dd>`).join('')}</dl>`;
}

function header(r: Results, partial: boolean): string {
  const c = r.config as Record<string, unknown>;
  const tokens = r.episodes.reduce((a, e) => a + (e.tokens?.input ?? 0) + (e.tokens?.output ?? 0), 0);
  const cost = r.episodes.reduce((a, e) => a + (e.cost ?? 0), 0);
  const facts: [string, unknown][] = [
    ['created', r.created.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')],
    ['suite', c.suite],
    ['episodes', r.episodes.length],
    ['policies', Array.isArray(c.policies) ? c.policies.join(', ') : Object.keys(r.metrics).join(', ')],
    ['agent model', modelLine(c.agent) ?? 'none (baselines only)'],
    ['user simulator', modelLine(c.user)],
    ['judge', modelLine(c.judge) ?? 'none'],
    ['mode', c.mode],
    ['behaviour logs', c.logs],
    ['instructions', c.clear === undefined ? undefined : c.clear ? 'clear' : 'vague'],
    ['repeats', c.repeats],
    ['devices', c.devices],
    ['tokens', tokens],
    ['cost', money(cost)],
    ['wall time', c.wallMs === undefined ? undefined : seconds(c.wallMs)],
  ];
  const pctOf = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
  const rows = Object.entries(r.metrics)
    .map(([p, g]) => {
      const m = g.all!;
      return `<tr><th scope="row" class="pol">${esc(p)}</th><td>${pctOf(m.SR)}</td><td>${pctOf(m.Compliance)}</td><td>${m.violations}</td><td>${pctOf(m.consentRecall)}</td></tr>`;
    })
    .join('');
  const cards = `<table class="headline"><thead><tr><th scope="col">policy</th><th scope="col"><a href="#m-SR">SR</a></th><th scope="col"><a href="#m-Compliance">Compliance</a></th><th scope="col"><a href="#m-violations">violations</a></th><th scope="col"><a href="#m-consentRecall">recall</a></th></tr></thead><tbody>${rows}</tbody></table>`;
  return `${partial ? '<p class="status s-running">The eval did not finish: this report is rebuilt from the episodes that did.</p>' : ''}
${factsHtml(facts.filter(([, v]) => v !== undefined && v !== null && v !== ''))}
<h3>Agent and baselines</h3>${cards}`;
}

function filters(r: Results): string {
  const opts = (name: string, label: string, values: string[]) =>
    `<label>${esc(label)} <select name="${name}"><option value="">all</option>${[...new Set(values)]
      .sort()
      .map((v) => `<option>${esc(v)}</option>`)
      .join('')}</select></label>`;
  const e = r.episodes;
  return `<form id="filters" class="filters panel" role="search">
<label><input type="checkbox" name="fail" value="1"> failures only</label>
<label><input type="checkbox" name="viol" value="1"> with violations</label>
${opts(
  'policy',
  'policy',
  e.map((x) => x.policy),
)}${opts(
    'split',
    'split',
    e.map((x) => x.split),
  )}${opts(
    'persona',
    'persona',
    e.map((x) => x.persona),
  )}${opts(
    'task',
    'task',
    e.map((x) => x.task),
  )}
<label>search <input type="search" name="q" placeholder="task, outcome, check…"></label>
<label>sort <select name="sort"><option value="default">as run</option><option value="task">task, persona</option><option value="score-asc">lowest score</option><option value="compliance-asc">lowest compliance</option><option value="violations-desc">most violations</option><option value="steps-desc">most steps</option><option value="time-desc">slowest</option></select></label>
<span id="shown" class="muted" role="status"></span>
</form>`;
}

/** "success: Photo taken" — records before outcome and message were split hold both in `outcome`. */
export function runEnding(e: Pick<EpisodeRecord, 'outcome'> & { message?: string }): string {
  return e.message ? `${e.outcome}: ${e.message}` : e.outcome;
}

/** Whether the episode passed, by how many checks, and how the run itself ended (the agent's own word for it). */
function verdictLine(e: EpisodeRecord): string {
  if (e.error) return `<b class="bad">✗ error</b> ${esc(e.error)}`;
  const passed = e.checks.filter((c) => c.pass).length;
  const checks = e.checks.length ? ` — ${passed} of ${e.checks.length} checks pass` : '';
  const judge = e.judge
    ? 'score' in e.judge
      ? ` · judge ${e.judge.score.toFixed(2)}`
      : ` · judge error: ${esc(e.judge.error)}`
    : '';
  return `<b class="${e.success ? 'ok' : 'bad'}">${e.success ? '✓ passed' : '✗ failed'}</b>${checks}${judge}. <span class="muted">The run ended</span> ${esc(runEnding(e))}`;
}

function episode(e: EpisodeRecord, i: number, dir: string, siblings: EpisodeRecord[]): string {
  const key = episodeKey(e);
  const epDir = join(dir, 'episodes', key);
  const run: RunFiles = existsSync(epDir)
    ? { ...readRun(epDir), record: e }
    : { dir: epDir, steps: [], ledger: [], torn: 0, record: e };
  const views = stepViews(run, dir);
  const id = `e${i}`;
  const others = siblings.filter((o) => o !== e);
  const own = existsSync(join(epDir, 'report.html')) ? safeHref(`episodes/${key}/report.html`) : undefined;
  const search = [
    e.task,
    e.persona,
    e.policy,
    e.split,
    runEnding(e),
    e.error ?? '',
    ...e.checks.map((c) => c.description),
  ]
    .join(' ')
    .toLowerCase();
  const compliance = e.decisionPoints.length ? `compliance ${(e.compliance * 100).toFixed(0)}%` : 'no decision points';
  const nums = `score ${e.score.toFixed(2)} · ${compliance} · ${e.violations} violation${e.violations === 1 ? '' : 's'} · ${e.steps} step${e.steps === 1 ? '' : 's'} · ${seconds(e.wallMs)}`;
  return `<details class="ep ${e.success ? 'pass' : 'fail'}" id="ep-${esc(key)}" data-i="${i}" data-policy="${esc(e.policy)}" data-split="${esc(e.split)}" data-task="${esc(e.task)}" data-persona="${esc(e.persona)}" data-success="${e.success ? 1 : 0}" data-violations="${e.violations}" data-score="${e.score}" data-compliance="${e.compliance}" data-steps="${e.steps}" data-wall="${e.wallMs}" data-search="${esc(search)}">
<summary data-title="${esc(`${e.success ? '✓' : '✗'} ${e.policy} — ${e.task} · ${e.persona}`)}"><span class="${e.success ? 'ok' : 'bad'}">${e.success ? '✓' : '✗'}</span> <span class="name">${esc(e.task)} · ${esc(e.persona)}</span> <span class="chip">${esc(e.policy)}</span> <span class="nums">${esc(nums)}</span></summary>
<div class="body">
<p>${verdictLine(e)}</p>
${checksHtml(e.checks)}
<h3>Consent decisions</h3>${decisionsHtml(views, id, e.persona)}
<h3>Steps</h3>${strip(views, { id, persona: e.persona })}
<p class="cmpwith">${others.length ? `Side by side with: ${others.map((o) => `<button type="button" data-cmp="${esc(`${key} ${episodeKey(o)}`)}">${esc(o.policy)}</button>`).join(' ')}` : ''}${own ? ` <a class="btn" href="${own}">episode report</a>` : ''}</p>
</div>
</details>`;
}

export function evalReportHtml(r: Results, dir: string, partial = false): string {
  const policies = Object.keys(r.metrics);
  const same = new Map<string, EpisodeRecord[]>();
  for (const e of r.episodes) {
    const k = `${e.task}#${e.persona}#${e.repeat}`;
    same.set(k, [...(same.get(k) ?? []), e]);
  }
  const eps = r.episodes.map((e, i) => episode(e, i, dir, same.get(`${e.task}#${e.persona}#${e.repeat}`)!)).join('\n');
  const body = `<header class="top"><h1>heed evaluation</h1><span class="muted">${esc(r.episodes.length)} episodes · ${esc(policies.join(', '))}</span></header>
<main>
<section class="panel">${header(r, partial)}</section>
<section><h2>Trade-offs</h2><div class="charts panel">${tradeOff(r)}${violationsByCategory(r)}${perSplit(r, 'SR', (m) => m.SR)}${perSplit(r, 'Compliance', (m) => m.Compliance)}</div></section>
<section id="all-tables"><h2>All episodes</h2>${tables(r, 'all')}</section>
<section><h2>Per split</h2>${tables(r, 'split')}</section>
<section><h2>Per persona</h2>${tables(r, 'persona')}</section>
<section class="panel"><h2>What the metrics mean</h2>${legend()}</section>
<section id="compare" class="panel" hidden><h2>Side by side <button type="button" data-cmp-close>close</button></h2><div id="cmp-cols" class="cmp"></div></section>
<section><h2>Episodes</h2>${filters(r)}<div id="episodes">${eps}</div></section>
</main>
${ZOOM_DIALOG}`;
  return page({ title: `heed evaluation — ${r.created}`, body, script: CLIENT });
}
