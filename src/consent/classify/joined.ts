// What a button's own words say when they hold more than one thing: a price ("Donate $5", "€9,99 kaufen") or several
// actions joined ("Skip and pay", "Order & pay"); and the home screens whose icon names are app names, read whole.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { point } from './point.js';
import { inTabBar, NAV_TAB } from './readings.js';
import { normWords, wordCount } from './text.js';
import { MONEY } from './topics.js';
import { CONCEPTS, conceptOf, type Concept, type Hit } from './vocabulary.js';

/** Home screens: their icons are app names ("支付宝" holds 支付, "pay"), so only a whole-label phrase counts there. */
const LAUNCHER = /launcher|^com\.miui\.home$|^com\.(huawei|honor)\.android\.launcher|^com\.sec\.android\.app\.launcher/;
export const isLauncher = (e: UiElement) => LAUNCHER.test(e.package) || /BubbleTextView/.test(e.class);

/**
 * A label joins several actions with a comma, a dot, a dash, an ampersand or "and" (in the corpus languages). Not
 * Czech "a": in Portuguese, Spanish and Italian it means "to" ("Conectar-se a uma rede").
 */
const JOINS =
  /\s*(?:[,;·•|+&/]|\s[–—-]\s|\s(?:and|then|und|et|y|e|en|и|i|oraz|och|og|ja|és|ve|và|și|und dann|and then)\s)\s*/iu;

/**
 * What a button's own words say it does when they name an amount or several actions: a label holding a price pays
 * ("Donate $5", "€9,99 kaufen", "No thanks, pay $4.99": the money decides, whatever word comes first), and a label
 * joining actions does all of them ("Skip and pay", "Order & pay", "Save and share"): its most consequential part
 * decides, irreversible first.
 */
export function saysAction(tree: UiTree, e: UiElement): Sensitivity | undefined {
  const own = (e.text || e.contentDesc).trim();
  if (!own || isLauncher(e) || wordCount(normWords(own)) > 10) return undefined;
  // "Send, Tab 1 of 3" is a tab's name and its place, not two actions (named() reads tabs).
  if (NAV_TAB.test(own) && inTabBar(tree, e)) return undefined;
  if (MONEY.test(own) && (e.clickable || e.longClickable))
    return point(e, 'payment_purchase', 'accept', `the label names a price ("${own}"): tapping it pays`);
  // A phrase the vocabulary knows whole is one action, whatever joining word it holds ("Continuer en invité": French
  // "en" is Dutch "and").
  const whole = conceptOf(own);
  if (whole && whole.at === 0 && whole.phrase === normWords(own) && whole.phrase.includes(' ')) return undefined;
  const parts = own.split(JOINS).filter((p) => normWords(p));
  if (parts.length < 2) return undefined;
  let best: { c: Concept; hit: Hit; part: string } | undefined;
  for (const part of parts) {
    const hit = conceptOf(part);
    const c = hit && CONCEPTS[hit.concept]!;
    if (!c || c.role !== 'direct' || c.grant !== 'accept' || !c.category) continue;
    if (!best || (c.irreversible && !best.c.irreversible)) best = { c, hit: hit!, part };
  }
  if (!best) return undefined;
  const category = best.c.category!;
  return point(
    e,
    category,
    'accept',
    `the label joins actions; "${best.part.trim()}" says ${best.hit.concept} (${category})`,
    {
      ...(best.c.irreversible ? { irreversible: true } : {}),
    },
  );
}
