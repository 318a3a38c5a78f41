// Errors heed raises on purpose. Each kind maps to a run outcome (src/core/vocab.ts) and an exit code
// (src/core/exit.ts), so a failure anywhere ends the run with a recorded cause instead of a stack.
import type { Outcome } from './vocab.js';

/** An error a user can act on: `message` says what went wrong, `hint` what to do about it. */
export class HeedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(hint ? `${message}\n  → ${hint}` : message);
    this.name = 'HeedError';
  }
}

/** The model endpoint failed after its retries (429, 5xx, timeouts, resets, refused connections). */
export class ModelError extends HeedError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'ModelError';
  }
}

/**
 * The device refused a command (`lost: false`: a step outcome the agent is told about) or is gone (`lost: true`: the
 * session or the Appium server went away; the run ends as `device-lost`).
 */
export class DeviceError extends HeedError {
  constructor(
    message: string,
    readonly lost: boolean,
    hint?: string,
  ) {
    super(message, hint);
    this.name = 'DeviceError';
  }
}

/** The run was stopped from outside its steps: its time budget ran out, or a signal came. */
export class Stopped extends Error {
  constructor(
    readonly outcome: Extract<Outcome, 'budget' | 'interrupted'>,
    message: string,
    readonly signal?: 'SIGINT' | 'SIGTERM',
  ) {
    super(message);
    this.name = 'Stopped';
  }
}

/** How a run that threw ends: the outcome and its cause in one line. */
export function outcomeOf(e: unknown): { outcome: Outcome; message: string } {
  const first = (m: string) => m.split('\n')[0]!;
  if (e instanceof Stopped) return { outcome: e.outcome, message: e.message };
  if (e instanceof ModelError) return { outcome: 'model-error', message: first(e.message) };
  if (e instanceof DeviceError) return { outcome: 'device-lost', message: first(e.message) };
  // AbortController.abort() without a reason: the caller stopped the run.
  if ((e as { name?: unknown } | undefined)?.name === 'AbortError')
    return { outcome: 'interrupted', message: 'the run was aborted' };
  if (e instanceof Error) return { outcome: 'error', message: first(e.message) || e.name };
  return { outcome: 'error', message: String(e) };
}
