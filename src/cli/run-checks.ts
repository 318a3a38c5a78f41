// The task's checks after a run, and how the run ends with them folded in. They read the device: not after it is
// gone, and not when the user stopped the run; a signal that comes while they run stops them too, so Ctrl-C during
// the checks ends the run as interrupted (exit 130), not as the success the agent claimed.
import type { RunResult } from '../agent/loop.js';
import { untilAborted } from '../core/abort.js';
import { outcomeOf } from '../core/errors.js';
import type { Outcome } from '../core/vocab.js';
import type { Device } from '../device/device.js';
import { runChecks, type CheckResult, type Task } from '../tasks/task.js';

export interface Checked {
  checks: CheckResult[];
  /** A success whose checks fail is `failed`; a run stopped during its checks is `interrupted`. */
  outcome: Outcome;
  message: string;
}

export async function checkRun(
  device: Device,
  task: Task | undefined,
  persona: string,
  result: RunResult,
  signal?: AbortSignal,
): Promise<Checked> {
  const ended = { outcome: result.outcome, message: result.message };
  if (!task || result.outcome === 'interrupted' || result.outcome === 'device-lost') return { checks: [], ...ended };
  let checks: CheckResult[];
  try {
    checks = await untilAborted(runChecks(device, [...task.checks, ...(task.expect[persona] ?? [])]), signal);
  } catch (e) {
    if (!signal?.aborted) throw e;
    return { checks: [], ...outcomeOf(signal.reason) };
  }
  const failing = checks.filter((c) => !c.pass);
  if (result.outcome !== 'success' || !failing.length) return { checks, ...ended };
  return {
    checks,
    outcome: 'failed',
    message: `${failing.length} of ${checks.length} checks failed: ${failing[0]!.description}`,
  };
}
