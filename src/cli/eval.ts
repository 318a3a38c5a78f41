// `heed eval`: run a task suite as several personas, with the agent and the baselines, and write the reports.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { writableDir } from '../core/files.js';
import { exitFor } from '../core/exit.js';
import { emulatorCapabilities } from '../device/capabilities.js';
import { readCaps } from '../device/open.js';
import { buildResults } from '../eval/results.js';
import { reportWriter } from '../report/run-report.js';
import { mergeShards } from '../eval/merge.js';
import { jobs, loadPersonas, runEval, type EvalRun } from '../eval/runner.js';
import { parseShard, selectTasks, shardJobs } from '../eval/select.js';
import { stopPolicy } from '../eval/stop.js';
import { parseThresholds } from '../eval/thresholds.js';
import type { PolicyKind } from '../eval/types.js';
import { describeLlm } from '../policy/llm/config.js';
import { loadSuite } from '../tasks/suite.js';
import { WebUser } from '../user/web.js';
import { EVAL_HELP } from './eval-help.js';
import { evalModels } from './eval-models.js';
import { finishEval, listMatrix, REPORTERS } from './eval-output.js';
import { resumeOptions, saveOptions } from './eval-resume.js';
import { preflightSlots } from './preflight.js';
import { closeAll, watchSignals } from './signals.js';

export { EVAL_HELP };

export async function evalCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  const { values: given, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      suite: { type: 'string' },
      task: { type: 'string', multiple: true },
      grep: { type: 'string' },
      list: { type: 'boolean' },
      shard: { type: 'string' },
      merge: { type: 'boolean' },
      'max-failures': { type: 'string' },
      'fail-under': { type: 'string' },
      reporter: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'no-preflight': { type: 'boolean' },
      split: { type: 'string' },
      personas: { type: 'string' },
      model: { type: 'string' },
      family: { type: 'string' },
      'base-url': { type: 'string' },
      'user-model': { type: 'string' },
      'judge-model': { type: 'string' },
      'guard-model': { type: 'string' },
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
  if (given.help) return (out(EVAL_HELP), 0);
  // With --json, stdout carries only the JSON; what would be printed goes to stderr.
  const say = given.json ? (l: string) => process.stderr.write(`${l}\n`) : out;
  const reporters = given.reporter ?? [];
  for (const r of reporters)
    if (!(REPORTERS as readonly string[]).includes(r)) {
      const near = nearest(r, REPORTERS);
      throw new HeedError(
        `--reporter ${r}: unknown reporter${near ? ` — did you mean ${near}?` : ''}`,
        `reporters: ${REPORTERS.join(', ')}`,
      );
    }
  const thresholds = given['fail-under'] === undefined ? undefined : parseThresholds(given['fail-under']);
  const maxFailures = given['max-failures'] === undefined ? undefined : Number(given['max-failures']);
  if (maxFailures !== undefined && !(Number.isInteger(maxFailures) && maxFailures > 0))
    throw new HeedError('--max-failures must be a positive whole number');
  if (given.merge) {
    if (!given.out) throw new HeedError('--merge needs --out <dir> for the merged report');
    const t0 = Date.now();
    const { episodes, config: merged } = mergeShards(positionals, given.out);
    say(`heed eval: merged ${episodes.length} episodes from ${positionals.length} shard folder(s) → ${given.out}`);
    const results = buildResults(episodes, merged);
    const ending = { results, dir: given.out, reporters, json: Boolean(given.json), thresholds };
    return finishEval({ ...ending, seconds: (Date.now() - t0) / 1000 }, out);
  }
  if (positionals.length) throw new HeedError(`unexpected argument '${positionals[0]}'`, 'see heed eval --help');
  // --resume alone: the options come from the folder (eval.json); given ones must agree with them.
  const values = resumeOptions(given);
  if (!values.suite) throw new HeedError('heed eval needs --suite', 'see heed eval --help');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const splits = values.split?.split(',');
  const suite = loadSuite(values.suite, {
    splits,
    personas: values.personas?.split(','),
    device: values.appium?.length ? 'android' : 'simulated',
  });
  const { skipped } = suite;
  const ids = values.task?.flatMap((t) => t.split(','));
  const tasks = selectTasks(suite.tasks, { ids, grep: values.grep, skipped });
  if (skipped.length) say(`skipping ${skipped.length} task(s): ${[...new Set(skipped.map((s) => s.why))].join('; ')}`);
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
  const { agent, userModel, judgeModel, guardModel } = evalModels(values, config, say);
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
  if (values.list) return listMatrix(shardJobs(jobs({ tasks, personas, policies, repeats }), shard), given.json, out);
  if (!values['no-preflight']) {
    const failed = await preflightSlots([agent, userModel, judgeModel, guardModel], say);
    if (failed) return failed;
  }
  // Every option is checked before anything is written.
  const dir =
    values.resume ?? values.out ?? join('runs', `eval-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`);
  writableDir(dir, 'the evaluation folder', 'give --out a folder you can write to');
  saveOptions(dir, values, {
    agent: agent?.model,
    user: userModel?.model,
    judge: judgeModel?.model,
    guard: guardModel?.model,
  });
  const web =
    values.user === 'web'
      ? await new WebUser({ ...config.web, announce: (u) => say(`Answer for the personas in a browser: ${u}`) }).start()
      : undefined;
  say(
    `heed eval: ${tasks.length} tasks, policies ${policies.join(', ')}, mode ${mode}, ${logs} logs, ${values.appium?.length ?? devices} device(s)${shard ? `, shard ${shard.index}/${shard.count}` : ''} → ${dir}`,
  );
  const early = stopPolicy(maxFailures);
  const t0 = Date.now();
  const writeEpisodeReport = reportWriter(say);
  const stop = watchSignals();
  let run: EvalRun;
  try {
    run = await runEval({
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
      guardModel,
      clear: Boolean(values.clear),
      user: web,
      progress: say,
      afterWrite: (dir, meta) => writeEpisodeReport(dir, { meta }),
      config,
      signal: stop.signal,
      shard,
      stopWhen: early.stopWhen,
    });
  } catch (e) {
    stop.dispose();
    await closeAll([() => web?.close()], say);
    throw e;
  }
  stop.dispose();
  const { episodes } = run;
  const failed = episodes.filter((e) => !e.success).length;
  web?.end({
    outcome: run.complete ? 'finished' : 'interrupted',
    message: `${episodes.length} episodes, ${failed} failed; reports in ${dir}`,
  });
  await closeAll([() => web?.close()], say);
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
    guard: guardModel ? describeLlm(guardModel) : null,
    wallMs: Date.now() - t0,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    ...(run.complete || early.reason
      ? {}
      : { interrupted: true, episodesDone: episodes.length, episodesTotal: run.total }),
  });
  if (!run.complete && !early.reason) {
    finishEval({ results, dir, reporters, json: false, seconds: (Date.now() - t0) / 1000 }, () => {});
    say(
      `■ interrupted: ${episodes.length} of ${run.total} episodes done (any in flight when it stopped are not saved); reports cover those.\n` +
        `  resume with: heed eval --resume ${dir}`,
    );
    return exitFor('interrupted', stop.received);
  }
  const ending = { results, dir, reporters, json: Boolean(given.json), thresholds, stop: early };
  return finishEval({ ...ending, seconds: (Date.now() - t0) / 1000 }, out);
}
