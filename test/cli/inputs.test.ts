// What a user can get wrong is refused with one message naming what failed and what to do, never a raw stack:
// oversized inputs, regular expressions that do not compile, a folder where a file belongs, folders heed cannot
// write, a read-only HEED_HOME (the "always" answer still holds, and the user is told it was not saved).
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname ?? '', '..', '..');
const TASK = join(ROOT, 'tasks', 'suite', 'trailcam-photo.yaml');
const PROFILE = join(ROOT, 'tasks', 'profiles', 'privacy-first.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'heed-in-'));
const big = (file: string, mb: number) => writeFileSync(file, `# ${'x'.repeat(mb * 1024 * 1024)}\n`);

let err: ReturnType<typeof jest.spyOn>;
beforeAll(() => {
  err = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => err.mockRestore());

async function heed(args: string[], env: Record<string, string> = {}) {
  err.mockClear();
  const saved = { ...process.env };
  Object.assign(process.env, { HEED_AGENT_MODEL: '', OPENAI_MODEL: '', HEED_MODEL: '' }, env);
  const lines: string[] = [];
  try {
    const code = await main(args, (s) => lines.push(s));
    return { code, out: lines.join('\n'), err: err.mock.calls.map((c: unknown[]) => String(c[0])).join('\n') };
  } finally {
    process.env = saved;
  }
}

const refused = (r: { code: number; err: string }, why: RegExp) => {
  expect(r.err).toMatch(why);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(2);
};

describe('size limits', () => {
  test('a 50 MB task, profile or memory file is refused by its size, before it is parsed', async () => {
    const dir = tmp();
    big(join(dir, 'task.yaml'), 50);
    refused(
      await heed(['run', '--task', join(dir, 'task.yaml')]),
      /task\.yaml is 50\.0 MB; a task file may be at most 1\.0 MB/,
    );
    big(join(dir, 'profile.yaml'), 50);
    refused(await heed(['run', 'x', '--profile', join(dir, 'profile.yaml')]), /a profile file may be at most 1\.0 MB/);
    big(join(dir, 'memory.json'), 50);
    const out = join(dir, 'runs');
    const r = await heed(['run', '--task', TASK, '--memory', join(dir, 'memory.json'), '--out', out]);
    refused(r, /memory\.json is 50\.0 MB; a memory file may be at most 8\.0 MB/);
    // The run had its folder by then: its summary says why it never started.
    const [run] = readdirSync(out);
    expect(JSON.parse(readFileSync(join(out, run!, 'summary.json'), 'utf8'))).toMatchObject({
      outcome: 'error',
      stage: 'start',
      message: expect.stringContaining('may be at most 8.0 MB'),
    });
  });

  test('an instruction over 8000 characters, on the command line or in a task', async () => {
    refused(
      await heed(['run', 'a'.repeat(20_000)]),
      /the instruction is 20000 characters; an instruction may be at most 8000/,
    );
    const dir = tmp();
    const task = readFileSync(TASK, 'utf8').replace(/^instruction: .*$/m, `instruction: "${'b'.repeat(9000)}"`);
    writeFileSync(join(dir, 'long.yaml'), task);
    refused(await heed(['run', '--task', join(dir, 'long.yaml')]), /long\.yaml: instruction: .*8000/);
  });
});

describe('regular expressions compile when the file loads, with the file and field named', () => {
  test('a task check and a task answer', async () => {
    const dir = tmp();
    const bad = readFileSync(TASK, 'utf8').replace('expect: "^Row: 0 "', 'expect: "^Row: (0 "');
    expect(bad).toContain('"^Row: (0 "');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    refused(
      await heed(['run', '--task', join(dir, 'bad.yaml')]),
      /bad\.yaml: checks\.0\.expect: not a valid regular expression/,
    );
    writeFileSync(join(dir, 'answer.yaml'), `${readFileSync(TASK, 'utf8')}\nanswer: '[07:00'\n`);
    refused(
      await heed(['run', '--task', join(dir, 'answer.yaml')]),
      /answer\.yaml: answer: not a valid regular expression/,
    );
  });

  test('a profile redaction pattern', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'p.yaml'),
      `${readFileSync(PROFILE, 'utf8')}\nredact:\n  patterns: ['\\d{4}', '(unclosed']\n`,
    );
    refused(
      await heed(['run', 'x', '--profile', join(dir, 'p.yaml')]),
      /p\.yaml: redact\.patterns\.1: not a valid regular expression/,
    );
  });
});

describe('paths the filesystem refuses', () => {
  test('a folder given as the profile or the task', async () => {
    const dir = tmp();
    refused(await heed(['run', 'x', '--profile', dir]), /is a folder, not a profile file/);
    refused(await heed(['run', '--task', dir]), /is a folder, not a task file/);
  });

  test('--out heed cannot write, for a run and for an eval: nothing half-made, one message', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    refused(
      await heed(['run', '--task', TASK, '--out', join(file, 'runs')]),
      /Cannot create the run directory .*a-file\/runs\/.*: a part of the path is a file, not a folder\n {2}→ give --out a folder you can write to/,
    );
    refused(
      await heed(['eval', '--suite', TASK, '--baselines', '--out', join(file, 'eval')]),
      /Cannot create the evaluation folder .*: a part of the path is a file/,
    );
    refused(
      await heed(['run', '--task', TASK, '--record', join(file, 'calls.jsonl'), '--no-preflight', '--out', tmp()], {
        HEED_AGENT_MODEL: 'm',
        HEED_AGENT_BASE_URL: 'http://127.0.0.1:9/v1',
      }),
      /Cannot create the folder of the cassette .*a-file: a file of that name is in the way/,
    );
    // A folder given as the cassette is refused before the phone boots, not found out at the first model call.
    refused(
      await heed(['run', '--task', TASK, '--record', tmp(), '--no-preflight', '--out', tmp()], {
        HEED_AGENT_MODEL: 'm',
        HEED_AGENT_BASE_URL: 'http://127.0.0.1:9/v1',
      }),
      /is a folder, not a cassette file\n {2}→ give --record a file in a folder you can write to/,
    );
  });

  test('a HEED_HOME heed cannot write: the "always" answer holds for the run, and the user is told it was not saved', async () => {
    const dir = tmp();
    // privacy-first, except that asked about the camera she answers "always".
    writeFileSync(
      join(dir, 'privacy-first.yaml'),
      readFileSync(PROFILE, 'utf8').replace(
        'camera: { decision: ask, answer: allow_once',
        'camera: { decision: ask, answer: always',
      ),
    );
    const home = join(dir, 'home-is-a-file');
    writeFileSync(home, '');
    const out = join(dir, 'runs');
    const r = await heed(
      ['run', '--task', TASK, '--profile', join(dir, 'privacy-first.yaml'), '--user', 'scripted', '--out', out],
      {
        HEED_HOME: home,
      },
    );
    expect(r.code).toBe(0); // the run itself is fine
    expect(r.out).toMatch(
      /warning: your answer "always allow camera in com\.heed\.trailcam" holds for this run but could not be saved to .*home-is-a-file\/memory\/privacy-first\.json \(a part of the path is a file, not a folder\)/,
    );
    const [run] = readdirSync(out);
    const summary = JSON.parse(readFileSync(join(out, run!, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([expect.stringContaining('could not be saved')]);
    expect(existsSync(join(home, 'memory'))).toBe(false);
  });

  test('an approval page port that is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const r = await heed(['run', '--task', TASK, '--user', 'web', '--out', tmp()], { HEED_WEB_PORT: port });
      refused(r, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use\\n {2}→ set HEED_WEB_PORT`));
    } finally {
      taken.close();
    }
  });
});

test('the README documents the exit codes', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const row of [
    /\| `success` \|.*\| 0 \|/,
    /\| `model-error` \|.*\| 3 \|/,
    /\| `interrupted` \|.*\| 130 \/ 143 \|/,
  ])
    expect(readme).toMatch(row);
  expect(readme).toMatch(/Bad input .* exits 2/);
});

describe('mistyped values', () => {
  test('a profile, device, reporter, split, persona or task id close to a real one is named with it', async () => {
    refused(
      await heed(['run', '--task', TASK, '--profile', 'privacy-frist']),
      /No profile 'privacy-frist' — did you mean privacy-first\?/,
    );
    refused(
      await heed(['run', '--task', TASK, '--device', 'emulatr']),
      /Unknown device 'emulatr' — did you mean emulator\?/,
    );
    const suite = join(ROOT, 'tasks');
    refused(
      await heed(['eval', '--suite', suite, '--baselines', '--reporter', 'junt']),
      /--reporter junt: unknown reporter — did you mean junit\?/,
    );
    refused(
      await heed(['eval', '--suite', suite, '--baselines', '--split', 'privcy', '--list']),
      /--split privcy: no task in .* has this split — did you mean privacy\?/,
    );
    // Not "its tasks were skipped": the persona is the mistake.
    const persona = await heed(['eval', '--suite', suite, '--baselines', '--personas', 'privacy-frist', '--list']);
    refused(persona, /--personas privacy-frist: no task in .* has this persona — did you mean privacy-first\?/);
    expect(persona.err).not.toContain('skipped');
    // A task the device kind skips is said to be skipped, and why, rather than not to exist.
    refused(
      await heed(['eval', '--suite', suite, '--baselines', '--task', 'android-camera-first-run', '--list']),
      /--task android-camera-first-run: skipped here: needs a real Android device \(--appium\)/,
    );
  });
});
