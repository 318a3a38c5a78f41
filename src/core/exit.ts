// heed's exit codes, one table for every command (README "Exit codes" documents the same).
import type { Outcome } from './vocab.js';
export const EXIT = {
  /** The run succeeded (its checks passed); an eval finished and met its --fail-under thresholds. */
  ok: 0,
  /** The run ended without success (failed, infeasible, stuck, budget …); an eval fell below its thresholds. */
  failed: 1,
  /** Bad command line or input file: nothing was run. */
  usage: 2,
  /** The environment would not let heed start or go on: the device or the model endpoint is unreachable or refused. */
  environment: 3,
  /** SIGINT (Ctrl-C): 128 + 2, as shells report it. */
  interrupted: 130,
  /** SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for how a run ended (its checks already folded in: a success whose checks fail is `failed`). */
export function exitFor(outcome: Outcome, signal?: 'SIGINT' | 'SIGTERM'): ExitCode {
  switch (outcome) {
    case 'success':
      return EXIT.ok;
    case 'model-error':
    case 'device-lost':
      return EXIT.environment;
    case 'interrupted':
      return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    default:
      return EXIT.failed;
  }
}
