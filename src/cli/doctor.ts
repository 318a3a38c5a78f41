// `heed doctor`: checks and what to fix, as text or JSON.
import { parseArgs } from 'node:util';
import { realEnv, runChecks, type DoctorEnv } from '../doctor/checks.js';

export const DOCTOR_HELP = `Usage: heed doctor [--real] [--json]

Checks what heed needs. For the simulated phone: Node, fonts, Appium, the SimAndroid driver. For real devices:
Android SDK, adb, KVM, a booted device, an Appium server (HEED_APPIUM_URL, default http://127.0.0.1:4723), the
UiAutomator2 driver and whether mobile: shell (adb_shell) is allowed. Each failure says what to fix.

Options:
  --real    real-device checks are required (failures) instead of advice (warnings)
  --json    { "ok": boolean, "checks": [ { "name", "status": ok|warn|fail|skip, "detail", "fix" } ] }
  -h        this text

Exit code: 0 when nothing failed, 1 otherwise.`;

const MARK = { ok: '✓', warn: '!', fail: '✗', skip: '–' } as const;

export async function doctorCommand(
  argv: string[],
  out: (s: string) => void,
  env: DoctorEnv = realEnv(),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { real: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (out(DOCTOR_HELP), 0);
  const checks = await runChecks(env, Boolean(values.real));
  const ok = checks.every((c) => c.status !== 'fail');
  if (values.json) out(JSON.stringify({ ok, checks }, null, 2));
  else {
    for (const c of checks)
      out(
        `${MARK[c.status]} ${c.name.padEnd(20)} ${c.detail}${c.fix && c.status !== 'ok' ? `\n  ${''.padEnd(20)} fix: ${c.fix}` : ''}`,
      );
    out(ok ? '\nheed can run here.' : '\nSome checks failed; see the fixes above.');
  }
  return ok ? 0 : 1;
}
