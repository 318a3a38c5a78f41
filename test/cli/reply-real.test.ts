// Real replies of fixtures/model-replies/real-replies.json through the real bin (`heed reply --family <f> --image
// <W>x<H>`): the action on stdout, in pixels of the image, or exit 2 with the reason heed would re-ask the model with.
// One reply heed acts on and one it refuses, per family and kind of source (the parsers' test reads all of them; each
// run here is a node process).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadReplies, mismatch, type ReplyEntry } from '../support/replies.js';

const BIN = join(import.meta.dirname ?? '', '..', '..', 'dist', 'src', 'cli', 'main.js');
const SAMPLE = [
  ...new Map(
    loadReplies('real-replies.json').map((r) => [`${r.family} ${r.kind} ${r.expect.error ? 'refused' : 'acted'}`, r]),
  ).values(),
];

function reply(r: ReplyEntry): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'reply', '--family', r.family, '--image', r.image]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
    p.stdin.end(r.reply);
  });
}

test(`heed reply reads ${SAMPLE.length} real replies as their entries say`, async () => {
  const results: { r: ReplyEntry; code: number | null; out: string; err: string }[] = [];
  // A few at a time: each is a node process.
  for (let i = 0; i < SAMPLE.length; i += 4)
    results.push(...(await Promise.all(SAMPLE.slice(i, i + 4).map(async (r) => ({ r, ...(await reply(r)) })))));
  const wrong = results.flatMap(({ r, code, out, err }) => {
    const what = `${r.family} / ${r.variant}`;
    if (r.expect.error) return code === 2 && new RegExp(r.expect.error).test(err) ? [] : [`${what}: ${code} ${out}`];
    if (code !== 0) return [`${what}: exit ${code} ${err}`];
    const miss = mismatch(r.expect, JSON.parse(out), r.image);
    const more = Number(/had (\d+) more action/.exec(err)?.[1] ?? 0);
    if (more !== (r.ignored?.length ?? 0)) return [`${what}: ${more} more actions named on stderr`];
    return miss ? [`${what}: ${miss}`] : [];
  });
  expect(wrong).toEqual([]);
}, 120_000);
