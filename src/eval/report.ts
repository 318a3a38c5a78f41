// Reports in one self-contained folder: results.json, summary.md and report.html (frames stay as image files).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { breakdown, type Metrics } from './metrics.js';
import type { EpisodeRecord, PolicyKind } from './types.js';

const POLICY_ORDER: PolicyKind[] = ['agent', 'reference', 'always-allow', 'do-nothing'];

export interface Results {
  created: string;
  config: Record<string, unknown>;
  episodes: EpisodeRecord[];
  metrics: Record<string, Record<string, Metrics>>;
}

export function buildResults(episodes: EpisodeRecord[], config: Record<string, unknown>): Results {
  const policies = POLICY_ORDER.filter((p) => episodes.some((e) => e.policy === p));
  return {
    created: new Date().toISOString(),
    config,
    episodes,
    metrics: Object.fromEntries(policies.map((p) => [p, breakdown(episodes.filter((e) => e.policy === p))])),
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}`);
const num = (x: number) => x.toFixed(2);

const COLUMNS: [string, (m: Metrics) => string][] = [
  ['episodes', (m) => String(m.episodes)],
  ['SR %', (m) => pct(m.SR)],
  ['AvgScore', (m) => num(m.AvgScore)],
  ['AveSteps', (m) => num(m.AveSteps)],
  ['AveQueries', (m) => num(m.AveQueries)],
  ['IE', (m) => num(m.IE)],
  ['Act %', (m) => pct(m.Act)],
  ['Silent %', (m) => pct(m.Silent)],
  ['Stop %', (m) => pct(m.Stop)],
  ['consent recall %', (m) => pct(m.consentRecall)],
  ['violations', (m) => String(m.violations)],
  ['over-asking', (m) => num(m.overAsking)],
  ['Compliance %', (m) => pct(m.Compliance)],
  ['PD %', (m) => pct(m.PD)],
  ['PQSR@0.7 %', (m) => pct(m.PQSR['PQSR@0.7'] ?? null)],
  ['judge errors', (m) => String(m.judgeErrors)],
];

export function summaryMarkdown(r: Results): string {
  const out = [`# heed evaluation — ${r.created}`, '', '```json', JSON.stringify(r.config, null, 2), '```', ''];
  const groups = [...new Set(Object.values(r.metrics).flatMap((b) => Object.keys(b)))];
  for (const g of groups) {
    out.push(
      `## ${g === 'all' ? 'All episodes' : g}`,
      '',
      `| policy | ${COLUMNS.map(([c]) => c).join(' | ')} |`,
      `|---|${COLUMNS.map(() => '---:').join('|')}|`,
    );
    for (const [policy, b] of Object.entries(r.metrics))
      if (b[g]) out.push(`| ${policy} | ${COLUMNS.map(([, f]) => f(b[g]!)).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function bar(label: string, value: number | null): string {
  const w = value === null ? 0 : Math.round(value * 200);
  return `<div class="bar"><span>${esc(label)}</span><svg width="210" height="14" role="img" aria-label="${esc(label)} ${pct(value)}%"><rect width="200" height="14" fill="#eee"/><rect width="${w}" height="14" fill="#0b57d0"/></svg><b>${value === null ? '–' : `${pct(value)}%`}</b></div>`;
}

export function reportHtml(r: Results, out: string): string {
  const charts = Object.entries(r.metrics)
    .map(
      ([p, b]) =>
        `<section><h3>${esc(p)}</h3>${bar('SR', b.all!.SR)}${bar('Compliance', b.all!.Compliance)}${bar('consent recall', b.all!.consentRecall)}${bar('PQSR@0.7', b.all!.PQSR['PQSR@0.7'] ?? null)}</section>`,
    )
    .join('');
  const episodes = r.episodes
    .map((e) => {
      const dir = e.dir ?? '';
      const steps = existsSync(join(dir, 'steps.jsonl'))
        ? readFileSync(join(dir, 'steps.jsonl'), 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, any>)
        : [];
      const frames = existsSync(join(dir, 'frames')) ? readdirSync(join(dir, 'frames')).sort() : [];
      const rows = steps
        .map((s, i) => {
          const d = s.decision
            ? ` <span class="d">[${esc(String(s.sensitivity?.category))} ${esc(String(s.sensitivity?.grant))} → ${esc(String(s.decision.verdict))} by ${esc(String(s.decision.source))}]</span>`
            : '';
          const img = frames[i]
            ? `<img loading="lazy" src="${esc(relative(out, join(dir, 'frames', frames[i]!)))}" alt="step ${s.step} frame">`
            : '';
          return `<li>${img}<div><b>${s.step}.</b> ${esc(JSON.stringify(s.action ?? null))} → ${esc(String(s.outcome))}${d}</div></li>`;
        })
        .join('');
      const checks = e.checks
        .map((c) => `<li class="${c.pass ? 'ok' : 'no'}">${c.pass ? '✓' : '✗'} ${esc(c.description)}</li>`)
        .join('');
      return `<details><summary>${e.success ? '✓' : '✗'} <b>${esc(e.policy)}</b> ${esc(e.task)} · ${esc(e.persona)} · score ${num(e.score)} · compliance ${num(e.compliance)} · ${e.steps} steps${e.error ? ` · error: ${esc(e.error)}` : ''}</summary><ul class="checks">${checks}</ul><ol class="steps">${rows}</ol></details>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>heed evaluation</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:16px;color:#1f1f1f}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 6px;text-align:right}th:first-child,td:first-child{text-align:left}
.bar{display:flex;gap:8px;align-items:center}.bar span{width:120px}.steps{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}.steps li{width:180px;font-size:12px}.steps img{width:180px;border:1px solid #ccc;border-radius:6px}
.d{color:#5f6368}.ok{color:#146c2e}.no{color:#b3261e}details{margin:6px 0;border-bottom:1px solid #eee;padding-bottom:6px}section{display:inline-block;margin-right:24px;vertical-align:top}</style></head><body>
<h1>heed evaluation</h1><p>${esc(r.created)} · ${r.episodes.length} episodes</p><h2>Metrics</h2>${charts}
<h2>All episodes</h2><div style="overflow-x:auto"><table><tr><th>policy</th>${COLUMNS.map(([c]) => `<th>${esc(c)}</th>`).join('')}</tr>${Object.entries(
    r.metrics,
  )
    .map(([p, b]) => `<tr><td>${esc(p)}</td>${COLUMNS.map(([, f]) => `<td>${f(b.all!)}</td>`).join('')}</tr>`)
    .join('')}</table>
<h2>Episodes</h2>${episodes}</body></html>`;
}

export function writeReports(r: Results, out: string): void {
  writeFileSync(join(out, 'results.json'), JSON.stringify(r, null, 2));
  writeFileSync(join(out, 'summary.md'), summaryMarkdown(r));
  writeFileSync(join(out, 'report.html'), reportHtml(r, out));
}
