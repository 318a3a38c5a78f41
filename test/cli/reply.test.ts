// `heed reply` through the real bin (node dist/src/cli/main.js): one raw reply on stdin, the action heed would take
// on stdout in pixels of the image, or exit 2 with the reason heed would re-ask the model.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILY_NAMES } from '../../src/policy/families/index.js';

const ROOT = join(import.meta.dirname ?? '', '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const REPLIES: {
  family: string;
  image: string;
  reply: string;
  expect: Record<string, unknown> & { error?: string };
  ignored?: unknown[];
  variant: string;
}[] = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'model-replies', 'replies.json'), 'utf8'));

function reply(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, 'reply', ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('heed reply', () => {
  test.each(FAMILY_NAMES.map((f) => [f, REPLIES.find((r) => r.family === f && !r.expect.error)!] as const))(
    '%s: prints the action heed would take, in image pixels',
    (family, r) => {
      const { code, out, err } = reply(['--family', family, '--image', r.image], r.reply);
      expect(err).toEqual(r.ignored?.length ? expect.stringContaining('more action(s)') : '');
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual(r.expect);
    },
  );

  test('a reply heed would not act on exits 2 with the reason it would re-ask with', () => {
    const r = reply(['--family', 'ui-tars-1.5', '--image', '1080x2400'], "Thought: x\nAction: click(start_box='=')");
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("heed reply: click's start_box '=' is not a point");
  });

  test('several actions: the first on stdout, the rest named on stderr', () => {
    const r = reply(
      ['--family', 'showui', '--image', '1080x2400'],
      "{'action': 'CLICK', 'value': None, 'position': [0.49, 0.42]},\n{'action': 'ENTER', 'value': None, 'position': None}",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ action: 'tap', x: 529, y: 1008 });
    expect(r.err).toContain('1 more action(s), which heed records and does not execute: key key="enter"');
  });

  test('swipes print their finger path; UI-TARS v1.0 and 1.5 read the same string in their own spaces', () => {
    const same = "Thought: x\nAction: click(start_box='(500,500)')";
    expect(JSON.parse(reply(['--family', 'ui-tars-1.0', '--image', '1080x2400'], same).out)).toEqual({
      action: 'tap',
      x: 540,
      y: 1200,
    });
    expect(JSON.parse(reply(['--family', 'ui-tars-1.5', '--image', '1080x2400'], same).out)).toEqual({
      action: 'tap',
      x: 495,
      y: 498,
    });
    const swipe = reply(
      ['--family', 'autoglm', '--image', '720x1280'],
      '<answer>do(action="Swipe", start=[500,800], end=[500,200])</answer>',
    );
    expect(JSON.parse(swipe.out)).toEqual({ action: 'swipe', from: [360, 1024], to: [360, 256] });
  });

  test('bad usage says what to do; --help lists every family', () => {
    const noImage = reply(['--family', 'qwen2.5-vl'], '');
    expect(noImage.code).toBe(2);
    expect(noImage.err).toMatch(/needs --image <W>x<H>[\s\S]*e\.g\. --image 1080x2400/);
    const unknown = reply(['--family', 'uitars', '--image', '10x10'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown model family 'uitars'");
    const help = reply(['--help'], '');
    expect(help.code).toBe(0);
    for (const f of FAMILY_NAMES) expect(help.out).toMatch(new RegExp(`^  ${f.replace('.', '\\.')} `, 'm'));
  });
});
