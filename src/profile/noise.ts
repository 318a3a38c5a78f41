// KnowU-Bench evaluates with clean behaviour logs and with 25 % noise: entries unrelated to any task, mixed in, so the
// agent must find the signal. The noise is drawn from a fixed pool with a seed per persona: the same run gives the
// same logs, and two personas get different noise.
const POOL = [
  'opened Calculator',
  'checked the weather forecast',
  'scrolled the news feed for 4 minutes',
  'played a puzzle game',
  'opened Settings, changed nothing',
  'set a 10-minute timer',
  'looked at photos in the gallery',
  'searched the web for "sourdough starter"',
  'listened to a podcast episode',
  'charged the phone',
  'opened the bank app, checked the balance',
  'turned the screen brightness up',
  'read an e-book for 20 minutes',
  'watched a cooking video',
  'checked train times',
  'opened the notes app, wrote a shopping list',
];

/** The share of the noisy logs that is noise. */
export const NOISE_SHARE = 0.25;

function rng(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

const DAY = /^-?\s*\[(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}\]/;

/** Adds noise entries so that they make up NOISE_SHARE of the result; each takes its neighbour's day and place. */
export function withNoise(logs: string[], seed: string): string[] {
  if (!logs.length) return [];
  const rand = rng(seed);
  const count = Math.round((logs.length * NOISE_SHARE) / (1 - NOISE_SHARE));
  const out = [...logs];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(rand() * (out.length + 1));
    const near = out[Math.min(at, out.length - 1)]!;
    const place = /\]\s*(\([^)]*\))/.exec(near)?.[1] ?? '(home)';
    const hour = String(7 + Math.floor(rand() * 15)).padStart(2, '0');
    const minute = String(Math.floor(rand() * 60)).padStart(2, '0');
    const day = DAY.exec(near)?.[1] ?? '2026-03-01';
    out.splice(at, 0, `[${day} ${hour}:${minute}] ${place} ${POOL[Math.floor(rand() * POOL.length)]}`);
  }
  return out;
}
