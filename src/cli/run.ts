// `heed run`: one task on one device, as one user.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HeedError, outcomeOf, Stopped } from '../core/errors.js';
import { checkInstruction, writableDir } from '../core/files.js';
import { exitFor } from '../core/exit.js';
import { runAgent, type RunResult } from '../agent/loop.js';
import { Recorder, runDirName } from '../agent/recorder.js';
import { assemble, type Assembled } from '../agent/session.js';
import { reportWriter } from '../report/run-report.js';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import type { Outcome, UserKind } from '../core/vocab.js';
import { resolveLlmConfig } from '../policy/llm/config.js';
import { loadProfile } from '../profile/load.js';
import { describeEntry } from '../profile/memory.js';
import { preflightSlots } from './preflight.js';
import { checkRunInputs } from './run-inputs.js';
import { formatStep, runJson } from './run-output.js';
import { closeAll, watchSignals } from './signals.js';
import { loadTask, taskInstruction, type CheckResult, type Task } from '../tasks/task.js';
import { checkRun } from './run-checks.js';

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
  --family <name>         the model's family: its prompt template, reply grammar and coordinates (or
                          HEED_AGENT_FAMILY; by model name when unambiguous, else json). heed reply --help lists them
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
  --replay <file>         answer model calls from a cassette instead of the endpoint (needs --model)
  --json                  print the result as JSON on stdout (steps go to stderr)
  --no-preflight          skip the model check before the phone boots (key, endpoint, model listed, image input)
  -h, --help              this text

Output: a run directory with steps.jsonl, frames/, ledger.jsonl, summary.json and report.html (rewritten after
every step: open it while the run goes; heed report <dir> re-renders it).
Exit code: 0 when the run succeeded and the task's checks passed; 1 when it did not; 2 for a bad command line or
input file; 3 when the model endpoint or the device failed (outcome model-error or device-lost).`;

export interface RunOutcome {
  result: RunResult;
  checks: CheckResult[];
  dir: string;
  /** How the run ended with its checks folded in: a success whose checks fail is `failed`. */
  outcome: Outcome;
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
    family?: string;
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
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const instruction = o.instruction ?? (o.task && taskInstruction(o.task));
  if (!instruction) throw new HeedError('heed run needs an instruction or --task', 'see heed run --help');
  // Input errors (profile, task) stop here with nothing written; from now on the run has a folder and a summary.
  const profile = loadProfile(o.profile);
  if (o.instruction) checkInstruction(o.instruction, 'the instruction');
  const dir = join(o.out ?? 'runs', runDirName(`${profile.id}-${o.task?.id ?? instruction}`));
  writableDir(dir, 'the run directory', 'give --out a folder you can write to');
  // report.html is rewritten after every step line and summary (src/report): readable while the run goes.
  const write = reportWriter(out);
  let meta: Record<string, unknown> = { instruction, profile: profile.id, mode: o.mode ?? 'personal' };
  const report = (d: string, stopped?: boolean) => write(d, { meta, stopped });
  const recorder = new Recorder(dir, { afterWrite: report });
  const facts = { instruction, profile: profile.id, task: o.task?.id };
  let a: Assembled;
  try {
    a = await assemble({
      profile,
      task: o.task,
      user: o.user,
      device: o.device,
      capabilitiesFile: o.caps,
      simApps: o.simApps,
      reference: o.reference,
      memoryFile: o.memory,
      record: o.record,
      replay: o.replay,
      agent: {
        ...(o.model ? { model: o.model } : {}),
        ...(o.baseUrl ? { baseURL: o.baseUrl } : {}),
        ...(o.family ? { family: o.family } : {}),
      },
      userModel: o.userModel ? { model: o.userModel } : undefined,
      announce: out,
      config,
      signal,
    });
  } catch (e) {
    // The run never got to its first step: its summary says why.
    recorder.summary({ ...facts, ...outcomeOf(e), stage: 'start', steps: 0 });
    throw e;
  }
  meta = { ...meta, policy: a.policy.name, user: a.user.kind, ...a.meta };
  // An answer that becomes a rule is said to be one, with where it is kept (heed memory list shows them all).
  const memory = a.memory;
  memory.onRemember = (e) =>
    out(
      `  remembered: ${describeEntry(e)} (${memory.file ?? 'for this run only'}; heed memory forget ${e.id} --profile ${a.profile.id} undoes it)`,
    );
  report(dir);
  let run: RunOutcome | undefined;
  try {
    out(`▶ ${instruction}\n  profile ${a.profile.id} · policy ${a.policy.name} · user ${a.user.kind} · run ${dir}`);
    out(`  report ${join(dir, 'report.html')} (updates as the run goes)`);
    const result = await runAgent({
      instruction,
      device: a.device,
      policy: a.policy,
      ...(a.guard ? { guard: a.guard } : {}),
      profile: a.profile,
      memory: a.memory,
      user: a.user,
      mode: o.mode,
      maxSteps: o.maxSteps ?? o.task?.maxSteps ?? config.budgets.maxSteps,
      maxSeconds: config.budgets.maxSeconds,
      maxCostUsd: config.budgets.maxCostUsd,
      frame: config.frame,
      recorder,
      waitScale: (o.device ?? config.device) === 'sim' ? 0 : 1,
      onStep: (r) => out(formatStep(r)),
      meta: a.meta,
      signal,
    });
    const { checks, outcome, message } = await checkRun(a.device, o.task, a.profile.id, result, signal);
    if (checks.length || outcome !== result.outcome)
      recorder.amendSummary({ outcome, message, claimed: result.outcome, ...(checks.length ? { checks } : {}) });
    a.user.end?.({
      outcome,
      message,
      checks: checks.map((c) => ({ description: c.description, pass: c.pass })),
    });
    out(`■ ${outcome}: ${message}`);
    out(
      `  ${result.steps} steps · ${result.questions} questions · ${result.consentRequests} consent requests · ${result.blocked} blocked · ${result.tokens.input + result.tokens.output} tokens · $${result.cost.toFixed(4)} · ${(result.wallMs / 1000).toFixed(1)} s`,
    );
    for (const c of checks) out(`  ${c.pass ? '✓' : '✗'} ${c.description}${c.pass ? '' : ` (${c.detail})`}`);
    run = { result, checks, dir, outcome };
    return run;
  } finally {
    report(dir, true);
    // A close that fails (Appium already gone) is said, never thrown: it must not hide how the run ended.
    await closeAll([() => a.user.close?.(), () => a.device.close()], (s) => (run ? out(s) : console.error(s)));
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
      family: { type: 'string' },
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
      json: { type: 'boolean' },
      'no-preflight': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(RUN_HELP), 0);
  const { user, mode, maxSteps } = checkRunInputs(values, config);
  // With --json, stdout carries only the JSON; the steps go to stderr.
  const say = values.json ? (l: string) => process.stderr.write(`${l}\n`) : out;
  if (!values['no-preflight'] && !values.replay && !values.reference) {
    const agent = resolveLlmConfig(
      'agent',
      {
        ...(values.model ? { model: values.model } : {}),
        ...(values['base-url'] ? { baseURL: values['base-url'] } : {}),
        ...(values.family ? { family: values.family } : {}),
      },
      config.llm.agent,
    );
    const userModel =
      user === 'simulated'
        ? resolveLlmConfig('user', values['user-model'] ? { model: values['user-model'] } : {}, config.llm.user)
        : undefined;
    // A run with HEED_MAX_SECONDS=30 ends within about 30 s whatever the endpoint does, its preflight included.
    const failed = await preflightSlots([agent, userModel], say, config.budgets.maxSeconds * 1000);
    if (failed) return failed;
  }
  const stop = watchSignals();
  try {
    let run: RunOutcome;
    try {
      run = await runOnce(
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
          family: values.family,
          userModel: values['user-model'],
          reference: values.reference,
          mode,
          maxSteps,
          out: values.out,
          memory: values['no-memory'] ? false : values.memory,
          record: values.record,
          replay: values.replay,
        },
        say,
        config,
        stop.signal,
      );
    } catch (e) {
      if (!(e instanceof Stopped)) throw e;
      // Stopped before the first step (in the task's setup): the run folder's summary.json says so.
      say(`■ ${e.outcome}: ${e.message}\n  stopped before the first step and closed the phone; run the command again.`);
      return exitFor(e.outcome, stop.received);
    }
    if (run.outcome === 'interrupted')
      // Printed after runOnce returned, so after the phone and the user channel were closed.
      say(
        `  stopped and closed the phone; ${run.dir} has the steps so far and summary.json. A run does not resume: run the command again.`,
      );
    const code = exitFor(run.outcome, stop.received);
    if (values.json) out(JSON.stringify(runJson(run.result, run.checks, run.dir, run.outcome, code), null, 2));
    return code;
  } finally {
    stop.dispose();
  }
}
