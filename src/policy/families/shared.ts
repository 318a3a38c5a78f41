// What every native family's adapter uses: message parts, heed's context in the template's instruction slot, the
// frames native models expect, and the few mappings every grammar shares (typing with a trailing newline, asking).
import type { SmartResize } from '../../device/coords.js';
import type { FrameOptions } from '../../vision/frame.js';
import type { Action } from '../actions.js';
import type { Message } from '../llm/client.js';
import type { FamilyInput, PastStep } from './types.js';

export const text = (t: string) => ({ type: 'text' as const, text: t });
export const image = (url: string) => ({ type: 'image_url' as const, image_url: { url } });

/** Qwen2/2.5-VL processors (qwen-vl-utils defaults): factor 28, 4·28² … 16384·28² pixels. */
export const QWEN25_RESIZE: SmartResize = { factor: 28, minPixels: 4 * 28 * 28, maxPixels: 16384 * 28 * 28 };

/**
 * Native models see the screenshot at their processor's own size, without heed's set-of-mark numbers (they were never
 * trained on them). With `resize`, the frame is sent already smart-resized, so the server's processor leaves it as it
 * is and the resolution written into the prompt is exactly what the model sees.
 */
export function nativeFrame(resize?: SmartResize, maxSide = Infinity): FrameOptions {
  return { maxSide, setOfMark: false, ...(resize ? { resize } : {}) };
}

/** `WxH` of this step's image. */
export function resolution(input: FamilyInput): string {
  const { width, height } = input.frame.geometry.image;
  return `${width}x${height}`;
}

/** The user's answer to the previous step's question, if that step asked one. */
export function userAnswer(p?: PastStep): string | undefined {
  return /^the user answered: /.exec(p?.outcome ?? '') ? p!.outcome.replace(/^the user answered: /, '') : undefined;
}

/**
 * heed's additions to a native template, written into its instruction slot: what the user wants respected (the
 * profile view or behaviour logs) and what the user told heed before; with `notes`, also what heed said about the
 * last step (a block and why, the user's answer) — for templates that replay history as text, not as turns.
 */
export function heedContext(input: FamilyInput, notes = true): string {
  const answer = notes ? userAnswer(input.past.at(-1)) : undefined;
  const said = notes ? [...input.notes, ...(answer ? [`The user answered your question: ${answer}`] : [])] : [];
  return [
    input.profileView && `About the user (from heed, the user's privacy assistant):\n${input.profileView}`,
    input.memory.length ? `What the user told heed before:\n${input.memory.map((m) => `- ${m}`).join('\n')}` : '',
    said.length ? `heed says:\n${said.map((n) => `- ${n}`).join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The instruction with heed's context after it. */
export function instructionWithContext(input: FamilyInput, notes = true): string {
  const c = heedContext(input, notes);
  return c ? `${input.instruction}\n\n${c}` : input.instruction;
}

/**
 * For templates that replay history as turns: what to tell the model after one of its earlier steps, as a user turn
 * (the user's answer to its question, or heed's block), or undefined when the step simply happened.
 */
export function feedback(p: PastStep): string | undefined {
  const answer = userAnswer(p);
  if (answer !== undefined) return answer;
  if (p.outcome.startsWith('blocked: '))
    return `heed (the user's privacy assistant) blocked that action: ${p.outcome.slice(9)}. Do not retry it; choose a protective option or another way.`;
  if (p.action === undefined) return `That reply could not be used: ${p.outcome}.`;
  return undefined;
}

/**
 * The common multi-turn shape (UI-TARS, Seed, MAI-UI, GUI-Owl-1.5): the first user turn, then per past step its
 * screenshot (only for the last `images - 1` steps) and the model's reply, with heed's feedback where there is some,
 * then the current screenshot.
 */
export function conversation(input: FamilyInput, first: Message[], images: number): Message[] {
  const shown = withImage(input.past, images);
  const out: Message[] = [...first];
  for (const p of input.past) {
    if (shown.has(p.step)) out.push({ role: 'user', content: [image(p.image)] });
    out.push({ role: 'assistant', content: p.reply });
    const f = feedback(p);
    if (f) out.push({ role: 'user', content: f });
  }
  out.push({ role: 'user', content: [image(input.image)] });
  return out;
}

/** Steps whose screenshots a template replays: the last `n - 1` past ones (the current image is the n-th). */
export function withImage(past: PastStep[], n: number): Set<number> {
  return new Set(past.slice(Math.max(0, past.length - (n - 1))).map((p) => p.step));
}

/** Typing: a trailing newline (real, or a written `\n`) means submit, as UI-TARS and Doubao define it. */
export function typed(content: unknown, extra: Partial<Extract<Action, { action: 'type' }>> = {}): Action {
  let t = String(content ?? '');
  let submit = false;
  while (/(\n|\\n)$/.test(t)) {
    t = t.replace(/(\n|\\n)$/, '');
    submit = true;
  }
  return { action: 'type', text: t, ...extra, ...(submit ? { submit: true } : {}) };
}

/** A family's "call the user" / "take over" / "need feedback": heed's own question to the user, never a grant. */
export function ask(question: unknown, thought?: string, fallback = 'The agent needs your help to go on.'): Action {
  const q = typeof question === 'string' ? question.trim() : '';
  return { action: 'ask_user', question: q || (thought ? `${fallback} It says: ${thought.trim()}` : fallback) };
}

/** A finish whose text is the report to the user (and the answer, if the task asked a question). */
export function finished(content: unknown, status: 'success' | 'infeasible' = 'success'): Action {
  const c = typeof content === 'string' ? content.trim() : '';
  return {
    action: 'finish',
    status,
    message: c || (status === 'success' ? 'the model reported the task done' : 'the model gave up'),
    ...(c && status === 'success' ? { answer: c } : {}),
  };
}

/** seconds from "5", 5, "5 seconds", "500ms"-free inputs; capped at heed's 30 s. */
export function seconds(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(/[\d.]+/.exec(String(v ?? ''))?.[0]);
  return Number.isFinite(n) && n > 0 ? Math.min(30, n) : fallback;
}
