// The model-reply fixtures (fixtures/model-replies/*.json) and how a reading is judged against a fixture's expectation.
// real-replies.json holds replies the families emitted, with the action a careful reader takes from each: only the keys
// an entry names are compared, and a point may differ from the expectation by 0.3 % of the image side (at least 2 px) —
// enough for the 0–999 / 0–1000 question (≤ 0.1 %), too little for a wrong coordinate regime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReplyEntry {
  family: string;
  variant: string;
  image: string;
  reply: string;
  expect: Record<string, unknown> & { error?: string };
  ignored?: Record<string, unknown>[];
  source: string;
  real: boolean;
  kind?: string;
  image_from?: string;
  note?: string;
}

const DIR = join(import.meta.dirname ?? '', '..', '..', 'fixtures', 'model-replies');

export const loadReplies = (file: 'replies.json' | 'real-replies.json'): ReplyEntry[] =>
  JSON.parse(readFileSync(join(DIR, file), 'utf8'));

export const KINDS = ['log', 'issue', 'eval-output', 'doc-output', 'parser-fixture', 'eval-target'] as const;

export function size(image: string): { width: number; height: number } {
  const [width, height] = image.split('x').map(Number) as [number, number];
  return { width, height };
}

/** Why `got` is not the action `expect` names, or undefined when it is. */
export function mismatch(
  expect: Record<string, unknown>,
  got: Record<string, unknown>,
  image: string,
): string | undefined {
  const { width, height } = size(image);
  const tol = (side: number) => Math.max(2, side * 0.003);
  const near = (a: unknown, b: number, side: number) => typeof a === 'number' && Math.abs(a - b) <= tol(side);
  for (const [k, want] of Object.entries(expect)) {
    const have = got[k];
    const ok =
      k === 'x'
        ? near(have, want as number, width)
        : k === 'y'
          ? near(have, want as number, height)
          : k === 'from' || k === 'to'
            ? Array.isArray(have) &&
              near(have[0], (want as number[])[0]!, width) &&
              near(have[1], (want as number[])[1]!, height)
            : JSON.stringify(have) === JSON.stringify(want);
    if (!ok) return `${k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`;
  }
  return undefined;
}
