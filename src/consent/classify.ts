// Deterministic sensitivity rules: what tapping an element (or typing text) on this screen would grant.
// Permission dialogs are matched by resource-id suffix (all three permission UIs, any language); other surfaces by
// short English labels, with the screen's own accept button deciding what a nearby "Cancel" protects.
import { type Category, type Grant } from '../core/vocab.js';
import { idSuffix, type UiElement, type UiTree } from '../device/ui-tree.js';
import { isPermissionScreen, permissionPoint } from './classify/permission.js';
import { point } from './classify/point.js';
import type { Sensitivity, Step } from './types.js';
import { settingsPoint } from './settings-screens.js';
import { classifyTyped } from './typed.js';

export { isPermissionScreen };

interface LabelRule {
  category: Category;
  grant: Grant;
  irreversible?: boolean;
  re: RegExp;
  /** Only when the screen mentions this (e.g. a bare "Accept" is a tracking consent only on a cookie banner). */
  context?: RegExp;
}

const LABEL_RULES: LabelRule[] = [
  {
    category: 'account_signin',
    grant: 'accept',
    re: /^(sign in|log in|sign in with google|continue with (google|facebook|apple)|continue as (?!guest\b)\S.*|create account|sign up|use (your )?google account)$/i,
  },
  {
    category: 'payment_purchase',
    grant: 'accept',
    irreversible: true,
    re: /^(buy|buy now|pay|pay now|place order|confirm payment|confirm purchase|subscribe|purchase|complete purchase|去支付|确认支付)$/i,
  },
  // Reversible payment-data steps: saving a card, going to checkout.
  {
    category: 'payment_purchase',
    grant: 'accept',
    re: /^(save card( for later)?|remember (this )?card|checkout|结算)$/i,
  },
  {
    category: 'data_sharing_publish',
    grant: 'accept',
    irreversible: true,
    re: /^(send|post|share|publish|upload|upload short|reply|share location|share trip|share eta|tag location|find friends|sync contacts|upload contacts)$/i,
  },
  {
    category: 'data_sharing_publish',
    grant: 'accept',
    re: /^(back up|turn on backup|turn on sync|yes, i'?m in|send usage statistics|help improve)$/i,
  },
  {
    category: 'tracking_ads_cookies',
    grant: 'accept',
    re: /^(accept all|accept all cookies|allow all cookies|accept cookies|allow tracking|allow all)$/i,
  },
  {
    category: 'tracking_ads_cookies',
    grant: 'accept',
    re: /^(accept|agree|i agree|got it|ok)$/i,
    context: /cookie|tracking|personali[sz]ed ads/i,
  },
  {
    category: 'tracking_ads_cookies',
    grant: 'decline',
    re: /^(reject all|reject|necessary only|only necessary|ask app not to track|decline all)$/i,
  },
  {
    category: 'destructive',
    grant: 'accept',
    irreversible: true,
    re: /^(delete|delete all|delete account|remove|remove account|clear data|clear storage|erase|erase all data|sign out of all devices|i understand and want to delete\.?)$/i,
  },
];

const DECLINE =
  /^(cancel|not now|no thanks|no, thanks|skip|later|maybe later|dismiss|continue as guest|use as guest|use without an account|guest|close)$/i;

/** Toggles whose label names what they share. */
const TOGGLE_TOPICS: [Category, RegExp][] = [
  ['payment_purchase', /save (my )?card|remember (this )?card|save payment/i],
  ['tracking_ads_cookies', /offers|newsletter|marketing|promotions/i],
  ['tracking_ads_cookies', /cookie|tracking|personali[sz]ed ads|ad personali[sz]ation|advertising id/i],
  ['location', /location|geotag/i],
  ['data_sharing_publish', /back ?up|sync|usage|diagnostics|help improve|share|upload|find friends/i],
  ['notifications', /notification|alerts/i],
  ['account_signin', /stay signed in|remember me/i],
];

function texts(e: UiElement): string[] {
  // A clickable row's label joins its children's texts with " · "; each part is a candidate. A container that is
  // only scrollable is not a button, and long prose is not a button label.
  const parts = e.clickable || e.checkable ? e.label.split(' · ') : [];
  return [e.text, e.contentDesc, ...parts].map((t) => t.trim()).filter((t) => t && t.length <= 48);
}

function labelPoint(tree: UiTree, e: UiElement, screenText: string): Sensitivity | undefined {
  const candidates = texts(e);
  // Toggles: switching on shares, switching off protects.
  const toggle = e.checkable ? e : tree.elements.find((c) => c.parent === e.index && c.checkable);
  if (toggle && e.class !== 'android.widget.RadioButton') {
    const topic = TOGGLE_TOPICS.find(([, re]) => candidates.some((t) => re.test(t)));
    if (topic) {
      const grant: Grant = toggle.checked ? 'decline' : 'accept';
      return point(e, topic[0], grant, `toggle "${candidates[0] ?? ''}" ${toggle.checked ? 'off' : 'on'}`);
    }
  }
  for (const rule of LABEL_RULES) {
    if (rule.context && !rule.context.test(screenText)) continue;
    const hitText = candidates.find((t) => rule.re.test(t));
    if (hitText)
      return point(
        e,
        rule.category,
        rule.grant,
        `"${hitText}" (${rule.category})`,
        rule.irreversible ? { irreversible: true } : {},
      );
  }
  if (idSuffix(e.resourceId) === 'account_name')
    return point(e, 'account_signin', 'accept', `account chooser: "${e.label}"`);
  return undefined;
}

/** What tapping one element means, on its own (before "Cancel"-style buttons borrow a screen's topic). */
function ownPoint(tree: UiTree, e: UiElement, perm: boolean, screenText: string): Sensitivity | undefined {
  return settingsPoint(tree, e) ?? (perm ? permissionPoint(tree, e) : undefined) ?? labelPoint(tree, e, screenText);
}

/**
 * For the given elements (every interactive one by default: inspect's consentPoints), what tapping each would mean.
 * A disabled button is still classified when asked for: a tap on it is still an attempt to grant.
 */
export function consentPoints(
  tree: UiTree,
  windowPackage: string,
  indexes: number[] = tree.interactive,
): Map<number, Sensitivity> {
  const out = new Map<number, Sensitivity>();
  const perm = isPermissionScreen(tree, windowPackage);
  const screenText = tree.elements.map((e) => e.text || e.contentDesc).join(' \n ');
  const accept = tree.interactive
    .map((i) => ownPoint(tree, tree.elements[i]!, perm, screenText))
    .find((x) => x?.exposing);
  for (const i of indexes) {
    const e = tree.elements[i]!;
    const own = ownPoint(tree, e, perm, screenText);
    const declines = texts(e).find((t) => DECLINE.test(t));
    // "Cancel", "Not now", "Skip" protect against whatever the screen's accept button would do.
    if (own) out.set(i, own);
    else if (accept && declines)
      out.set(i, point(e, accept.category, 'decline', `"${declines}" declines ${accept.category}`));
  }
  return out;
}

/** What submitting a form would do: Enter in a field does what the screen's send / post / pay / sign-in button does. */
const SUBMITTING: ReadonlySet<Category> = new Set([
  'data_sharing_publish',
  'payment_purchase',
  'account_signin',
  'destructive',
  'tracking_ads_cookies',
]);

function submitPoint(tree: UiTree, windowPackage: string): Sensitivity | undefined {
  for (const s of consentPoints(tree, windowPackage).values())
    if (s.exposing && SUBMITTING.has(s.category))
      return {
        ...s,
        evidence: { ...s.evidence, reason: `pressing Enter submits this screen, like ${s.evidence.reason}` },
      };
  return undefined;
}

/** What a step would mean: a tap's consent point, what typing the text would expose, or a form being submitted. */
export function classify(tree: UiTree, windowPackage: string, step: Step): Sensitivity | undefined {
  const e = step.element;
  if ((step.kind === 'tap' || step.kind === 'long_press') && e)
    return consentPoints(tree, windowPackage, [e.index]).get(e.index);
  if (step.kind === 'submit') return submitPoint(tree, windowPackage);
  // Typing then Enter: what the screen would submit, else what was typed.
  if (step.kind === 'type' && step.submit) return submitPoint(tree, windowPackage) ?? classifyTyped(tree, step);
  if (step.kind === 'type') return classifyTyped(tree, step);
  return undefined;
}
