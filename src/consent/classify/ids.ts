// A resource id as evidence: ids are English in every locale (`btn_login_quick`, `agree`, `imageview_close_activity`),
// so their words name the action where a button's text is in a language the vocabulary lacks, or says nothing.
import type { Hit } from './vocabulary.js';

/** Resource-id words (ids are English in every locale): `btn_login_quick`, `agree`, `imageview_close_activity`. */
const ID_WORDS: [RegExp, string][] = [
  [/\b(log ?in|sign ?in|signin|login)\b/, 'sign_in'],
  [/\b(sign ?up|register)\b/, 'sign_up'],
  [/\b(otp|verification code|verify)\b/, 'verify'],
  [/\b(log ?out|sign ?out|logout|signout)\b/, 'sign_out'],
  // Verbs only: nouns (payment, subscription, registration) name sections as often as buttons.
  [/\b(pay|buy|checkout)\b/, 'pay'],
  [/\b(place order|submit order)\b/, 'order'],
  [/\bsubscribe\b/, 'subscribe'],
  [/\b(replenish|top ?up|recharge)\b/, 'top_up'],
  [/\b(delete|del|trash|erase)\b/, 'delete'],
  [/\buninstall\b/, 'uninstall'],
  [/\b(share)\b/, 'share'],
  [/\b(send)\b/, 'send'],
  [/\b(invite)\b/, 'invite'],
  [/\bpublish\b/, 'publish'],
  [/\b(disagree|refuse)\b/, 'disagree'],
  [/\b(agree)\b/, 'agree'],
  [/\b(accept)\b/, 'accept'],
  [/\b(decline|reject)\b/, 'decline'],
  [/\b(deny)\b/, 'deny'],
  [/\b(allow)\b/, 'allow'],
  [/\b(cancel|negative)\b/, 'cancel'],
  [/\b(close|dismiss)\b/, 'close'],
  // A scrim or the dim view behind a menu: tapping it dismisses what is open.
  [/\b(scrim|touch outside|background overlay|dim view)\b/, 'dismiss'],
  [/\bskip\b/, 'skip'],
  [/\b(confirm|positive|ok)\b/, 'confirm'],
  [/\b(get started|continue|proceed)\b/, 'continue'],
];

/** The concept a resource id names, from its words; android:id/button1/2 are an AlertDialog's positive and negative. */
export function conceptOfId(idText: string, full: string): Hit | undefined {
  if (/^android:id\/button1$/.test(full)) return { concept: 'confirm', phrase: 'android:id/button1', at: 0 };
  if (/^android:id\/button2$/.test(full)) return { concept: 'cancel', phrase: 'android:id/button2', at: 0 };
  const hit = ID_WORDS.find(([re]) => re.test(idText));
  return hit ? { concept: hit[1], phrase: idText, at: 0 } : undefined;
}
