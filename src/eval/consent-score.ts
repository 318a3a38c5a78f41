// Scores the consent classifier against the real-screen corpus, the way `heed inspect --json` sees a dump: every
// labelled element is looked up where a tap on it lands, and the consent point heed reports there (if any) is
// compared with the label. Neutral screens count a false positive for any exposing point at all.
import { consentPoints } from '../consent/classify.js';
import type { Sensitivity } from '../consent/types.js';
import { PROTECTIVE } from '../core/vocab.js';
import { center, elementAt, type UiElement, type UiTree } from '../device/ui-tree.js';
import { screenTree, type CorpusScreen, type LabelledElement } from './corpus.js';

export interface ElementScore {
  slug: string;
  language: string;
  label: LabelledElement;
  /** Where a tap on the labelled element lands (undefined: nothing interactive there). */
  target?: number;
  found?: Sensitivity;
}

export interface ScreenScore {
  slug: string;
  language: string;
  neutral: boolean;
  parseError?: string;
  elements: ElementScore[];
  /** Exposing points on elements no label names (on a neutral screen: false positives). */
  unlabelledExposing: Sensitivity[];
}

const boundsOf = (e: UiElement) => `[${e.bounds[0]},${e.bounds[1]}][${e.bounds[2]},${e.bounds[3]}]`;

/**
 * The element a tap on the labelled one reaches: itself when it can take a tap (clickable, even if disabled: a tap
 * on it is still an attempt) or when the model can name it by its words; else what is under its centre.
 */
export function tapTarget(tree: UiTree, l: LabelledElement): UiElement | undefined {
  const same = tree.elements.filter((e) => boundsOf(e) === l.bounds);
  const named = (e: UiElement) =>
    (!!l.resourceId && e.resourceId === l.resourceId) || (!!l.text && [e.text, e.contentDesc].includes(l.text));
  const tappable = same.filter((e) => (e.clickable || e.checkable || e.longClickable) && !e.scrollable);
  if (tappable.length) return tappable.find(named) ?? tappable[tappable.length - 1];
  const byWords = same.find(named);
  if (byWords) return byWords;
  const anchor = same[0];
  if (!anchor) return undefined;
  const { x, y } = center(anchor.bounds);
  return elementAt(tree, x, y);
}

export function scoreScreen(s: CorpusScreen): ScreenScore {
  const base = { slug: s.slug, language: s.label.language, neutral: s.label.neutral };
  let tree: UiTree;
  try {
    tree = screenTree(s);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!;
    return {
      ...base,
      parseError: msg,
      elements: s.label.elements.map((label) => ({ slug: s.slug, language: s.label.language, label })),
      unlabelledExposing: [],
    };
  }
  const targets = new Set<number>();
  const hits = s.label.elements.map((label) => {
    const t = tapTarget(tree, label);
    if (t) targets.add(t.index);
    return t;
  });
  // The window's package: the root element's, as `heed inspect` reads a dump. Every interactive element, and the
  // labelled ones a tap reaches even where the dump does not mark them clickable (the loop classifies those too).
  const indexes = [...new Set([...tree.interactive, ...targets])];
  const points = consentPoints(tree, tree.elements[0]?.package ?? '', indexes);
  const elements = s.label.elements.map((label, k): ElementScore => {
    const t = hits[k];
    return {
      slug: s.slug,
      language: s.label.language,
      label,
      ...(t ? { target: t.index } : {}),
      ...(t && points.has(t.index) ? { found: points.get(t.index)! } : {}),
    };
  });
  const unlabelledExposing = [...points].filter(([i, p]) => !targets.has(i) && p.exposing).map(([, p]) => p);
  return { ...base, elements, unlabelledExposing };
}

export interface Tally {
  exposing: number;
  exposingFound: number;
  protective: number;
  protectiveFound: number;
  /** Elements heed found (either kind) and, of those, how many have the labelled category. */
  found: number;
  categoryRight: number;
  grantRight: number;
  neutralScreens: number;
  neutralFlagged: number;
  parseErrors: number;
}

export const emptyTally = (): Tally => ({
  exposing: 0,
  exposingFound: 0,
  protective: 0,
  protectiveFound: 0,
  found: 0,
  categoryRight: 0,
  grantRight: 0,
  neutralScreens: 0,
  neutralFlagged: 0,
  parseErrors: 0,
});

/** One element into a tally: exposing ones must come out exposing, protective ones protective. */
export function addElement(t: Tally, e: ElementScore): void {
  const f = e.found;
  if (e.label.exposing) {
    t.exposing++;
    if (f?.exposing) t.exposingFound++;
  } else {
    t.protective++;
    if (f && PROTECTIVE.has(f.grant)) t.protectiveFound++;
  }
  if (!f) return;
  t.found++;
  // "unknown" in a label: a human could not tell the category either; any category heed names is not wrong.
  if (e.label.category === 'unknown' || f.category === e.label.category) t.categoryRight++;
  if (f.grant === e.label.grant) t.grantRight++;
}

export function addScreen(t: Tally, s: ScreenScore): void {
  if (s.parseError) t.parseErrors++;
  if (s.neutral) {
    t.neutralScreens++;
    if (s.unlabelledExposing.length) t.neutralFlagged++;
  }
  for (const e of s.elements) addElement(t, e);
}

export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
export const ratio = (n: number, d: number): number => (d ? n / d : 1);
