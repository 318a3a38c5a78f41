// Deterministic sensitivity rules: what tapping an element (or typing text) on this screen would grant.
// Permission dialogs are matched by resource-id suffix (all three permission UIs, any language); other surfaces by
// short English labels, with the screen's own accept button deciding what a nearby "Cancel" protects.
import { PROTECTIVE, type Category, type Grant } from '../core/vocab.js';
import { idSuffix, type UiElement, type UiTree } from '../device/ui-tree.js';
import type { Sensitivity, Step } from './types.js';
import { classifyTyped } from './typed.js';

const PERMISSION_PACKAGES = [
  'com.android.permissioncontroller',
  'com.google.android.permissioncontroller',
  'com.android.packageinstaller',
];

const PERMISSION_BUTTONS: Record<string, Grant> = {
  permission_allow_button: 'allow_always',
  permission_allow_always_button: 'allow_always',
  permission_allow_all_button: 'allow_always',
  permission_allow_foreground_only_button: 'allow_foreground',
  permission_allow_one_time_button: 'allow_once',
  permission_allow_selected_button: 'allow_selected',
  permission_deny_button: 'deny',
  permission_no_upgrade_button: 'deny',
  permission_no_upgrade_one_time_button: 'deny',
  permission_deny_and_dont_ask_again_button: 'deny_dont_ask',
  permission_dont_allow_more_selected_button: 'deny',
  do_not_ask_checkbox: 'deny_dont_ask',
};

/** Words in a permission message, in the languages of the fixtures and the most common others. */
const PERMISSION_TOPICS: [Category, RegExp][] = [
  ['photos_media', /photos and videos|photos, media|media|files|fotos y v[ií]deos|archivos|photos et vid[ée]os/i],
  ['camera', /take pictures|record video|camera|c[áa]mara|fotos y grabar|cam[ée]ra|kamera/i],
  ['microphone', /record audio|microphone|micr[óo]fono|grabar audio|mikrofon/i],
  ['location', /location|ubicaci[óo]n|localisation|standort|posizione|nearby devices/i],
  ['contacts', /contacts|contactos|kontakte|contatti/i],
  ['calendar', /calendar|calendario|kalender|calendrier/i],
  ['sms_calls', /SMS|phone calls|call logs|llamadas|mensajes/i],
  ['notifications', /notifications|notificaciones|benachrichtigungen/i],
];

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

const IRREVERSIBLE: ReadonlySet<Category> = new Set(['payment_purchase', 'destructive']);

function texts(e: UiElement): string[] {
  // A clickable row's label joins its children's texts with " · "; each part is a candidate. A container that is
  // only scrollable is not a button, and long prose is not a button label.
  const parts = e.clickable || e.checkable ? e.label.split(' · ') : [];
  return [e.text, e.contentDesc, ...parts].map((t) => t.trim()).filter((t) => t && t.length <= 48);
}

function point(
  e: UiElement,
  category: Category,
  grant: Grant,
  reason: string,
  extra: Partial<Sensitivity> = {},
): Sensitivity {
  return {
    category,
    grant,
    exposing: !PROTECTIVE.has(grant),
    irreversible: extra.irreversible ?? (IRREVERSIBLE.has(category) && !PROTECTIVE.has(grant)),
    evidence: { index: e.index, text: e.text || e.label, resourceId: e.resourceId, reason },
    source: 'rules',
    ...extra,
  };
}

export function isPermissionScreen(tree: UiTree, windowPackage: string): boolean {
  return (
    PERMISSION_PACKAGES.includes(windowPackage) ||
    tree.elements.some((e) => idSuffix(e.resourceId) in PERMISSION_BUTTONS)
  );
}

/** Quoted spans of a message: where non-English dialogs put the app's name (“…”, 「…」, «…», "…"). */
const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|«[^»]*»|„[^“”]*[“”]|"[^"]*"/g;

function permissionTopic(tree: UiTree): Category | undefined {
  // Structure first: only location requests carry the accuracy selector, whatever the language.
  if (tree.elements.some((e) => idSuffix(e.resourceId).startsWith('permission_location_accuracy'))) return 'location';
  const full =
    tree.elements.find((e) => ['permission_message', 'permission_title'].includes(idSuffix(e.resourceId)))?.text ?? '';
  // The requesting app's name is in the message and must not decide the topic ("Allow Snap to use the camera to
  // access this device’s location?"): in English the request follows the last " to "; elsewhere the quoted name is
  // dropped. Exactly one topic must remain; none or several (a name that spells a request) is no topic at all.
  const english = /^Allow .+ to (.+)$/s.exec(full)?.[1];
  const msg = english ?? full.replace(QUOTED, ' ');
  const topics = new Set(PERMISSION_TOPICS.filter(([, re]) => re.test(msg)).map(([c]) => c));
  return topics.size === 1 ? [...topics][0] : undefined;
}

function permissionPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  let grant = PERMISSION_BUTTONS[idSuffix(e.resourceId)];
  if (!grant) return undefined;
  // A topic heed cannot read is `unknown`, which the gate always asks about: never a default category.
  const category = permissionTopic(tree) ?? 'unknown';
  // Legacy dialogs: with "Don't ask again" ticked, DENY also stops future requests.
  const dontAsk = tree.elements.find((x) => idSuffix(x.resourceId) === 'do_not_ask_checkbox');
  if (grant === 'deny' && dontAsk?.checked) grant = 'deny_dont_ask';
  const coarse = tree.elements.find((x) => idSuffix(x.resourceId) === 'permission_location_accuracy_radio_coarse');
  const precision =
    category === 'location' && !PROTECTIVE.has(grant) ? (coarse?.checked ? 'approximate' : 'precise') : undefined;
  const reason = `permission dialog (${category}): "${e.text}" gives ${grant}`;
  return point(e, category, grant, reason, precision ? { precision } : {});
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
  return (perm ? permissionPoint(tree, e) : undefined) ?? labelPoint(tree, e, screenText);
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

/** What a step would mean: a tap's consent point, or what typing the text would expose. */
export function classify(tree: UiTree, windowPackage: string, step: Step): Sensitivity | undefined {
  const e = step.element;
  if ((step.kind === 'tap' || step.kind === 'long_press') && e)
    return consentPoints(tree, windowPackage, [e.index]).get(e.index);
  if (step.kind === 'type') return classifyTyped(tree, step);
  return undefined;
}
