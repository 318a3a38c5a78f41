// A run's steps as a report shows them: the frame the model saw, what was touched, a readable caption, and what
// happened to each consent decision (allowed by a rule, asked, blocked, no gate) — in an eval, judged against the
// hidden persona (compliant or a violation).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { StepRecord } from '../agent/recorder.js';
import { explain, type Explainable } from '../consent/explain.js';
import type { LedgerEntry } from '../consent/ledger.js';
import { CATEGORIES, GRANTS, PROTECTIVE, SOURCE_WORDS, type Grant } from '../core/vocab.js';
import type { DecisionPoint } from '../eval/types.js';
import { actionCaption } from '../policy/caption.js';
import type { RunFiles } from './read.js';

export type DecisionKind = 'protective' | 'allowed' | 'asked-allowed' | 'asked-refused' | 'blocked' | 'bypass';

export interface DecisionView {
  kind: DecisionKind;
  category: string;
  grant: string;
  /** "allowed by the profile", "asked: allowed once", "blocked: refused earlier in this run" … */
  words: string;
  reason: string;
  /** What the step granted, in the user's words (consent/explain.ts). */
  plain?: string;
  answer?: string;
  /** Eval only: the decision point judged against the persona. */
  point?: DecisionPoint;
}

export interface StepView {
  step: number;
  app: string;
  /** The frame as the model saw it (redactions included), relative to the report's folder. */
  frame?: string;
  frameSize?: { width: number; height: number };
  /** What was touched, in frame pixels. */
  box?: [number, number, number, number];
  point?: { x: number; y: number };
  caption: string;
  outcome: string;
  /** A longer text worth reading: the question asked, the finish message, what the model got wrong. */
  detail?: string;
  question?: { text: string; options: string[]; reply?: string };
  decision?: DecisionView;
  ms: number;
  tokens: number;
  cost: number;
}

const KNOWN: Record<string, string> = {
  'com.android.permissioncontroller': 'permission dialog',
  'com.google.android.permissioncontroller': 'permission dialog',
  'com.google.android.apps.nexuslauncher': 'home screen',
  'com.android.launcher3': 'home screen',
  'com.android.settings': 'Settings',
};

/** A package as a person reads it: "permission dialog", "trailcam". */
export const appName = (pkg: string) => KNOWN[pkg] ?? pkg.split('.').at(-1) ?? pkg;
function decisionView(s: StepRecord, entry: LedgerEntry | undefined, point?: DecisionPoint): DecisionView | undefined {
  const d = (s.decision ?? entry) as { verdict?: string; source?: string; reason?: string } | undefined;
  const sens = (s.sensitivity ?? entry) as Partial<Explainable> | undefined;
  if (!d?.verdict) return undefined;
  const app = s.appLabel ?? appName(String(entry?.app ?? s.app ?? s.package ?? ''));
  const plain =
    sens?.category && sens.grant && CATEGORIES.includes(sens.category) && GRANTS.includes(sens.grant)
      ? explain(
          {
            category: sens.category,
            grant: sens.grant,
            irreversible: Boolean(sens.irreversible),
            ...(sens.precision ? { precision: sens.precision } : {}),
          },
          app,
        )
      : undefined;
  const source = entry?.source ?? d.source ?? '';
  const answer = entry?.answer ?? s.answer;
  const asked = source === 'user' || source === 'simulated-user';
  const who = source === 'simulated-user' ? 'the simulated user' : 'the user';
  let kind: DecisionKind;
  let words: string;
  if (source === 'bypass') [kind, words] = ['bypass', 'no consent gate (baseline)'];
  else if (asked && d.verdict === 'allow')
    [kind, words] = ['asked-allowed', `asked: ${who} allowed it${answer === 'always' ? ', always' : ' once'}`];
  else if (asked)
    [kind, words] = [
      'asked-refused',
      `asked: ${who} ${answer?.startsWith('instead') ? 'said to do something else' : 'refused'}`,
    ];
  else if (source === 'protective') [kind, words] = ['protective', 'a protective choice: needs no consent'];
  else if (d.verdict === 'allow') [kind, words] = ['allowed', `allowed by ${SOURCE_WORDS[source] ?? source}`];
  else [kind, words] = ['blocked', `blocked by ${SOURCE_WORDS[source] ?? source}`];
  return {
    kind,
    category: String(sens?.category ?? ''),
    grant: String(sens?.grant ?? ''),
    words,
    reason: String(d.reason ?? entry?.reason ?? ''),
    ...(plain ? { plain: plainWords(plain, String(sens?.grant)) } : {}),
    ...(answer ? { answer } : {}),
    ...(point ? { point } : {}),
  };
}

/** What the step granted and, where the sentence does not already say it, for how long. */
function plainWords(p: { what: string; lasts: string }, grant: string): string {
  if (PROTECTIVE.has(grant as Grant) || grant === 'allow_once') return p.what;
  return `${p.what.replace(/\.$/, '')}, ${p.lasts}.`;
}

/** The question of an ask_user step and the reply, from the record (older records: from the outcome's words). */
function questionOf(s: StepRecord): StepView['question'] {
  const a = s.action as { action?: string; question?: unknown; options?: unknown } | undefined;
  if (a?.action !== 'ask_user') return undefined;
  // Records before the typed step record kept the reply only in the outcome's words.
  const reply = typeof s.reply === 'string' ? s.reply : /^asked; answer: ([\s\S]*)$/.exec(String(s.outcome))?.[1];
  const options = Array.isArray(a.options) ? a.options.map(String) : [];
  return { text: String(a.question ?? ''), options, ...(reply !== undefined ? { reply } : {}) };
}

function detailOf(s: StepRecord): string | undefined {
  const a = s.action as { action?: string; message?: unknown; text?: unknown } | undefined;
  if (a?.action === 'finish' && a.message) return String(a.message);
  if (a?.action === 'answer' && a.text) return String(a.text);
  if (!a && s.proposal?.error) return `No usable action: ${s.proposal.error}`;
  return undefined;
}

/** A frame path from the record, relative to `from` (the report's folder), if the file is there. */
function framePath(run: RunFiles, s: StepRecord, from: string): string | undefined {
  if (typeof s.frame !== 'string' || !/^frames\/step-\d+\.(jpg|jpeg|png)$/.test(s.frame)) return undefined;
  const abs = join(run.dir, s.frame);
  return existsSync(abs) ? relative(from, abs).split('\\').join('/') : undefined;
}

export function stepViews(run: RunFiles, from: string = run.dir): StepView[] {
  const byStep = new Map<number, LedgerEntry>();
  for (const e of run.ledger) byStep.set(e.step, e);
  const points = new Map<number, DecisionPoint>();
  for (const p of run.record?.decisionPoints ?? []) points.set(p.step, p);
  return run.steps.map((s) => {
    const t = s.timings as unknown as Record<string, number> | undefined;
    const target = s.target as
      (StepRecord['target'] & { box?: StepView['box']; point?: StepView['point'] }) | undefined;
    const size = (s as { frameSize?: StepView['frameSize'] }).frameSize;
    const outcome = String(s.outcome ?? '');
    return {
      step: s.step,
      app: String(s.package ?? ''),
      frame: framePath(run, s, from),
      ...(size ? { frameSize: size } : {}),
      ...(target?.box ? { box: target.box } : {}),
      ...(s.point ? { point: s.point } : {}),
      caption: actionCaption(s.action, s.target),
      outcome: outcome.startsWith('invalid:') ? 'not usable' : outcome.startsWith('asked; answer:') ? 'asked' : outcome,
      detail: detailOf(s),
      question: questionOf(s),
      decision: decisionView(s, byStep.get(s.step), points.get(s.step)),
      ms: t ? Object.values(t).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0) : 0,
      tokens: (s.proposal?.usage?.input ?? 0) + (s.proposal?.usage?.output ?? 0),
      cost: s.proposal?.cost ?? 0,
    };
  });
}
