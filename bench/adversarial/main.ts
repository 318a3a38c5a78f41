// npm run adversarial: every adversarial scenario through the real loop (one embedded Appium server with the
// simulated phone and the hostile apps, a scripted model over HTTP), then a table per item and in total.
// Exit 1 when anything got through, crashed or hung. HEED_ADV_FILTER=<text> runs only scenarios whose id has it.
import { startAppium } from '../../src/device/appium-server.js';
import { loadConfig } from '../../src/core/config.js';
import { SCENARIOS } from './index.js';
import { replyProperty } from './property.js';
import { runScenario } from './run.js';
import type { ScenarioResult } from './scenario.js';
import { table } from './table.js';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const chosen = SCENARIOS.filter((s) => s.id.includes(filter));
  const server = await startAppium({ logLevel: 'error' });
  const config = { ...loadConfig({}), appium: { ...loadConfig({}).appium, simUrl: server.url } };
  const results: ScenarioResult[] = [];
  const t0 = Date.now();
  const queue = [...chosen];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const r = await runScenario(s, { config });
      results.push(r);
      const mark = r.crash ? 'CRASH' : r.hang ? 'HANG' : r.bypasses.length ? 'BYPASS' : 'ok';
      process.stderr.write(`[${results.length}/${chosen.length}] ${mark.padEnd(6)} ${r.id} (${r.ms} ms)\n`);
      for (const b of r.bypasses) process.stderr.write(`         ${b}\n`);
      if (r.crash) process.stderr.write(`         ${r.crash}\n`);
    }
  };
  await Promise.all([worker(), worker()]);
  if ('property: random replies on a real location dialog'.includes(filter)) {
    const t = Date.now();
    const p = await replyProperty(500);
    results.push({
      id: 'property: random replies on a real location dialog',
      item: 'R',
      bypasses: p.failures,
      hang: false,
      ms: Date.now() - t,
      runs: p.runs,
    });
    process.stderr.write(`[property] ${p.failures.length ? 'BYPASS' : 'ok'} ${p.runs} random replies\n`);
  }
  await server.close();
  console.log(table(results));
  console.log(`\n${chosen.length} scenarios in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exitCode = results.some((r) => r.bypasses.length || r.crash || r.hang) ? 1 : 0;
}

await main();
