// `heed eval`: run a task suite as several personas, with the agent and the baselines, and write the reports.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { emulatorCapabilities } from '../device/capabilities.js';
import { readCaps } from '../device/open.js';
import { buildResults } from '../eval/results.js';
import { reportWriter } from '../report/run-report.js';
import { writeReports } from '../report/write.js';
import { loadPersonas, runEval } from '../eval/runner.js';
import type { PolicyKind } from '../eval/types.js';
import { resolveFamily } from '../policy/families/index.js';
import { describeLlm, resolveLlmConfig } from '../policy/llm/config.js';
import { loadSuite } from '../tasks/suite.js';
import { WebUser } from '../user/web.js';

export const EVAL_HELP = `Usage: heed eval --suite <dir|file> [options]

Runs episodes = tasks × personas × policies × repeats on a pool of simulated phones (or Appium servers) and writes
results.json, summary.md and report.html (episodes in episodes/<policy>__<task>__<persona>__r<n>/).

Options:
  --suite <dir|file>     task YAML file or folder (searched recursively)
  --split <s,…>          only these splits: general, personalized, proactive, privacy
  --personas <id,…>      only these personas (default: each task's own list)
  --model <name>         agent model (or HEED_AGENT_MODEL); without one, only baselines run
  --family <name>        the agent model's family (or HEED_AGENT_FAMILY; by model name, else json; heed reply --help)
  --user web             you answer every question and consent request in a browser page (URL with a token is
                         printed; requests from parallel episodes queue up)
  --user-model <name>    user simulator (or HEED_USER_MODEL); without one the scripted persona answers
  --judge-model <name>   judge for tasks with a rubric (or HEED_JUDGE_MODEL)
  --baselines            also run do-nothing, always-allow and reference
  --clear                use each task's clear instruction where it has one (default: the vague one)
  --mode <m>             knowu (default: the agent sees only behaviour logs) | personal (it sees the profile)
  --logs <l>             clean (default) | noisy: a quarter of the behaviour logs is unrelated noise, as in
                         KnowU-Bench (or HEED_LOGS)
  --devices <n>          simulated phones working at once (default 1)
  --appium <url>         a real device's Appium server (UiAutomator2); repeat for several
  --caps <file>          JSON capabilities merged over the defaults for --appium (e.g. {"appium:udid": …})
  --repeats <k>          runs of each episode (default 1)
  --out <dir>            output folder (default runs/eval-<time>)
  --resume <dir>         continue an interrupted evaluation in <dir>
  -h, --help             this text`;

export async function evalCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string' },
      split: { type: 'string' },
      personas: { type: 'string' },
      model: { type: 'string' },
      family: { type: 'string' },
      'user-model': { type: 'string' },
      'judge-model': { type: 'string' },
      baselines: { type: 'boolean' },
      mode: { type: 'string' },
      devices: { type: 'string' },
      appium: { type: 'string', multiple: true },
      caps: { type: 'string' },
      repeats: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'string' },
      user: { type: 'string' },
      clear: { type: 'boolean' },
      logs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(EVAL_HELP), 0);
  if (!values.suite) throw new HeedError('heed eval needs --suite', 'see heed eval --help');
  const splits = values.split?.split(',');
  const { tasks, skipped } = loadSuite(values.suite, {
    splits,
    personas: values.personas?.split(','),
    device: values.appium?.length ? 'android' : 'simulated',
  });
  if (skipped.length) out(`skipping ${skipped.length} task(s): ${[...new Set(skipped.map((s) => s.why))].join('; ')}`);
  if (!tasks.length)
    throw new HeedError(
      `No tasks to run in ${values.suite}${splits ? ` for split ${splits.join(',')}` : ''}${values.personas ? ` and personas ${values.personas}` : ''}`,
      skipped.length
        ? `its ${skipped.length} task(s) were skipped: ${skipped[0]!.why}`
        : 'check --split and --personas against the tasks',
    );
  const logs = values.logs ?? config.logs;
  if (logs !== 'clean' && logs !== 'noisy') throw new HeedError(`--logs must be clean or noisy, not '${logs}'`);
  const personas = loadPersonas(tasks, logs);
  const agent = resolveLlmConfig(
    'agent',
    { ...(values.model ? { model: values.model } : {}), ...(values.family ? { family: values.family } : {}) },
    config.llm.agent,
  );
  // Fail before any episode when the model's family is ambiguous (UI-TARS without a version).
  if (agent) resolveFamily(agent);
  const userModel = resolveLlmConfig(
    'user',
    values['user-model'] ? { model: values['user-model'] } : {},
    config.llm.user,
  );
  const judgeModel = resolveLlmConfig(
    'judge',
    values['judge-model'] ? { model: values['judge-model'] } : {},
    config.llm.judge,
  );
  if (agent && userModel && agent.model === userModel.model)
    out(`warning: the user simulator uses the agent's own model (${agent.model}); results flatter the agent`);
  if (agent && judgeModel && agent.model === judgeModel.model)
    out(`warning: the judge uses the agent's own model (${agent.model})`);
  const policies: PolicyKind[] = [
    ...(agent ? (['agent'] as const) : []),
    ...(values.baselines ? (['do-nothing', 'always-allow', 'reference'] as const) : []),
  ];
  if (!policies.length)
    throw new HeedError(
      'Nothing to run: no agent model is configured and --baselines is off',
      'set HEED_AGENT_MODEL or pass --baselines',
    );
  const mode = (values.mode ?? 'knowu') as 'knowu' | 'personal';
  if (!['knowu', 'personal'].includes(mode)) throw new HeedError(`--mode must be knowu or personal, not '${mode}'`);
  if (values.caps && !values.appium?.length)
    throw new HeedError('--caps applies to --appium devices', 'add --appium <url>, or drop --caps');
  const capabilities = { ...emulatorCapabilities(), ...readCaps(values.caps) };
  const devices = Number(values.devices ?? 1);
  const repeats = Number(values.repeats ?? 1);
  if (!(Number.isInteger(devices) && devices > 0)) throw new HeedError('--devices must be a positive whole number');
  if (!(Number.isInteger(repeats) && repeats > 0)) throw new HeedError('--repeats must be a positive whole number');
  if (values.user && values.user !== 'web') {
    throw new HeedError(
      `--user takes only web here, not '${values.user}'`,
      'the scripted persona (or --user-model) answers otherwise',
    );
  }
  // Every option is checked before anything is written.
  const dir =
    values.resume ?? values.out ?? join('runs', `eval-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`);
  mkdirSync(dir, { recursive: true });
  const web =
    values.user === 'web'
      ? await new WebUser({ ...config.web, announce: (u) => out(`Answer for the personas in a browser: ${u}`) }).start()
      : undefined;
  out(
    `heed eval: ${tasks.length} tasks, policies ${policies.join(', ')}, mode ${mode}, ${logs} logs, ${values.appium?.length ?? devices} device(s) → ${dir}`,
  );
  const t0 = Date.now();
  const writeEpisodeReport = reportWriter(out);
  const episodes = await runEval({
    tasks,
    personas,
    policies,
    repeats,
    devices,
    out: dir,
    resume: Boolean(values.resume),
    mode,
    appium: values.appium?.map((url) => ({
      url,
      capabilities,
    })),
    agent,
    userModel,
    judgeModel,
    clear: Boolean(values.clear),
    user: web,
    progress: out,
    afterWrite: (dir, meta) => writeEpisodeReport(dir, { meta }),
    config,
  });
  const results = buildResults(episodes, {
    suite: values.suite,
    clear: Boolean(values.clear),
    mode,
    logs,
    repeats,
    devices,
    policies,
    agent: agent ? describeLlm(agent) : null,
    user: userModel ? describeLlm(userModel) : 'scripted',
    judge: judgeModel ? describeLlm(judgeModel) : null,
    wallMs: Date.now() - t0,
  });
  const failed = episodes.filter((e) => !e.success).length;
  web?.end({
    outcome: 'finished',
    message: `${episodes.length} episodes, ${failed} failed; reports in ${dir}`,
  });
  await web?.close();
  writeReports(results, dir);
  for (const [p, b] of Object.entries(results.metrics))
    out(
      `${p.padEnd(13)} SR ${(b.all!.SR * 100).toFixed(1)}%  Compliance ${b.all!.Compliance === null ? '–' : (b.all!.Compliance * 100).toFixed(1) + '%'}  violations ${b.all!.violations}`,
    );
  out(
    `reports: ${join(dir, 'summary.md')}, ${join(dir, 'report.html')}, ${join(dir, 'results.json')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return episodes.some((e) => e.error) ? 1 : 0;
}
