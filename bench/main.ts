// `npm run bench`: speed and size targets, printed as tables. Not a test: numbers depend on the machine.
import { agentBench } from './agent-bench.js';
import { deviceBench } from './device-bench.js';
import { evalBench } from './eval-bench.js';
import { reportBench } from './report-bench.js';

const runs = Number(process.env.HEED_BENCH_RUNS ?? 50);
const steps = Number(process.env.HEED_BENCH_STEPS ?? 60);
const split = process.env.HEED_BENCH_SPLIT ?? 'privacy';

try {
  await deviceBench(runs);
  await agentBench(steps);
  reportBench(await evalBench(split));
} catch (e) {
  console.error(e);
  process.exit(1);
}
