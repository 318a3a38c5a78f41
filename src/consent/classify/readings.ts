// Readings that refine what a label's words name: a tab of a bar opens a page ("Send, Tab 1 of 3"), a state word in a
// list item is no confirmation ("Concluído"), "Continue with <plan>" only goes ahead, and a subscription to alerts is no
// payment.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Named } from './labels.js';
import { CONCEPTS } from './vocabulary.js';

/** TalkBack's position of a tab in its bar, in the corpus languages. */
export const NAV_TAB =
  /\btab \d+ of \d+\b|\bpestaña \d+ de \d+|\bguia \d+ de \d+|\bonglet \d+ sur \d+|\btab \d+ von \d+|вкладка \d+ из \d+|sekme \d+ \/ \d+|第 ?\d+ ?个标签|タブ \d+\/\d+|탭 \d+\/\d+/i;

/**
 * A tab among its bar's others: "Tab i of N" with N of two or more, and as many tabs on the screen that say so. One
 * "Pay, Tab 1 of 1" is no bar.
 */
export function inTabBar(tree: UiTree, e: UiElement): boolean {
  const of = (x: UiElement) => /(\d+)\D+(\d+)\s*$/.exec(`${x.text} ${x.contentDesc}`.match(NAV_TAB)?.[0] ?? '');
  const n = Number(of(e)?.[2] ?? 0);
  const tabs = tree.elements.filter((x) => x.clickable && Number(of(x)?.[2] ?? -1) === n);
  return n >= 2 && tabs.length === n;
}

/** Confirmations whose words also name a state ("Done", "OK", "完成"). */
export const STATE_LIKE = new Set(['next', 'ok']);

/** What a subscription to alerts or to marketing subscribes to. */
export const ALERTS = /alert|notification|update|уведомлен|оповещен|通知|提醒|알림|bildirim|notifica/i;
export const MARKETING = /newsletter|marketing|offers|promotions|e-?mails?\b|рассылк|营销|マーケティング|마케팅/i;
/** A plan, a period or a price: what "Continue with …" names on a paywall ("Continue with yearly access"). */
const PLAN =
  /\b(access|plan|premium|pro|plus|yearly|monthly|annual|weekly|subscription|trial|membership|free|offer|tier|anual|mensual|mensal|annuel|mensuel|jährlich|monatlich)\b|\d|подписк|тариф|月|年|プラン|요금제/i;

/**
 * "Continue with {provider}" signs in with a provider; "Continue with yearly access" only goes ahead (with the price
 * the screen shows). A sign-in phrase whose placeholder holds a plan is read as a plain confirmation.
 */
export function plain(n: Named | undefined): Named | undefined {
  if (!n || !['sign_in', 'continue_as'].includes(n.hit.concept) || !n.hit.phrase.includes('*')) return n;
  return PLAN.test(n.text) ? { ...n, hit: { ...n.hit, concept: 'continue' }, concept: CONCEPTS.continue! } : n;
}
