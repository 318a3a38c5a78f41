// One validated configuration: every variable heed reads is declared in src/core/config.ts, parsed once, and a bad
// value is refused with the variable named — never NaN, never a silent default.
import { describe, expect, jest, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, loadConfig, variableNames } from '../../src/core/config.js';
import { envTable, withEnvTable } from '../../src/core/env-doc.js';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname ?? '', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('loadConfig', () => {
  test('defaults when nothing is set; values parsed when set; empty is unset', () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      device: 'sim',
      profile: 'balanced',
      budgets: { maxSteps: 30, maxSeconds: 600 },
      // Nothing set: the model family's frame applies, else these defaults.
      frame: {},
      frameDefaults: { maxSide: 1280, quality: 60, setOfMark: true },
      web: { timeoutS: 300 },
      appium: { url: 'http://127.0.0.1:4723', logLevel: 'error' },
    });
    expect(DEFAULT_CONFIG.budgets.maxCostUsd).toBeUndefined();
    const c = loadConfig({
      HEED_MAX_STEPS: '12',
      HEED_MAX_SECONDS: '2.5',
      HEED_MAX_COST_USD: '0',
      HEED_SET_OF_MARK: 'false',
      HEED_WEB_PORT: '',
      HEED_AGENT_MODEL: 'm',
      HEED_AGENT_TEMPERATURE: '0.2',
      OPENAI_API_KEY: 'sk-x',
      HEED_JUDGE_COORDS: 'norm1',
    });
    expect(c.budgets).toEqual({ maxSteps: 12, maxSeconds: 2.5, maxCostUsd: 0 });
    expect(c.frame).toEqual({ setOfMark: false });
    expect(c.web.port).toBeUndefined();
    expect(c.llm.agent).toEqual({ model: 'm', temperature: 0.2, apiKey: 'sk-x' });
    expect(c.llm.judge).toEqual({ apiKey: 'sk-x', coords: 'norm1' });
  });

  test.each([
    ['HEED_MAX_STEPS', 'ten', /HEED_MAX_STEPS must be a whole number ≥ 1, not 'ten'/],
    ['HEED_MAX_STEPS', '2.5', /HEED_MAX_STEPS must be a whole number/],
    ['HEED_MAX_SECONDS', 'NaN', /HEED_MAX_SECONDS must be a number > 0, not 'NaN'/],
    ['HEED_MAX_SECONDS', '0', /HEED_MAX_SECONDS must be a number > 0/],
    ['HEED_MAX_COST_USD', '-1', /HEED_MAX_COST_USD must be a number ≥ 0/],
    ['HEED_FRAME_QUALITY', '101', /HEED_FRAME_QUALITY must be a whole number from 1 to 100/],
    ['HEED_SET_OF_MARK', 'maybe', /HEED_SET_OF_MARK must be true or false/],
    ['HEED_LOGS', 'dirty', /HEED_LOGS must be clean or noisy, not 'dirty'/],
    ['HEED_DEVICE', 'my-phone', /HEED_DEVICE must be an http:\/\/ or https:\/\/ URL, not 'my-phone'/],
    ['HEED_WEB_PORT', '70000', /HEED_WEB_PORT must be a whole number from 0 to 65535/],
    ['HEED_APPIUM_LOG_LEVEL', 'loud', /HEED_APPIUM_LOG_LEVEL must be one of Appium's log levels/],
    ['HEED_USER_MAX_RETRIES', '-1', /HEED_USER_MAX_RETRIES must be a whole number from 0 to 20/],
    ['HEED_AGENT_STRUCTURED', 'xml', /HEED_AGENT_STRUCTURED must be json_schema, json_object or none/],
    ['HEED_AGENT_BASE_URL', 'localhost:8000', /HEED_AGENT_BASE_URL must be an http:\/\/ or https:\/\/ URL/],
    ['HEED_BENCH_SPLIT', 'nonsense', /HEED_BENCH_SPLIT must be general, personalized, proactive or privacy/],
  ])('%s=%s is refused, naming the variable', (name, value, why) => {
    expect(() => loadConfig({ [name]: value })).toThrow(why);
  });

  test('every bad variable is named in one error', () => {
    let message = '';
    try {
      loadConfig({ HEED_MAX_STEPS: 'x', HEED_FRAME_MAX_SIDE: 'y', HEED_AGENT_MODEL: 'fine' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Invalid environment:\n {2}HEED_MAX_STEPS .*\n {2}HEED_FRAME_MAX_SIDE /);
    // Once each, though the frame settings (and the OPENAI_* fallbacks of every model slot) are read more than once.
    expect(message.split('\n').filter((l) => /^ {2}[A-Z]/.test(l))).toEqual([
      expect.stringMatching(/^ {2}HEED_MAX_STEPS /),
      expect.stringMatching(/^ {2}HEED_FRAME_MAX_SIDE /),
    ]);
  });

  test('heed refuses a bad variable at start-up with exit code 2 and one line naming it', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    const saved = process.env.HEED_MAX_SECONDS;
    process.env.HEED_MAX_SECONDS = 'soon';
    try {
      expect(await main(['run', 'Open Settings'], () => {})).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/^heed run: HEED_MAX_SECONDS must be a number > 0, not 'soon'/);
    } finally {
      if (saved === undefined) delete process.env.HEED_MAX_SECONDS;
      else process.env.HEED_MAX_SECONDS = saved;
      err.mockRestore();
    }
  });
});

describe('the list of variables', () => {
  test('every HEED_* variable named in src/ is declared in src/core/config.ts', () => {
    const declared = new Set(variableNames());
    const named = new Set<string>();
    for (const f of sources(join(ROOT, 'src')))
      for (const m of readFileSync(f, 'utf8').matchAll(/\bHEED_[A-Z][A-Z0-9_]*[A-Z0-9]\b/g)) named.add(m[0]);
    const undeclared = [...named].filter((n) => !declared.has(n) && !/^HEED_(AGENT|USER|JUDGE)_$/.test(n));
    expect(undeclared).toEqual([]);
  });

  test('nothing below the command line reads process.env for a HEED_* variable', () => {
    const readers = sources(join(ROOT, 'src'))
      .filter((f) => !f.includes(`${join('src', 'cli')}`) && !f.endsWith(join('core', 'config.ts')))
      .filter((f) => /process\.env(\.HEED_|\[['"`]HEED_)/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([]);
  });

  test('the README table is the one src/core/config.ts generates (run npm run docs after changing it)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withEnvTable(readme)).toBe(readme);
    for (const name of ['HEED_MAX_SECONDS', 'HEED_WEB_TIMEOUT_S', 'HEED_<ROLE>_COORDS'])
      expect(envTable()).toContain(name);
  });
});
