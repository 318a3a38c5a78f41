// `npm run bench`: speed and size targets, printed as tables. Not a test: numbers depend on the machine.
import { loadConfig } from '../src/core/config.js';
import { HeedError } from '../src/core/errors.js';
import { agentBench } from './agent-bench.js';
import { deviceBench } from './device-bench.js';
import { evalBench } from './eval-bench.js';
import { reportBench } from './report-bench.js';

try {
  const { runs, steps, split } = loadConfig(process.env).bench;
  await deviceBench(runs);
  await agentBench(steps);
  reportBench(await evalBench(split));
} catch (e) {
  console.error(e instanceof HeedError ? `npm run bench: ${e.message}` : e);
  process.exit(e instanceof HeedError ? 2 : 1);
}
