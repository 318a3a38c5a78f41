// report.html in a run directory: what the run was, how it ended, its checks, every consent decision and the step
// strip. Rewritten after every step (the page reloads itself while the run goes on) and once more at the end.
import { join } from 'node:path';
import type { EpisodeRecord } from '../eval/types.js';
import { CLIENT } from './client.js';
import { esc, page, writeAtomic } from './html.js';
import { readRun, type RunFiles } from './read.js';
import { stepViews, type StepView } from './steps.js';
import { decisionReason, decisionTopic, pointVerdict, strip, ZOOM_DIALOG } from './strip.js';

/** Seconds between reloads of a report whose run has not ended. */
export const LIVE_RELOAD_S = 4;

export const seconds = (ms: unknown) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '–');
export const money = (v: unknown) => (typeof v === 'number' ? `$${v.toFixed(4)}` : '–');

/** A model slot as results.json keeps it (describeLlm), in a line: "gpt-4o at https://…/v1 (json_schema)". */
export function modelLine(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object') return String(v);
  const m = v as { model?: unknown; baseURL?: unknown; structured?: unknown; coords?: unknown };
  const extras = [m.structured, m.coords].filter((x) => typeof x === 'string').join(', ');
  return `${String(m.model ?? '?')}${m.baseURL ? ` at ${String(m.baseURL)}` : ''}${extras ? ` (${extras})` : ''}`;
}

type Facts = [string, unknown][];

/** The run's header facts: summary.json (at the end), the eval record, or what the caller knows at the start. */
function facts(run: RunFiles, meta: Record<string, unknown>): Facts {
  const s = { ...meta, ...run.summary };
  const tokens = s.tokens as { input?: number; output?: number } | undefined;
  const med = s.medianTimingsMs as Record<string, number> | undefined;
  const list: Facts = [
    ['task', s.task],
    ['profile', s.persona ?? s.profile],
    ['policy', s.policyKind ?? s.policy],
    ['model', s.model === null ? 'none (reference steps)' : modelLine(s.model)],
    ['mode', s.mode],
    ['user', s.user],
    ['steps', s.steps ?? run.steps.length],
    ['questions', s.questions],
    ['consent requests', s.consentRequests],
    ['blocked', s.blocked],
    ['tokens', tokens ? `${tokens.input ?? 0} in · ${tokens.output ?? 0} out` : undefined],
    ['cost', s.cost === undefined ? undefined : money(s.cost)],
    ['wall time', s.wallMs === undefined ? undefined : seconds(s.wallMs)],
    ['median step', med ? `observe ${med.observe} · model ${med.propose} · act ${med.act} ms` : undefined],
  ];
  return list.filter(([, v]) => v !== undefined && v !== null && v !== '');
}

const WIDE = new Set([
  'median step',
  'created',
  'suite',
  'policies',
  'agent model',
  'user simulator',
  'judge',
  'model',
]);

export function factsHtml(f: Facts): string {
  return `<dl class="facts">${f.map(([k, v]) => `<div${WIDE.has(k) ? ' class="wide"' : ''}><dt>${esc(k)}</dt><dd>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</dd></div>`).join('')}</dl>`;
}

export function checksHtml(checks: { description: string; pass: boolean; detail?: string }[]): string {
  if (!checks.length) return '';
  return `<ul class="checks">${checks.map((c) => `<li class="${c.pass ? 'ok' : 'bad'}">${c.pass ? '✓' : '✗'} ${esc(c.description)}${!c.pass && c.detail ? ` <span class="muted">(${esc(c.detail)})</span>` : ''}</li>`).join('')}</ul>`;
}

/** Every consent decision in one list, linked to its step card: what it was, who settled it, what it granted. */
export function decisionsHtml(views: StepView[], id: string, persona?: string): string {
  const rows = views.filter((v) => v.decision);
  if (!rows.length) return '<p class="muted">No consent-sensitive step.</p>';
  return `<ol class="decisions">${rows
    .map((v) => {
      const d = v.decision!;
      const pt = d.point && persona ? pointVerdict(persona, d.point) : undefined;
      const why = decisionReason(d);
      return `<li><a href="#${esc(id)}-${v.step}">step ${v.step}</a> <span class="chip k-${d.kind}">${esc(decisionTopic(d))}</span> ${esc(d.words)}.${pt ? ` <b class="${pt.cls}">${esc(pt.text)}</b>` : ''}${d.plain ? `<br><span>${esc(d.plain)}</span>` : ''}${why ? `<br><span class="muted">Why: ${esc(why)}</span>` : ''}</li>`;
    })
    .join('')}</ol>`;
}

/** How the run ended, or that it has not (or that it stopped without saying how). */
export function ending(run: RunFiles, stopped = false): { status: string; line: string } {
  const s = run.summary;
  const r = run.record;
  if (r) {
    // Older records held "outcome: message" in one field.
    const outcome = r.outcome.split(':')[0] ?? r.outcome;
    const line = r.error ?? (r.message ? `${r.outcome}: ${r.message}` : r.outcome);
    return { status: r.success ? 'success' : outcome === 'success' ? 'failed' : outcome, line };
  }
  if (!s && stopped)
    return { status: 'stopped', line: `stopped after ${run.steps.length} step(s) without writing its summary` };
  if (!s) return { status: 'running', line: `running: ${run.steps.length} step(s) so far` };
  return { status: String(s.outcome ?? 'ended'), line: `${String(s.outcome ?? '')}: ${String(s.message ?? '')}` };
}

export interface RunReportOptions {
  /** What the caller knows before summary.json exists (instruction, profile, policy …). */
  meta?: Record<string, unknown>;
  /** Checks on device state, when the caller ran them (heed run). */
  checks?: { description: string; pass: boolean; detail?: string }[];
  /** The run is over even if summary.json is missing (it crashed or was stopped): do not show it as running. */
  stopped?: boolean;
}

export function runReportHtml(run: RunFiles, o: RunReportOptions = {}): string {
  const meta = o.meta ?? {};
  const views = stepViews(run);
  const end = ending(run, o.stopped);
  const rec: EpisodeRecord | undefined = run.record;
  const persona = rec?.persona;
  const instruction = run.summary?.instruction ?? meta.instruction;
  const checks = o.checks ?? (run.summary?.checks as RunReportOptions['checks']) ?? rec?.checks ?? [];
  const answer = run.summary?.answer;
  const evalLine = rec
    ? `<p>Score ${rec.score.toFixed(2)} · compliance ${(rec.compliance * 100).toFixed(0)}% · ${rec.violations} violation(s) against ${esc(rec.persona)}</p>`
    : '';
  const live = end.status === 'running';
  const body = `<header class="top"><h1>heed run</h1><span class="status s-${esc(end.status)}">${esc(end.status)}</span>${live ? `<span class="muted">this page reloads every ${LIVE_RELOAD_S} s while the run goes on</span>` : ''}</header>
<main>
<section class="panel">
${instruction ? `<p class="instr">${esc(instruction)}</p>` : ''}
<p><b>${esc(end.line)}</b></p>${answer ? `<p>Answer: ${esc(answer)}</p>` : ''}${evalLine}
${factsHtml(facts(run, meta))}
${run.torn ? `<p class="muted">${run.torn} line(s) of the run's files could not be read (a run still writing, or cut short).</p>` : ''}
</section>
${checks.length ? `<section class="panel"><h2>Checks</h2>${checksHtml(checks)}</section>` : ''}
<section class="panel"><h2>Consent decisions</h2>${decisionsHtml(views, 's', persona)}</section>
<section><h2>Steps</h2>${strip(views, { id: 's', persona })}</section>
</main>
${ZOOM_DIALOG}`;
  return page({
    title: `heed run — ${end.status}${instruction ? ` — ${String(instruction)}` : ''}`,
    body,
    script: CLIENT,
    ...(live ? { live: LIVE_RELOAD_S } : {}),
  });
}

/** Render `<dir>/report.html` from the run's files. Returns its path. */
export function writeRunReport(dir: string, o: RunReportOptions = {}): string {
  const file = join(dir, 'report.html');
  writeAtomic(file, runReportHtml(readRun(dir), o));
  return file;
}

/**
 * Writes run reports for a run or an eval that must not stop because a report cannot be written: the first failure
 * is said once, the run goes on.
 */
export function reportWriter(warn: (s: string) => void): (dir: string, o?: RunReportOptions) => void {
  let warned = false;
  return (dir, o) => {
    try {
      writeRunReport(dir, o);
    } catch (e) {
      if (!warned) warn(`report.html could not be written in ${dir} (the run goes on): ${(e as Error).message}`);
      warned = true;
    }
  };
}
