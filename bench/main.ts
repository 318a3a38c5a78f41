// `npm run bench`: speed and size targets, printed as tables. Not a test: numbers depend on the machine.
import { agentBench } from './agent-bench.js';
import { deviceBench } from './device-bench.js';

const runs = Number(process.env.HEED_BENCH_RUNS ?? 50);
const steps = Number(process.env.HEED_BENCH_STEPS ?? 60);

try {
  await deviceBench(runs);
  await agentBench(steps);
} catch (e) {
  console.error(e);
  process.exit(1);
}
