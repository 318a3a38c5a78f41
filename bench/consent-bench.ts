// `npm run bench:consent`: the consent classifier on the real-screen corpus, as tables — overall, per category of
// the labelled element, per language, and every miss with its label, so a regression says where it is. Not a test:
// test/eval/consent-corpus.test.ts asserts the floors.
import { loadCorpus } from '../src/eval/corpus.js';
import { robustness } from './consent-robustness.js';
import { paddedTable as table } from './stats.js';
import {
  addElement,
  addScreen,
  emptyTally,
  pct,
  scoreScreen,
  type ScreenScore,
  type Tally,
} from '../src/eval/consent-score.js';

function row(name: string, t: Tally): string[] {
  return [
    name,
    `${t.exposingFound}/${t.exposing}`,
    pct(t.exposingFound, t.exposing),
    `${t.protectiveFound}/${t.protective}`,
    pct(t.protectiveFound, t.protective),
    `${t.categoryRight}/${t.found}`,
    pct(t.categoryRight, t.found),
    `${t.neutralFlagged}/${t.neutralScreens}`,
  ];
}

const HEAD = ['', 'exposing', 'recall', 'protective', 'recall', 'category', 'right', 'neutral flagged'];

export function consentBench(scores: ScreenScore[]): string {
  const all = emptyTally();
  const byCategory = new Map<string, Tally>();
  const byLanguage = new Map<string, Tally>();
  const get = (m: Map<string, Tally>, k: string) => m.get(k) ?? (m.set(k, emptyTally()), m.get(k)!);
  for (const s of scores) {
    addScreen(all, s);
    addScreen(get(byLanguage, s.language), s);
    for (const e of s.elements) addElement(get(byCategory, e.label.category), e);
  }
  const sorted = (m: Map<string, Tally>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  const misses = scores.flatMap((s) =>
    s.elements
      // As the tally counts them: a label's `unknown` (a human could not tell) takes any category.
      .filter(
        (e) =>
          !e.found ||
          e.found.exposing !== e.label.exposing ||
          (e.label.category !== 'unknown' && e.found.category !== e.label.category),
      )
      .map((e) => {
        const want = `${e.label.category}/${e.label.grant}`;
        const got = e.found
          ? `${e.found.category}/${e.found.grant}`
          : s.parseError
            ? 'parse error'
            : e.target === undefined
              ? 'no target'
              : 'nothing';
        return `  ${s.slug} "${e.label.text ?? e.label.resourceId ?? e.label.bounds}": want ${want}, got ${got}`;
      }),
  );
  const flagged = scores
    .filter((s) => s.neutral && s.unlabelledExposing.length)
    .map((s) => `  ${s.slug}: ${s.unlabelledExposing.map((p) => `${p.category} "${p.evidence.text}"`).join(', ')}`);
  const parseErrors = scores.filter((s) => s.parseError).map((s) => `  ${s.slug}: ${s.parseError}`);
  const extra = scores.reduce((n, s) => n + (s.neutral ? 0 : s.unlabelledExposing.length), 0);
  return [
    `Consent classifier on the real-screen corpus: ${scores.length} screens (${all.neutralScreens} neutral), ${all.exposing + all.protective} labelled elements; ${all.parseErrors} dumps do not parse`,
    '',
    table(HEAD, [row('all', all)]),
    '',
    table(
      ['category', ...HEAD.slice(1, -1)],
      sorted(byCategory).map(([k, t]) => row(k, t).slice(0, -1)),
    ),
    '',
    table(
      ['language', ...HEAD.slice(1)],
      sorted(byLanguage).map(([k, t]) => row(k, t)),
    ),
    '',
    `Exposing points on consent screens that no label names: ${extra}`,
    ...(parseErrors.length ? ['', 'Dumps that do not parse:', ...parseErrors] : []),
    ...(flagged.length ? ['', 'Neutral screens with an exposing point:', ...flagged] : []),
    ...(misses.length ? ['', `Misses and wrong categories (${misses.length}):`, ...misses] : []),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const screens = loadCorpus(process.argv[2]);
    console.log(consentBench(screens.map(scoreScreen)));
    console.log(`\n${robustness(screens)}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
