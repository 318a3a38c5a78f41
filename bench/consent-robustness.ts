// How the consent classifier holds when the same screens are drawn in another case: Material buttons upper-case their
// labels ("SIGN IN", "ÇIKIŞ YAP"), some apps lower-case them. Every text and description of every corpus dump is
// rewritten (entities kept), the labels' own texts with them, and the screens are scored again. A rule that keys on a
// spelling shows up as the gap to the dumps as written.
import type { CorpusScreen } from '../src/eval/corpus.js';
import { addScreen, emptyTally, pct, scoreScreen, type Tally } from '../src/eval/consent-score.js';
import { paddedTable } from './stats.js';

const VARIANTS: [string, (s: string) => string][] = [
  ['as written', (s) => s],
  ['UPPER CASE', (s) => s.toUpperCase()],
  ['lower case', (s) => s.toLowerCase()],
];

/** An attribute value rewritten outside its entities ("&amp;" stays, "&#10;" stays). */
const rewrite = (value: string, f: (s: string) => string) =>
  value
    .split(/(&[#a-zA-Z0-9]+;)/)
    .map((part, i) => (i % 2 ? part : f(part)))
    .join('');

export function variant(s: CorpusScreen, f: (s: string) => string): CorpusScreen {
  const xml = s.bytes
    .toString('utf8')
    .replace(/\b(text|content-desc)="([^"]*)"/g, (_, a: string, v: string) => `${a}="${rewrite(v, f)}"`);
  const elements = s.label.elements.map((l) => (l.text ? { ...l, text: f(l.text) } : l));
  return { ...s, bytes: Buffer.from(xml, 'utf8'), label: { ...s.label, elements } };
}

export function robustness(screens: CorpusScreen[]): string {
  const rows = VARIANTS.map(([name, f]) => {
    const t: Tally = emptyTally();
    for (const s of screens) addScreen(t, scoreScreen(variant(s, f)));
    return [
      name,
      `${t.exposingFound}/${t.exposing}`,
      pct(t.exposingFound, t.exposing),
      `${t.protectiveFound}/${t.protective}`,
      pct(t.protectiveFound, t.protective),
      `${t.neutralFlagged}/${t.neutralScreens}`,
      `${t.parseErrors}`,
    ];
  });
  const head = ['texts', 'exposing', 'recall', 'protective', 'recall', 'neutral flagged', 'parse errors'];
  return ['The same screens in another case:', '', paddedTable(head, rows)].join('\n');
}
