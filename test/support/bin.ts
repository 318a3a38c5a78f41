// The real bin in a child process (node dist/src/cli/main.js …), for what only a process has: signals, exit codes,
// a server that dies under it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(import.meta.dirname ?? '', '..', '..', 'dist', 'src', 'cli', 'main.js');

export interface HeedProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export function spawnHeed(args: string[], env: Record<string, string | undefined> = {}): HeedProcess {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - t0 })),
  );
  return { child, output: () => out, exited };
}

/** Polls until `check` returns something, or fails after `ms`. */
export async function until<T>(check: () => T | undefined | false, ms = 60_000, what = 'the condition'): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The one run directory under `out`, once it has a steps.jsonl with at least `lines` lines. */
export function runDirWith(out: string, lines: number): string | undefined {
  if (!existsSync(out)) return undefined;
  for (const d of readdirSync(out)) {
    const f = join(out, d, 'steps.jsonl');
    if (existsSync(f) && readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).length >= lines)
      return join(out, d);
  }
  return undefined;
}
