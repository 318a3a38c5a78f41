// `heed run`: one task on one device, as one user.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HeedError } from '../core/errors.js';
import { describeAction } from '../policy/policy.js';
import { runAgent, type RunResult } from '../agent/loop.js';
import { Recorder, runDirName, type StepRecord } from '../agent/recorder.js';
import { assemble } from '../agent/session.js';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import type { UserKind } from '../core/vocab.js';
import { loadTask, runChecks, taskInstruction, type CheckResult, type Task } from '../tasks/task.js';

export const RUN_HELP = `Usage: heed run "<instruction>" [options]
       heed run --task <task.yaml> [options]

Runs the agent: every step the model sees the screen and the user's profile and proposes one action; heed's consent
gate decides every step that would share something, from the profile, memory, or by asking you.

Options:
  --profile <name|file>   the user's preferences (default: balanced). Bundled: privacy-first, utility-first,
                          balanced, hands-on, grandma-knowu, student-knowu
  --task <file>           run a task file (instruction, setup, checks, reference steps)
  --model <name>          agent model (or HEED_AGENT_MODEL / OPENAI_MODEL); with none, a task's reference steps run
  --base-url <url>        OpenAI-compatible endpoint (or HEED_AGENT_BASE_URL / OPENAI_BASE_URL)
  --reference             play the task's reference steps even when a model is configured
  --user <kind>           terminal | web | scripted | simulated (default: terminal when stdin is a terminal,
                          else scripted). web: approve from a browser page on 127.0.0.1; the URL with a one-run
                          token is printed (HEED_WEB_PORT; HEED_WEB_TIMEOUT_S = 300, no answer in time = deny)
  --user-model <name>     model for --user simulated (or HEED_USER_MODEL)
  --device <d>            sim (default); emulator (Appium at HEED_APPIUM_URL or 127.0.0.1:4723 with UiAutomator2 and
                          the first booted adb device); or an Appium server URL
  --caps <file>           JSON capabilities merged over the defaults (e.g. {"appium:udid": "emulator-5556"})
  --sim-apps <dir>        a folder of extra app YAML files for the simulated phone (repeatable; or HEED_SIM_APPS,
                          folders separated by ":"): build your own apps, hostile ones included
  --mode <m>              personal (the agent sees the profile) | knowu (only behaviour logs)
  --max-steps <n>         step budget (default: the task's, else 30)
  --out <dir>             parent folder of run directories (default: runs)
  --memory <file>         learned preferences (default: ~/.heed/memory/<profile>.json); --no-memory keeps none
  --record <file>         record every model call to a cassette (JSONL)
  --replay <file>         answer model calls from a cassette instead of the endpoint
  -h, --help              this text

Output: a run directory with steps.jsonl, frames/, ledger.jsonl and summary.json.`;

export interface RunOutcome {
  result: RunResult;
  checks: CheckResult[];
  dir: string;
}

export function formatStep(r: StepRecord): string {
  const d = r.decision;
  const s = r.sensitivity;
  const act = !r.action
    ? '(no valid action)'
    : r.target
      ? `${r.action.action} [${r.target.index}] "${r.target.label}"`
      : describeAction(r.action);
  const gate = d && s ? `  [${s.category} ${s.grant} → ${d.verdict} by ${d.source}]` : '';
  return `  ${String(r.step).padStart(2)}. ${act} → ${r.outcome}${gate}`;
}

export async function runOnce(
  o: {
    instruction?: string;
    task?: Task;
    profile: string;
    user?: UserKind;
    device?: string;
    caps?: string;
    simApps?: string[];
    model?: string;
    baseUrl?: string;
    userModel?: string;
    reference?: boolean;
    mode?: 'personal' | 'knowu';
    maxSteps?: number;
    out?: string;
    memory?: string | false;
    record?: string;
    replay?: string;
  },
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<RunOutcome> {
  const instruction = o.instruction ?? (o.task && taskInstruction(o.task));
  if (!instruction) throw new HeedError('heed run needs an instruction or --task', 'see heed run --help');
  const a = await assemble({
    profile: o.profile,
    task: o.task,
    user: o.user,
    device: o.device,
    capabilitiesFile: o.caps,
    simApps: o.simApps,
    reference: o.reference,
    memoryFile: o.memory,
    record: o.record,
    replay: o.replay,
    agent: { ...(o.model ? { model: o.model } : {}), ...(o.baseUrl ? { baseURL: o.baseUrl } : {}) },
    userModel: o.userModel ? { model: o.userModel } : undefined,
    announce: out,
    config,
  });
  const dir = join(o.out ?? 'runs', runDirName(`${a.profile.id}-${o.task?.id ?? instruction}`));
  mkdirSync(dir, { recursive: true });
  try {
    out(`▶ ${instruction}\n  profile ${a.profile.id} · policy ${a.policy.name} · user ${a.user.kind} · run ${dir}`);
    const result = await runAgent({
      instruction,
      device: a.device,
      policy: a.policy,
      profile: a.profile,
      memory: a.memory,
      user: a.user,
      mode: o.mode,
      maxSteps: o.maxSteps ?? o.task?.maxSteps ?? config.budgets.maxSteps,
      maxSeconds: config.budgets.maxSeconds,
      maxCostUsd: config.budgets.maxCostUsd,
      frame: config.frame,
      recorder: new Recorder(dir),
      waitScale: (o.device ?? config.device) === 'sim' ? 0 : 1,
      onStep: (r) => out(formatStep(r)),
      meta: a.meta,
    });
    const checks = o.task ? await runChecks(a.device, [...o.task.checks, ...(o.task.expect[a.profile.id] ?? [])]) : [];
    out(`■ ${result.outcome}: ${result.message}`);
    out(
      `  ${result.steps} steps · ${result.questions} questions · ${result.consentRequests} consent requests · ${result.blocked} blocked · ${result.tokens.input + result.tokens.output} tokens · $${result.cost.toFixed(4)} · ${(result.wallMs / 1000).toFixed(1)} s`,
    );
    for (const c of checks) out(`  ${c.pass ? '✓' : '✗'} ${c.description}${c.pass ? '' : ` (${c.detail})`}`);
    return { result, checks, dir };
  } finally {
    await a.user.close?.();
    await a.device.close();
  }
}

export async function runCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      task: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      reference: { type: 'boolean' },
      user: { type: 'string' },
      'user-model': { type: 'string' },
      device: { type: 'string' },
      caps: { type: 'string' },
      'sim-apps': { type: 'string', multiple: true },
      mode: { type: 'string' },
      'max-steps': { type: 'string' },
      out: { type: 'string' },
      memory: { type: 'string' },
      'no-memory': { type: 'boolean' },
      record: { type: 'string' },
      replay: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(RUN_HELP), 0);
  const user = values.user as UserKind | undefined;
  if (user && !['terminal', 'web', 'scripted', 'simulated'].includes(user))
    throw new HeedError(`--user must be terminal, web, scripted or simulated, not '${user}'`);
  const mode = values.mode as 'personal' | 'knowu' | undefined;
  if (mode && !['personal', 'knowu'].includes(mode))
    throw new HeedError(`--mode must be personal or knowu, not '${mode}'`);
  const maxSteps = values['max-steps'] === undefined ? undefined : Number(values['max-steps']);
  if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps > 0))
    throw new HeedError(`--max-steps must be a positive whole number`);
  const { result, checks } = await runOnce(
    {
      instruction: positionals.join(' ') || undefined,
      task: values.task ? loadTask(values.task) : undefined,
      profile: values.profile ?? config.profile,
      user,
      device: values.device,
      caps: values.caps,
      simApps: values['sim-apps'],
      model: values.model,
      baseUrl: values['base-url'],
      userModel: values['user-model'],
      reference: values.reference,
      mode,
      maxSteps,
      out: values.out,
      memory: values['no-memory'] ? false : values.memory,
      record: values.record,
      replay: values.replay,
    },
    out,
    config,
  );
  return result.outcome === 'success' && checks.every((c) => c.pass) ? 0 : 1;
}
