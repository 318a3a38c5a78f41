// `npm start`: the demo. The embedded simulated phone, a task that meets a permission dialog, the camera and a
// sign-in offer, run once as a privacy-first and once as a utility-first user. With a configured model the model
// plays the agent; without one, the task's reference steps do, and the gate, questions and run directory are the same.
import { join } from 'node:path';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { exitFor } from '../core/exit.js';
import { ROOT } from '../core/paths.js';
import type { Outcome } from '../core/vocab.js';
import { resolveLlmConfig } from '../policy/llm/config.js';
import { loadTask } from '../tasks/task.js';
import { runOnce } from './run.js';
import { watchSignals } from './signals.js';

export const DEMO_HELP = `Usage: heed demo

Runs the bundled TrailCam task on the simulated phone as privacy-first and as utility-first. In a terminal you answer
the consent requests; otherwise a scripted stand-in answers as each persona would. Without a model
(HEED_AGENT_MODEL) the task's reference steps play the agent: if you deny or never-allow a step they need, or type
another instruction, that run stops with outcome infeasible and the reason.

Exit code: 0 when both runs succeed and pass their checks, 1 otherwise, 3 when the endpoint or the phone failed.`;

export async function demoCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return (out(DEMO_HELP), 0);
  const task = loadTask(join(ROOT, 'tasks', 'suite', 'trailcam-photo.yaml'));
  const model = resolveLlmConfig('agent', {}, config.llm.agent);
  out(
    model
      ? `heed demo — agent model ${model.model} at ${model.baseURL}`
      : 'heed demo — no agent model configured (set HEED_AGENT_MODEL, HEED_AGENT_BASE_URL, HEED_AGENT_API_KEY to use one);\n' +
          "playing the task's reference steps instead. The consent gate, the questions and the run directory work the same.",
  );
  const interactive = Boolean(process.stdin.isTTY);
  out(
    interactive
      ? 'You will be asked where the profile says to ask.\n'
      : 'stdin is not a terminal: a scripted stand-in answers as each persona would.\n',
  );
  const stop = watchSignals();
  const outcomes: Outcome[] = [];
  try {
    for (const profile of ['privacy-first', 'utility-first']) {
      const run = await runOnce(
        { task, profile, user: interactive ? 'terminal' : 'scripted', memory: false },
        out,
        config,
        stop.signal,
      );
      outcomes.push(run.outcome);
      out('');
      if (run.outcome === 'interrupted') return exitFor('interrupted', stop.received);
    }
  } finally {
    stop.dispose();
  }
  out(
    'Each run directory holds steps.jsonl, frames/, ledger.jsonl (every consent decision and its source) and summary.json.',
  );
  return exitFor(outcomes.find((x) => x !== 'success') ?? 'success');
}
