// Reference steps (the demo without a model) when the user takes another path at the terminal prompt: deny,
// never, or a typed instruction end the run cleanly with the reason (outcome infeasible, exit 1), never a tap at a
// screen that is not there.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TASK = join(ROOT, 'tasks', 'suite', 'trailcam-photo.yaml');

/** A hands-on run at the terminal prompt (through a pipe), giving `answers` to the prompts in turn. */
function run(answers: string[]): Promise<{ code: number | null; out: string }> {
  const out = mkdtempSync(join(tmpdir(), 'heed-ref-'));
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [
      MAIN,
      'run',
      '--task',
      TASK,
      '--profile',
      'hands-on',
      '--user',
      'terminal',
      '--no-memory',
      '--out',
      out,
    ]);
    let text = '';
    let pending = '';
    p.stdout.on('data', (d: Buffer) => {
      text += d;
      pending += d;
      if (/> $/.test(pending)) {
        pending = '';
        p.stdin.write(`${answers.shift() ?? 'o'}\n`);
      }
    });
    p.stderr.on('data', (d: Buffer) => (text += d));
    p.on('exit', (code) => resolve({ code, out: text }));
  });
}

describe('reference steps when the user goes another way', () => {
  test.each([
    [
      ['d'],
      /■ infeasible: stopped: .*\(location, allow_foreground\): the user answered deny; the rest of this persona's reference steps cannot adapt/,
    ],
    [['o', 'n'], /■ infeasible: stopped: .*\(camera, allow_foreground\): the user answered never/],
    [['i', 'take it without location'], /■ infeasible: stopped: .*the user answered instead: take it without location/],
  ])(
    'answers %j end cleanly, saying why',
    async (answers, ending) => {
      const r = await run(answers);
      expect(r.out).toMatch(ending);
      expect(r.out).toContain('with a model (HEED_AGENT_MODEL) the agent would look for another way');
      expect(r.out).not.toMatch(/nothing on screen matches|■ stuck/);
      expect(r.code).toBe(1);
    },
    90_000,
  );
});
