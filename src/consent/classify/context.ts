// The screen around a button: is it a modal dialog, what do its title and message say, does the screen show a price,
// a password or one-time-code field, a privacy policy or terms, cookies or tracking. A generic button ("OK", "确定",
// "확인", android:id/button1) takes its category from here; so does "Cancel" when the screen has no consent button.
import type { Category } from '../../core/vocab.js';
import { idSuffix, type UiElement, type UiTree, within } from '../../device/ui-tree.js';
import { messageTopic, topicWords } from './permission.js';
import { normWords, wordCount } from './text.js';
import {
  ACCESS,
  CREDENTIAL_FIELD,
  DEVICE_DATA,
  IDENTITY_FIELD,
  MONEY,
  SPECIAL,
  TERMS,
  TRACKING,
  USB_DATA,
  WARNING,
} from './topics.js';

import { reportsStatus } from './readings.js';
import { CONCEPTS, conceptOf, conceptsIn } from './vocabulary.js';

export interface Dialog {
  /** The element holding the dialog (its buttons and its message). */
  root: UiElement;
  /** Title and message, joined. */
  text: string;
}

export interface ScreenContext {
  dialog?: Dialog;
  /** Every text and description on the screen, joined. */
  text: string;
  /** What the screen's text says, strongest first: the category a generic confirmation there would give. */
  topic?: { category: Category; why: string; tentative?: boolean; form?: boolean };
}

/** What a button's own words do, by the concept table (protective, confirm, agree, direct). */
const roleOf = (x: UiElement) => {
  // A button drawn as a container: its children's words, one at a time ("Skip permission · Skip").
  const texts = x.text || x.contentDesc ? [x.text || x.contentDesc] : x.label.split(' · ');
  for (const t of texts) {
    const hit = conceptOf(t);
    if (hit) return CONCEPTS[hit.concept]!.role;
  }
  return undefined;
};

const DIALOG_IDS = new Set(['alertTitle', 'message', 'parentPanel', 'buttonPanel', 'title_template', 'contentPanel']);
/** The smallest ancestor of e that looks like a dialog: AlertDialog ids, or a window narrower than the screen. */
function dialogOf(tree: UiTree, e: UiElement): UiElement | undefined {
  const ids = tree.elements.filter((x) => DIALOG_IDS.has(idSuffix(x.resourceId)));
  if (ids.length) {
    // The AlertDialog's own root: the outermost element of the window holding those ids.
    let root = ids[0]!;
    while (root.parent !== undefined) root = tree.elements[root.parent]!;
    return root;
  }
  const [w, h] = screenSize(tree);
  // A dialog window: the dumped window covers part of the screen (uiautomator dumps the focused window, so without
  // the screen's size a window that starts well below the top, or off the left edge, is a dialog or a sheet).
  const top = tree.elements.filter((x) => x.parent === undefined);
  const win = top.find((r) => within(e, r));
  if (win && w && h) {
    const [l, t, r, b] = win.bounds;
    const area = ((r - l) * (b - t)) / (w * h);
    if (area < 0.8 || l > 0 || t > 0.15 * (r - l)) return win;
  }
  // A dialog drawn inside a full-screen window (React Native modals, custom dialogs over a dim view): the smallest
  // panel around the button that also holds a way out ("Cancel", "취소", "Don't allow") and words to read.
  for (let up = e.parent; up !== undefined; up = tree.elements[up]!.parent) {
    const a = tree.elements[up]!;
    const [l, t, r, b] = a.bounds;
    if (!w || !h || ((r - l) * (b - t)) / (w * h) > 0.7) break;
    const inPanel = tree.elements.filter((x) => x !== e && within(x, a));
    // A pair: a way out and a way forward that confirms or agrees ("확인", "OK", "Allow") — not a card's "Dismiss".
    const wayOut = inPanel.some((x) => x.clickable && roleOf(x) === 'protective');
    const forward = [e, ...inPanel].some((x) => x.clickable && ['confirm', 'agree'].includes(roleOf(x) ?? ''));
    const words = inPanel.filter((x) => !x.clickable && (x.text || x.contentDesc).trim().length > 1);
    // Or a question with a way out and one other button, whose words say what going ahead does ("Confirm
    // Rebirth?" · "… will reset" · CANCEL · REBIRTH); "End match?" with nothing at stake is no such question.
    const said = words.map((x) => x.text || x.contentDesc).join(' \n ');
    const asks =
      /[?？؟]/.test(said) &&
      [e, ...inPanel].filter((x) => x.clickable && /Button/.test(x.class)).length === 2 &&
      (WARNING.test(said) || typeof actionTopic(said) === 'object');
    if (wayOut && (forward || asks) && words.length) return a;
  }
  return undefined;
}

function screenSize(tree: UiTree): [number, number] {
  if (tree.width && tree.height) return [tree.width, tree.height];
  const w = Math.max(0, ...tree.elements.map((e) => e.bounds[2]));
  const h = Math.max(0, ...tree.elements.map((e) => e.bounds[3]));
  return [w, h];
}

/** Texts a person reads as the screen's words, not its buttons: a message with links is clickable and still prose. */
const isProse = (x: UiElement) =>
  !!(x.text || x.contentDesc) &&
  !x.checkable &&
  (!x.clickable ||
    ['message', 'alertTitle', 'title', 'summary'].includes(idSuffix(x.resourceId)) ||
    (/TextView/.test(x.class) && wordCount(normWords(x.text)) >= 6));

function prose(tree: UiTree, root?: UiElement): string[] {
  return tree.elements.filter((x) => (!root || within(x, root)) && isProse(x)).map((x) => x.text || x.contentDesc);
}

type Topic = NonNullable<ScreenContext['topic']>;

/** What the action words in a text are about, when they name exactly one exposing category. */
function actionTopic(text: string): Topic | 'several' | undefined {
  const cats = new Set(
    [...conceptsIn(text)]
      .map((c) => CONCEPTS[c]!)
      .filter((c) => c.role === 'direct' && c.category && c.grant === 'accept')
      .map((c) => c.category!),
  );
  if (cats.size > 1) return 'several';
  return cats.size ? { category: [...cats][0]!, why: 'the message names the action' } : undefined;
}

const hasCredentialField = (tree: UiTree) =>
  tree.elements.some((x) => x.password || (/EditText/.test(x.class) && CREDENTIAL_FIELD.test(fieldWords(x))));

/** What a field is for: its id, its hint, its text, and its description (React Native and Compose fields name
 * themselves there: content-desc "Número de celular"). */
const fieldWords = (x: UiElement) =>
  // A value typed into it is no name for it: a path or an address ("D:/code/mobile-agent-bridge") says nothing.
  `${idSuffix(x.resourceId)} ${x.hint} ${/[/\\:]/.test(x.text) ? '' : x.text} ${x.contentDesc}`;

/**
 * The category a dialog's words give its confirmation: the action its message names ("Delete this message?"), else
 * cookies, terms, a price, files to another device, a permission topic (tentative: the asking app wrote it).
 */
export function dialogTopic(text: string, denies = false, wayOut = false): Topic | undefined {
  // A dialog that reports how something went ("sign in timed out", "登录成功") names no action its OK would take.
  const action = reportsStatus(text) ? undefined : actionTopic(text);
  if (action && action !== 'several') return action;
  if (WARNING.test(text)) return { category: 'destructive', why: 'the dialog warns that something will be erased' };
  if (TRACKING.test(text)) return { category: 'tracking_ads_cookies', why: 'the dialog is about cookies or tracking' };
  if (TERMS.test(text)) return { category: 'data_sharing_publish', why: 'the dialog asks to agree to terms' };
  if (MONEY.test(text)) return { category: 'payment_purchase', why: 'the dialog shows a price' };
  if (DEVICE_DATA.test(text) || (/\busb\b/i.test(text) && USB_DATA.test(text)))
    return { category: 'data_sharing_publish', why: "the dialog gives another device the phone's data" };
  // Permission words count in a request: a dialog that asks for access (a question, or a way out beside it), or one
  // with a "Don't allow".
  const request = (ACCESS.test(text) && /[?？؟]/.test(text)) || wayOut;
  if (request && SPECIAL.test(text))
    return { category: 'special_access', why: 'the dialog asks for special app access', tentative: true };
  // The title names the topic best ("Chrome notifications make things easier" above "… media controls …").
  const title = text.split(' \n ')[0]!;
  const perm = request || denies ? (messageTopic(text) ?? topicWords(title) ?? topicWords(text)) : undefined;
  if (perm) return { category: perm.category, why: `the dialog asks for ${perm.category}`, tentative: true };
  if (action === 'several') return { category: 'unknown', why: 'the message names several actions' };
  return undefined;
}

/**
 * The category a screen's words give a generic confirmation on it ("Continue", "Next"): a password or one-time-code
 * field or the screen's sign-in words mean sign-in; then cookies, terms, a price.
 */
export function screenTopic(text: string, tree: UiTree): Topic | undefined {
  const words = conceptsIn(text);
  const fields = tree.elements.some((x) => /EditText/.test(x.class));
  if (hasCredentialField(tree) || (fields && (words.has('sign_in') || words.has('sign_up'))))
    return { category: 'account_signin', why: 'the screen is a sign-in form', form: true };
  // A phone number, e-mail or user name to type, and no price: the screen identifies the user (sign-in, sign-up).
  if (!MONEY.test(text) && tree.elements.some((x) => /EditText/.test(x.class) && IDENTITY_FIELD.test(fieldWords(x))))
    return {
      category: 'account_signin',
      why: 'the screen asks who the user is (phone, e-mail or user name)',
      form: true,
    };
  // A confirmation page (a way out and a way forward, full screen): what its words name ("アカウントを削除").
  const forward = tree.interactive.some((i) => ['confirm', 'agree'].includes(roleOf(tree.elements[i]!) ?? ''));
  const back = tree.interactive.some((i) => roleOf(tree.elements[i]!) === 'protective');
  const action = forward && back ? actionTopic(text) : undefined;
  if (action && action !== 'several') return { ...action, why: 'the confirmation page names the action' };
  if (TRACKING.test(text)) return { category: 'tracking_ads_cookies', why: 'the screen is about cookies or tracking' };
  // An agreement checkbox ("我已閱讀並同意服務條款") is a screen's terms too, though it is no prose.
  const boxes = tree.elements.filter((x) => /CheckBox/.test(x.class)).map((x) => x.text || x.contentDesc);
  if (TERMS.test(text) || boxes.some((b) => TERMS.test(b)))
    return { category: 'data_sharing_publish', why: 'the screen asks to agree to terms or a privacy policy' };
  if (MONEY.test(text)) return { category: 'payment_purchase', why: 'the screen shows a price' };
  return undefined;
}

/** Does the dialog offer a "Don't allow" / "Deny" (a permission-style refusal)? */
const hasDeny = (tree: UiTree, root: UiElement) =>
  tree.elements.some((x) => within(x, root) && x.clickable && conceptOf(x.text || x.contentDesc)?.concept === 'deny');

/** Does the panel offer a way out ("Cancel", "Not now", "No thanks")? Then it is asking something. */
const hasWayOut = (tree: UiTree, root: UiElement) =>
  tree.elements.some((x) => within(x, root) && x.clickable && roleOf(x) === 'protective');

/** A dialog that asks for a password (a name and a password, a PIN to confirm): its OK signs in. */
const passwordDialog = (tree: UiTree, root: UiElement): Topic | undefined =>
  tree.elements.some(
    (x) => within(x, root) && (x.password || (/EditText/.test(x.class) && CREDENTIAL_FIELD.test(fieldWords(x)))),
  )
    ? { category: 'account_signin', why: 'the dialog asks for a password', form: true }
    : undefined;

const cache = new WeakMap<UiTree, Map<number, ScreenContext>>();

export function contextOf(tree: UiTree, e: UiElement): ScreenContext {
  const byRoot = cache.get(tree) ?? new Map<number, ScreenContext>();
  cache.set(tree, byRoot);
  const root = dialogOf(tree, e);
  const key = root?.index ?? -1;
  const hit = byRoot.get(key);
  if (hit) return hit;
  const all = prose(tree).join(' \n ');
  const dialogText = root ? prose(tree, root).join(' \n ') : '';
  const ctx: ScreenContext = {
    text: all,
    ...(root ? { dialog: { root, text: dialogText } } : {}),
    topic: root
      ? (dialogTopic(dialogText, hasDeny(tree, root), hasWayOut(tree, root)) ?? passwordDialog(tree, root))
      : screenTopic(all, tree),
  };
  byRoot.set(key, ctx);
  return ctx;
}
