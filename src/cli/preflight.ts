// The model preflight as the commands print it: one line per model slot, or the failed check with its fix, before
// anything boots. A failure is the environment's (exit 3), not the command line's.
import { EXIT, type ExitCode } from '../core/exit.js';
import type { LlmConfig } from '../policy/llm/config.js';
import { preflight, preflightFailed, type PreflightCheck } from '../policy/llm/preflight.js';

const MARK = { ok: '✓', warn: '!', fail: '✗', skip: '–' } as const;

export function formatPreflight(c: LlmConfig, checks: PreflightCheck[]): string[] {
  const head = `${c.slot} model ${c.model} at ${c.baseURL}`;
  if (!preflightFailed(checks) && !checks.some((x) => x.status === 'warn'))
    return [`${MARK.ok} ${head}: ${checks.map((x) => x.detail.replace(/^.* (accepts an image)$/, '$1')).join('; ')}`];
  return [
    `${preflightFailed(checks) ? MARK.fail : MARK.warn} ${head}`,
    ...checks.map(
      (x) =>
        `  ${MARK[x.status]} ${x.name.padEnd(8)} ${x.detail}${x.fix && x.status !== 'ok' ? `\n    fix: ${x.fix}` : ''}`,
    ),
  ];
}

/** Check every configured slot (once per model and endpoint); EXIT.environment when one cannot work. */
export async function preflightSlots(
  slots: (LlmConfig | undefined)[],
  say: (s: string) => void,
  /** Caps each request's timeout (heed run: its time budget holds for the preflight too). */
  timeoutMs?: number,
): Promise<ExitCode | undefined> {
  const seen = new Set<string>();
  let failed = false;
  for (const c of slots) {
    if (!c || seen.has(`${c.model} ${c.baseURL}`)) continue;
    seen.add(`${c.model} ${c.baseURL}`);
    const checks = await preflight(c, timeoutMs === undefined ? {} : { timeoutMs });
    for (const l of formatPreflight(c, checks)) say(l);
    failed ||= preflightFailed(checks);
  }
  if (failed) say('The model check failed: nothing was started (--no-preflight skips the check).');
  return failed ? EXIT.environment : undefined;
}
