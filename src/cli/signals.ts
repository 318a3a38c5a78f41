// SIGINT and SIGTERM stop a run or an eval at once: the signal aborts whatever it is waiting on, the run writes its
// summary (outcome `interrupted`) and closes the phone, and the command exits 130 / 143. A second signal quits now.
import { Stopped } from '../core/errors.js';
import { EXIT } from '../core/exit.js';

export interface Interrupts {
  /** Aborts with a Stopped('interrupted') naming the signal. */
  readonly signal: AbortSignal;
  /** The signal that came, if one did. */
  readonly received?: 'SIGINT' | 'SIGTERM';
  dispose(): void;
}

export function watchSignals(say: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Interrupts {
  const c = new AbortController();
  const state: { received?: 'SIGINT' | 'SIGTERM' } = {};
  const on = (sig: 'SIGINT' | 'SIGTERM') => () => {
    if (c.signal.aborted) process.exit(sig === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    state.received = sig;
    say(`\n${sig}: stopping — writing the summary and closing the phone (${sig} again quits at once)`);
    c.abort(new Stopped('interrupted', `interrupted by ${sig}`, sig));
  };
  const onInt = on('SIGINT');
  const onTerm = on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: c.signal,
    get received() {
      return state.received;
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}

/** Runs every closer; a failure to close is said, never thrown, so it cannot hide how the run really ended. */
export async function closeAll(closers: (() => Promise<void> | void)[], say: (s: string) => void): Promise<void> {
  for (const close of closers) {
    try {
      await close();
    } catch (e) {
      say(`warning: closing failed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}
