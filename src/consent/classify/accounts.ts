// Creating an account, read from the screen around the button: a bare "Register" / "Cadastrar" creates a record
// (a service order, a product) unless the screen is about an account, and an auth landing page's "Get Started" /
// "Start Free →" opens its sign-up. Both turn on one question: does anything else on the screen sign in, sign up,
// name an identity provider or ask for a password, a phone number or an e-mail address?
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import { within } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { namesIdentity } from './identity.js';
import { point } from './point.js';
import { normWords, wordCount } from './text.js';
import { CREDENTIAL_FIELD, IDENTITY_FIELD } from './topics.js';
import { CONCEPTS, conceptOf, conceptsIn, connects } from './vocabulary.js';

const ACCOUNT_CONCEPTS = ['sign_in', 'sign_up', 'continue_as', 'verify', 'save_login', 'guest'];

const fieldWords = (x: UiElement) => `${x.resourceId} ${x.hint} ${x.contentDesc}`;

/**
 * Is the screen about an account, apart from this element: a password, a credential or identity field, another
 * button's words that sign in or up ("Already have an account?", "Entrar", "Continue with Acme"), or an identity
 * provider's button?
 */
export function accountScreen(tree: UiTree, e: UiElement): boolean {
  for (const x of tree.elements) {
    if (x === e || within(x, e) || within(e, x)) continue;
    if (x.password) return true;
    if (/EditText/.test(x.class) && (CREDENTIAL_FIELD.test(fieldWords(x)) || IDENTITY_FIELD.test(fieldWords(x))))
      return true;
    // Words on what can be tapped (a "Sign in" link, an "I already have an account" button): an article's prose
    // that mentions signing in makes no page an account page.
    const t = x.text || x.contentDesc || x.label;
    if (!x.clickable || !t.trim()) continue;
    const said = conceptsIn(t);
    if (ACCOUNT_CONCEPTS.some((c) => said.has(c)) || connects(t)) return true;
    const own = conceptOf(t);
    if (own && CONCEPTS[own.concept]!.role === 'provider') return true;
  }
  return false;
}

/**
 * A bare sign-up verb ("Cadastrar", "Register", "注册": one word, no account named) on a screen with nothing of an
 * account is a list's "add a record": the service-order list's toolbar "Cadastrar". Beside a password field, a
 * sign-in button or a provider it still signs up.
 */
export function createsRecord(tree: UiTree, e: UiElement, label: string, phrase: string): boolean {
  const words = normWords(label);
  if (words !== phrase || wordCount(words) > 2 || words.includes(' ') || namesIdentity(label)) return false;
  return !accountScreen(tree, e);
}

/** An auth landing page's call to action, in the major languages (normWords form, the label's start). */
const START =
  /^(?:get started|start free|start for free|start now|join free|join for free|let s go|begin|comenzar|empezar|empieza|comienza|comecar|comece|commencer|c est parti|loslegen|jetzt starten|los geht s|inizia|iniziamo|начать|давайте начнем|baslayin|basla|hemen basla|bat dau|mulai|ayo mulai|ابدأ|शुरू करें)(?: |$)|^(?:开始使用|立即开始|立即体验|马上体验|開始使用|はじめる|始める|今すぐ始める|시작하기|지금 시작하기)/u;

/**
 * "Get Started" / "Start Free →" on a page that also signs in ("Sign in to your account", "Already have an account?",
 * provider buttons): it opens the sign-up. So does "Continue with <a provider heed does not know>" there: one more way
 * to sign in. Tentative: the gate asks rather than a profile granting it unseen. An onboarding carousel with no account
 * words is left alone.
 */
export function landingPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  if (!e.clickable || e.checkable || /EditText/.test(e.class)) return undefined;
  const label = (e.text || e.contentDesc || e.label).trim();
  const words = normWords(label);
  if (wordCount(words) > 5 || !(START.test(words) || connects(label)) || !accountScreen(tree, e)) return undefined;
  const why = START.test(words) ? 'starts the sign-up of' : 'continues with a provider, on';
  return point(e, 'account_signin', 'accept', `"${label}" ${why} a page that signs in (account_signin)`, {
    tentative: true,
  });
}
