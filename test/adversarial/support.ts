// Runs a group of adversarial scenarios as jest tests: one test per scenario, each through the real loop.
import { runScenario } from '../../bench/adversarial/run.js';
import type { Scenario } from '../../bench/adversarial/scenario.js';
import { testConfig } from '../support/config.js';

export function suite(name: string, scenarios: Scenario[]): void {
  describe(name, () => {
    test.each(scenarios.map((s) => [s.id, s] as const))(
      '%s',
      async (_id, s) => {
        const r = await runScenario(s, { config: testConfig });
        expect({ crash: r.crash, hang: r.hang, bypasses: r.bypasses }).toEqual({
          crash: undefined,
          hang: false,
          bypasses: [],
        });
      },
      120_000,
    );
  });
}
