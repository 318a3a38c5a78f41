// `heed doctor`: checks and what to fix, as text or JSON.
import { parseArgs } from 'node:util';
import { loadConfig, ROLES, type HeedConfig } from '../core/config.js';
import { realEnv, runChecks, type Check, type DoctorEnv } from '../doctor/checks.js';
import { resolveLlmConfig } from '../policy/llm/config.js';
import { preflight } from '../policy/llm/preflight.js';

export const DOCTOR_HELP = `Usage: heed doctor [--real] [--model] [--json]

Checks what heed needs. For the simulated phone: Node, fonts, Appium, the SimAndroid driver. For real devices:
Android SDK, adb, KVM, a booted device, an Appium server (HEED_APPIUM_URL, default http://127.0.0.1:4723), the
UiAutomator2 driver and whether mobile: shell (adb_shell) is allowed. Each failure says what to fix.

Options:
  --real    real-device checks are required (failures) instead of advice (warnings)
  --model   also check the configured models (HEED_AGENT_*, HEED_USER_*, HEED_JUDGE_*, OPENAI_*): a key for a remote
            endpoint, the endpoint answering, the model listed by GET /models, an image accepted (without
            --model, configured models are listed but not contacted)
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
    options: {
      real: { type: 'boolean' },
      model: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(DOCTOR_HELP), 0);
  const checks = await runChecks(env, Boolean(values.real));
  const config = loadConfig(env.env);
  if (values.model) checks.push(...(await modelChecks(config)));
  else checks.push(...configuredModels(config));
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

/** Without `--model`: each configured model named, unchecked (checking sends requests, which only --model may). */
function configuredModels(config: HeedConfig): Check[] {
  return ROLES.flatMap((role) => {
    const c = resolveLlmConfig(role, {}, config.llm[role]);
    return c
      ? [
          {
            name: `${role} model`,
            status: 'skip' as const,
            detail: `${c.model} at ${c.baseURL}: not checked (heed doctor --model checks the key, endpoint, model and image input)`,
          },
        ]
      : [];
  });
}

/** `--model`: the preflight of every configured slot; without an agent model, a failure saying how to set one. */
async function modelChecks(config: HeedConfig): Promise<Check[]> {
  const out: Check[] = [];
  for (const role of ROLES) {
    const c = resolveLlmConfig(role, {}, config.llm[role]);
    if (!c) {
      out.push({
        name: `${role} model`,
        status: role === 'agent' ? 'fail' : 'skip',
        detail: role === 'agent' ? 'no agent model is configured' : `no ${role} model configured`,
        fix: role === 'agent' ? 'set HEED_AGENT_MODEL (and HEED_AGENT_BASE_URL, HEED_AGENT_API_KEY)' : undefined,
      });
      continue;
    }
    for (const x of await preflight(c))
      out.push({ name: `${role} ${x.name}`, status: x.status, detail: x.detail, ...(x.fix ? { fix: x.fix } : {}) });
  }
  return out;
}
