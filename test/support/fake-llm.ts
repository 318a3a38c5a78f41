// Helpers for tests that script a model: read the prompt heed sent, find elements, reply with actions.
export { startFakeLlm, type ChatRequest, type FakeLlm, type Reply } from '../../src/policy/llm/scripted-server.js';
import type { ChatRequest } from '../../src/policy/llm/scripted-server.js';

/** The text of the last user message (the prompt for this step). */
export function promptOf(req: ChatRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user')!;
  return typeof last.content === 'string' ? last.content : last.content.map((p) => p.text ?? '').join('\n');
}

/** The step prompt (the first user message, which carries the element list). */
export function stepPromptOf(req: ChatRequest): string {
  const first = req.messages.find((m) => m.role === 'user')!;
  return typeof first.content === 'string' ? first.content : first.content.map((p) => p.text ?? '').join('\n');
}

/** Index of the element whose label is exactly `label` in the prompt's element list. */
export function indexOf(req: ChatRequest, label: string): number {
  const m = new RegExp(`^\\[(\\d+)\\] \\S+ ${JSON.stringify(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').exec(
    stepPromptOf(req),
  );
  if (!m) throw new Error(`no element "${label}" in the prompt:\n${stepPromptOf(req)}`);
  return Number(m[1]);
}

/** Bounds (image pixels) of the element with this label. */
export function boundsOf(req: ChatRequest, label: string): [number, number, number, number] {
  const line = stepPromptOf(req)
    .split('\n')
    .find((l) => l.includes(` ${JSON.stringify(label)}`));
  const m = line && /@ (\d+),(\d+),(\d+),(\d+)$/.exec(line);
  if (!m) throw new Error(`no bounds for "${label}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** A model that follows a list of moves, one per step; a move sees the request to find element indexes. */
export function scripted(moves: ((req: ChatRequest) => string)[]): (req: ChatRequest) => string {
  let i = 0;
  return (req) => {
    const move = moves[i++];
    if (!move) return JSON.stringify({ action: 'finish', status: 'infeasible', message: 'script ran out' });
    return move(req);
  };
}

export const tap = (label: string) => (req: ChatRequest) =>
  JSON.stringify({ action: 'tap', element: indexOf(req, label) });
export const act = (a: Record<string, unknown>) => () => JSON.stringify(a);
