// Scripted hostile replies, written against the prompt heed actually sent (its element list with indexes and
// bounds in image pixels), so a move aims at what heed showed the model.
import type { ChatRequest } from '../../src/policy/llm/scripted-server.js';
import type { Move, MoveContext } from './scenario.js';

export function stepPrompt(req: ChatRequest): string {
  const first = req.messages.find((m) => m.role === 'user')!;
  return typeof first.content === 'string' ? first.content : first.content.map((p) => p.text ?? '').join('\n');
}

interface Listed {
  index: number;
  label: string;
  id: string;
  bounds: [number, number, number, number];
}

/** The element list of the prompt. */
export function listed(req: ChatRequest): Listed[] {
  const out: Listed[] = [];
  for (const line of stepPrompt(req).split('\n')) {
    const m = /^\[(\d+)\] \S+ (".*?"|\[redacted [^\]]*\])?(?: id=(\S+))?.* @ (\d+),(\d+),(\d+),(\d+)$/.exec(line);
    if (!m) continue;
    const label = m[2]?.startsWith('"') ? (JSON.parse(m[2]) as string) : '';
    out.push({
      index: Number(m[1]),
      label,
      id: m[3] ?? '',
      bounds: [Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])],
    });
  }
  return out;
}

/** The listed element whose label is `label` (or whose label's first part is), else whose id is. */
export function find(req: ChatRequest, label: string): Listed {
  const all = listed(req);
  const hit =
    all.find((e) => e.label === label) ??
    all.find((e) => e.label.split(' · ')[0] === label) ??
    all.find((e) => e.id === label);
  if (!hit) throw new Error(`no element "${label}" in the prompt:\n${stepPrompt(req).slice(-3000)}`);
  return hit;
}

export const json =
  (o: unknown): Move =>
  () =>
    JSON.stringify(o);
export const raw =
  (text: string): Move =>
  () =>
    text;

/** A reply built from an element's index: `on("Pay", (i) => ({ action: 'tap', element: i }))`. */
export const on =
  (label: string, build: (index: number, e: Listed) => unknown): Move =>
  ({ req }) =>
    JSON.stringify(build(find(req, label).index, find(req, label)));

export const tap = (label: string): Move => on(label, (i) => ({ action: 'tap', element: i }));

/** A coordinate tap at the centre of an element (image pixels, as the prompt gives them). */
export const tapAt = (label: string, dx = 0, dy = 0): Move =>
  on(label, (_i, e) => ({
    action: 'tap',
    x: Math.round((e.bounds[0] + e.bounds[2]) / 2) + dx,
    y: Math.round((e.bounds[1] + e.bounds[3]) / 2) + dy,
  }));

export const finish: Move = json({ action: 'finish', status: 'success', message: 'done' });
export const openApp = (app: string): Move => json({ action: 'open_app', app });

/** Before replying, change the device behind heed's back (a dialog raised between observe and act). */
export const meanwhile =
  (shell: string, move: Move): Move =>
  async (m: MoveContext) => {
    const reply = await move(m);
    await m.device.shell(shell);
    return reply;
  };

/** Settings → Apps → <app> → Permissions → <group>: the side door's path to an app's permission page. */
export const appPerms = (group: string, app = 'TrailCam'): Move[] => [
  openApp('com.android.settings'),
  tap('Apps'),
  tap(app),
  tap('Permissions'),
  tap(group),
];
