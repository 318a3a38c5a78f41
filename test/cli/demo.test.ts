import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';

describe('npm start (heed demo) without a model and without a terminal', () => {
  test('runs the task as privacy-first and utility-first, shows the gate at work, and exits 0', async () => {
    const cwd = process.cwd();
    process.chdir(mkdtempSync(`${tmpdir()}/heed-demo-`));
    const saved = { a: process.env.HEED_AGENT_MODEL, o: process.env.OPENAI_MODEL };
    delete process.env.HEED_AGENT_MODEL;
    delete process.env.OPENAI_MODEL;
    const lines: string[] = [];
    try {
      expect(await main(['demo'], (s) => lines.push(s))).toBe(0);
    } finally {
      process.chdir(cwd);
      if (saved.a !== undefined) process.env.HEED_AGENT_MODEL = saved.a;
      if (saved.o !== undefined) process.env.OPENAI_MODEL = saved.o;
    }
    const out = lines.join('\n');
    expect(out).toContain('no agent model configured');
    // A refusal reads as one, never "location deny → allow".
    expect(out).toMatch(
      /tap \[\d+\] "Don’t allow" → done {2}\[refuses location — a protective choice: needs no consent\]/,
    );
    expect(out).toMatch(/tap \[\d+\] "Only this time" → done {2}\[camera allow_once — you allowed it\]/);
    expect(out).toMatch(
      /tap \[\d+\] "While using the app" → done {2}\[location allow_foreground — allowed by the profile\]/,
    );
    expect(out).toMatch(/tap \[\d+\] "Sign in with Google" → done {2}\[sign-in accept — allowed by the profile\]/);
    expect(out.match(/■ success/g)).toHaveLength(2);
    expect(out).not.toContain('✗');
  });
});
