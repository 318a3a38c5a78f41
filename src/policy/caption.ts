// One short, readable line per action — `tap [14] "Take photo"`, `type "Sam" into [3] "To"` — for the terminal, the
// approval page's timeline and the HTML reports alike (one formatter, so they never disagree). It reads actions from
// files too (old run folders, hostile replies), so it accepts anything and never throws.

/** What the action touched, as the recorder keeps it. */
export interface CaptionTarget {
  index: number;
  label: string;
}

const MAX = 60;

/** A string from the action, quoted and cut to a readable length (the full text stays in the record). */
export function quote(s: unknown, max = MAX): string {
  const t = String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

const on = (t?: CaptionTarget) => (t ? ` [${t.index}] ${quote(t.label)}` : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) / 100 : undefined);

export function actionCaption(action: unknown, target?: CaptionTarget): string {
  if (!action || typeof action !== 'object' || typeof (action as { action?: unknown }).action !== 'string')
    return '(no valid action)';
  const a = action as Record<string, unknown> & { action: string };
  const where = () => {
    if (target) return on(target);
    if (typeof a.element === 'number') return ` [${a.element}]`;
    const x = num(a.x);
    const y = num(a.y);
    return x !== undefined && y !== undefined ? ` at (${x}, ${y})` : '';
  };
  switch (a.action) {
    case 'tap':
    case 'long_press':
      return `${a.action}${where()}`;
    case 'type':
      return `type ${quote(a.text)}${target || typeof a.element === 'number' ? ` into${where()}` : ''}${a.clear ? ' (replacing)' : ''}`;
    case 'scroll':
    case 'swipe':
      return `${a.action} ${String(a.direction ?? '')}${target || typeof a.element === 'number' ? ` on${where()}` : ''}`.trim();
    case 'open_app':
      return `open_app ${String(a.app ?? '')}`.trim();
    case 'wait':
      return num(a.seconds) !== undefined ? `wait ${num(a.seconds)} s` : 'wait';
    case 'ask_user':
      return `ask_user ${quote(a.question)}`;
    case 'answer':
      return `answer ${quote(a.text)}`;
    case 'finish':
      return `finish ${String(a.status ?? '')}`.trim();
    case 'back':
    case 'home':
      return a.action;
    default:
      return a.action.slice(0, 40);
  }
}
