// The real-screen corpus is the classifier's yardstick: the loader checks it, and every dump must parse as it is.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, loadCorpus, screenTree } from '../../src/eval/corpus.js';

const corpus = loadCorpus();

describe('the real-screen corpus', () => {
  test('loads: every label validates, matches its dump’s sha256 and names its source commit', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((s) => s.label.sha256)).size).toBe(corpus.length);
  });

  test.each(corpus.map((s) => [s.slug, s] as const))('%s parses as committed, with every labelled element', (_, s) => {
    const tree = screenTree(s);
    const bounds = new Set(tree.elements.map((e) => `[${e.bounds[0]},${e.bounds[1]}][${e.bounds[2]},${e.bounds[3]}]`));
    for (const e of s.label.elements) expect([e.bounds, bounds.has(e.bounds)]).toEqual([e.bounds, true]);
  });

  test('a broken corpus is refused with every problem named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-corpus-'));
    cpSync(CORPUS_DIR, dir, { recursive: true });
    const [first, second] = corpus;
    writeFileSync(join(dir, 'screens', `${first!.slug}.xml`), Buffer.concat([first!.bytes, Buffer.from(' ')]));
    const label = JSON.parse(readFileSync(join(dir, 'labels', `${second!.slug}.json`), 'utf8'));
    writeFileSync(join(dir, 'labels', `${second!.slug}.json`), JSON.stringify({ ...label, surface: 'sofa' }));
    mkdirSync(join(dir, 'labels', 'x'), { recursive: true });
    expect(() => loadCorpus(dir)).toThrow(
      new RegExp(`2 problem\\(s\\)[\\s\\S]*${first!.slug}\\.xml: sha256[\\s\\S]*${second!.slug}\\.json: surface`),
    );
    expect(() => loadCorpus(join(dir, 'nope'))).toThrow(/No corpus at/);
  });
});
