// Points as models write them, in the model's own coordinates: `(x,y)`, `<point>x y</point>`, `<bbox>x1 y1 x2 y2</bbox>`,
// `<|box_start|>(x,y)<|box_end|>`, `[x1, y1, x2, y2]`, `[[x1,y1,x2,y2]]`, `(x1,y1),(x2,y2)`, `21, 246, 21, 246`, or an
// array. Four numbers are a box: its centre is the point (model-grammars.md §15.3). Anything else is an error the
// model is told about, never a guess.
import type { Point } from '../../device/coords.js';
import { ReplyError } from './types.js';

function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (typeof v === 'string') for (const m of v.matchAll(/-?\d+(?:\.\d+)?/g)) out.push(Number(m[0]));
  return out;
}

/** The point a coordinate argument names (a box's centre), or a ReplyError naming the argument. */
export function pointOf(v: unknown, what = 'the point'): Point {
  if (v === undefined || v === null || v === '') throw new ReplyError(`${what} is missing`);
  const n = numbers(v);
  if (n.length === 2) return { x: n[0]!, y: n[1]! };
  if (n.length === 4) return { x: (n[0]! + n[2]!) / 2, y: (n[1]! + n[3]!) / 2 };
  const shown = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  throw new ReplyError(`${what} ${shown} is not a point (two numbers) or a box (four)`);
}

export const xy = (p: Point) => ({ x: p.x, y: p.y });
export const pair = (p: Point): [number, number] => [p.x, p.y];
