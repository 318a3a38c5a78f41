// What a button's own words (text, description, its row's texts, its resource id) say tapping it does. Words that
// name the action ("Pay $12.99", "로그인", "Удалить") decide the category; words that only agree or confirm ("Accept",
// "OK", "确定") take it from the screen (context.ts); protective words ("Cancel", "Not now") are left to the caller,
// which knows the screen's consent point.
import type { Category, Grant } from '../../core/vocab.js';
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { createsRecord } from './accounts.js';
import { contextOf } from './context.js';
import { topicWords } from './permission.js';
import { lineTexts, rowTopic } from './rows.js';
import { MONEY } from './topics.js';
import { draftRow, filterReset, keypadKey, stepperKey } from './editing.js';
import { erasurePoint } from './erasure.js';
import { point } from './point.js';
import { idWords, normWords, wordCount } from './text.js';
import { conceptOfId } from './ids.js';
import { isSwitchState } from './states.js';
import { inBar, inTileGrid, OPENS_PAGE } from './menus.js';
import { ALERTS, inTabBar, MARKETING, NAV_TAB, opensForm, plain, reportsStatus, STATE_LIKE } from './readings.js';
import { isRadio, preferenceRow, toggleOf, togglePoint } from './toggles.js';
import { besideCamera, draft, mediaPoint } from './media.js';
import { servingPoint } from './serving.js';
import { isLauncher, saysAction } from './joined.js';
import { CONCEPTS, conceptOf, conceptsIn, type Concept, type Hit } from './vocabulary.js';

const SIGN_IN = ['sign_in', 'sign_up', 'continue_as'];
const PHONE_APPS = /dialer|telecom|\.contacts$|messaging|\.mms$|\.sms$|incallui/;
const TRACKING_WORDS =
  /cookie|track|analytics|advertis|personali[sz]ed|crash|diagnostic|usage data|реклам|广告|広告|광고/i;

/** A button's words, with what they name. */
export interface Named {
  hit: Hit;
  concept: Concept;
  /** The text the hit was found in (or the resource id). */
  text: string;
  via: 'text' | 'description' | 'row' | 'id';
}

/** A row's texts that are its own: those of descendants not inside another tappable element (a row's delete icon). */
function rowTexts(tree: UiTree, e: UiElement): string[] {
  const out: string[] = [];
  const visit = (i: number) => {
    for (let c = i + 1; c < tree.elements.length && tree.elements[c]!.depth > tree.elements[i]!.depth; c++) {
      const x = tree.elements[c]!;
      if (x.parent !== i) continue;
      if (x.clickable && x !== e) continue;
      const own = x.text || x.contentDesc;
      if (own.trim()) out.push(own);
      visit(c);
    }
  };
  visit(e.index);
  return out;
}

/**
 * Texts of an element a person reads it by: its own; a tappable row's (not its nested buttons'); a checkbox's row
 * (its label is a sibling); an icon's nearest labelled ancestor (apps that take taps on views the dump does not
 * mark clickable). Identifier-like texts ("loginBtn") are read as words too.
 */
function candidates(tree: UiTree, e: UiElement): [string, Named['via']][] {
  const out: [string, Named['via']][] = [];
  const add = (t: string, via: Named['via']) => {
    if (!t.trim()) return;
    out.push([t, via]);
    if (/^[A-Za-z]+([A-Z_-][A-Za-z0-9]*)+$/.test(t.trim())) out.push([idWords(t), via]);
  };
  // A switch whose text is its state ("关闭", "On") is read by its row, like one with no text.
  const state = (t: string) => e.checkable && isSwitchState(t);
  if (!state(e.text)) add(e.text, 'text');
  if (!state(e.contentDesc)) add(e.contentDesc, 'description');
  if (out.length) return out;
  const tappable = e.clickable || e.checkable || e.longClickable;
  const parts = rowTexts(tree, e);
  // A tile the dump does not mark clickable still reads as its few words; a whole screen's container does not.
  if (parts.length) return tappable || parts.length <= 3 ? parts.map((t) => [t, 'row']) : out;
  // A switch drawn apart from its title (Compose, React Native): the words on its line.
  const line = tappable ? lineTexts(tree, e) : [];
  if (line.length) return line.slice(0, 3).map((t) => [t, 'row']);
  // An icon with no words: what its nearest labelled ancestor says, when that is a few words.
  for (let up = e.parent; up !== undefined; up = tree.elements[up]!.parent) {
    const a = tree.elements[up]!;
    const texts = rowTexts(tree, a);
    if (texts.length) return texts.length <= 3 ? texts.map((t) => [t, 'row']) : out;
    if (a.clickable) break;
  }
  return out;
}

/** The concept this element's words name, or undefined. */
export function named(tree: UiTree, e: UiElement): Named | undefined {
  const launcher = isLauncher(e);
  const statement = !!toggleOf(tree, e);
  const all = candidates(tree, e);
  // A navigation tab ("Send, Tab 1 of 4", as TalkBack reads Compose and Flutter tabs) opens a page; it acts on nothing
  // — except a sign-in form's "Sign In" / "Sign Up" tabs, which choose how the form signs the user in.
  const tab = all.some(([t]) => NAV_TAB.test(t)) && inTabBar(tree, e);
  for (const [text, via] of all) {
    // "Login successfully!" on a dialog's panel reports a result; a button's own words still say what it does, even
    // beside a status ("Pay now — success guaranteed").
    if (!/Button/.test(e.class) && reportsStatus(text)) continue;
    // An icon's name is a few words; a launcher's own set-up page speaks in sentences ("Войти в Google для …").
    const exact = launcher && wordCount(normWords(text)) <= 3;
    const hit = conceptOf(text, exact, statement);
    // A list item's texts describe it: "Concluído" ("done") among "Teste 001 · Executar · R$ 250.00" is its state, so
    // in a row of three texts or more the words that also name a state do not make it a confirmation.
    if (hit && via === 'row' && all.length >= 3 && STATE_LIKE.has(hit.concept)) continue;
    if (hit && tab && !SIGN_IN.includes(hit.concept)) return undefined;
    if (hit && opensForm(tree, hit.concept, text, hit.phrase)) return undefined;
    // A cell of a bottom bar or a grid of service tiles opens the page where that purchase or post would happen.
    const category = hit && CONCEPTS[hit.concept]!.category;
    if (category && OPENS_PAGE.has(category) && (inBar(tree, e) || inTileGrid(tree, e))) return undefined;
    if (hit) return { hit, concept: CONCEPTS[hit.concept]!, text, via };
  }
  // The id is the weakest evidence: only a button whose words name nothing is read by it (a dialer's "backspace"
  // key has the id deleteButton; "CHECK" with the id login_button), and only when those words are one or two.
  const own = `${e.text} ${e.contentDesc}`;
  if (!e.resourceId || launcher || wordCount(normWords(own)) > 2 || conceptsIn(own).size) return undefined;
  const hit = conceptOfId(idWords(e.resourceId), e.resourceId);
  // Beside words of its own, only an id that names an action or a refusal counts (not android:id/button1's "OK").
  const role = hit && CONCEPTS[hit.concept]!.role;
  if (own.trim() && (!hit || /^android:id\//.test(e.resourceId) || !['direct', 'protective'].includes(role!)))
    return undefined;
  return hit ? { hit, concept: CONCEPTS[hit.concept]!, text: e.resourceId, via: 'id' } : undefined;
}

const how = (n: Named) =>
  n.via === 'id' ? `its resource id "${n.text}" says ${n.hit.concept}` : `"${n.text}" says ${n.hit.concept}`;

/**
 * The consent point this element's own words make, when they make one. Protective words return undefined here:
 * what they protect is the screen's business (classify.ts).
 */
export function labelPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  // A text field is focused, not pressed (typing is typed.ts's business); a radio choice only selects an option; a
  // one-word key of a keypad ("DEL", "delete", "C") edits what is being typed.
  if (/EditText|AutoCompleteTextView/.test(e.class) || isRadio(tree, e) || keypadKey(tree, e)) return undefined;
  const toggle = togglePoint(
    tree,
    e,
    candidates(tree, e).map(([t]) => t),
  );
  if (toggle) return toggle;
  // A switch says what it turns on by its row's topic (togglePoint) or it is no consent point: "允许解锁引导加载程序"
  // (allow OEM unlocking) is a setting, not an agreement. A checkbox may still agree ("I agree to the terms").
  // A preference row's checkbox (AOSP Preference: title, summary, widget) is a switch too; a checkbox that stands
  // alone may still agree ("I agree to the terms").
  const box = toggleOf(tree, e);
  if (box && (/Switch|Toggle/.test(box.class) || preferenceRow(tree, box))) return undefined;
  const said = saysAction(tree, e);
  if (said) return said;
  const n = plain(named(tree, e));
  // Clean-up verbs that erase what the app keeps ("Limpiar caché", "Recent history · CLEAR"): erasure.ts.
  const erased = n?.concept.role === 'direct' ? undefined : erasurePoint(tree, e);
  if (erased) return erased;
  // "Start Copyparty Server", "Enable FTP Server": starting what shares the phone (serving.ts), where the words name
  // no action of their own ("Go live" publishes, irreversibly, by the vocabulary).
  const serving = n && ['direct', 'protective'].includes(n.concept.role) ? undefined : servingPoint(e);
  if (serving) return serving;
  // "Galerie" beside "Caméra", a composer's 📎: no words a vocabulary names, a media source by where it stands.
  if (!n) return isLauncher(e) ? undefined : mediaPoint(tree, e);
  // "Disable protection" turns a protection off: a consent point heed cannot name, never a refusal.
  if (n?.hit.concept === 'disable' && PROTECTION.test(n.text))
    return point(e, 'unknown', 'accept', `${how(n)}, and it turns off a protection`);
  if (!n || n.concept.role === 'protective') return undefined;
  const c = n.concept;
  if (c.role === 'provider') {
    // "Google" on a screen that says sign in / log in / continue with: that provider's sign-in.
    const ctx = contextOf(tree, e);
    const signin = ctx.topic?.category === 'account_signin' || SIGN_IN.some((k) => conceptsIn(ctx.text).has(k));
    return signin
      ? point(e, 'account_signin', 'accept', `${how(n)}: an identity provider on a sign-in screen`)
      : undefined;
  }
  if (c.role === 'direct') {
    // Removing a reminder row from the event being edited is editing: nothing is gone until the form is saved.
    // So is a stepper's "Remove" beside its "Add", and a filter sheet's "Reset".
    if (
      c.category === 'destructive' &&
      (draftRow(tree, e, n.hit.phrase) || stepperKey(tree, e, n.hit.phrase) || filterReset(tree, e))
    )
      return undefined;
    // "Subscribe to our newsletter" is marketing consent, as its switch would be; "Subscribe to nearby SOS alerts" is
    // an app's own preference: neither is a payment.
    if (n.hit.concept === 'subscribe' && MARKETING.test(n.text))
      return point(e, 'tracking_ads_cookies', 'accept', `${how(n)}, to marketing (tracking_ads_cookies)`);
    if (n.hit.concept === 'subscribe' && ALERTS.test(n.text) && !MONEY.test(contextOf(tree, e).text)) return undefined;
    // A bare "Cadastrar" / "Register" with nothing of an account on the screen adds a record (accounts.ts).
    if (n.hit.concept === 'sign_up' && createsRecord(tree, e, n.text, n.hit.phrase)) return undefined;
    // Picking or attaching beside an empty message field: nothing is being written yet (media.ts draft).
    if (['pick_media', 'upload_media', 'attach'].includes(n.hit.concept) && draft(tree, e) === 'empty')
      return undefined;
    // An upload beside a camera choice picks from the phone's photos ("Camera Scan" · "Upload Receipt"), still
    // irreversible as an upload; not one whose words name another topic ("Upload call logs").
    const camera =
      ['upload', 'attach'].includes(n.hit.concept) &&
      (topicWords(n.text)?.category ?? 'photos_media') === 'photos_media'
        ? besideCamera(tree, e)
        : undefined;
    if (camera)
      return point(e, 'photos_media', 'accept', `${how(n)} beside "${camera}": it picks from the phone's photos`, {
        ...(c.irreversible ? { irreversible: true } : {}),
      });
    // In the phone and messages apps, sending is a text message and the category is calls and SMS.
    const category = c.category === 'data_sharing_publish' && PHONE_APPS.test(e.package) ? 'sms_calls' : c.category!;
    return point(e, category, c.grant, `${how(n)} (${category})`, c.irreversible ? { irreversible: true } : {});
  }
  // A checkbox "I agree to …": ticking it agrees, unticking it takes the agreement back.
  const grant: Grant = box?.checked ? 'decline' : 'accept';
  const ctx = contextOf(tree, e);
  // "Save" stores what was typed (a form, a settings sheet); only under "Save password?" / "Save your login info?"
  // does it save a sign-in.
  if (n.hit.concept === 'save')
    return conceptsIn(ctx.dialog?.text ?? ctx.text).has('save_login')
      ? point(e, 'account_signin', grant, `${how(n)}; the screen offers to save a sign-in (account_signin)`)
      : undefined;
  if (ctx.topic) {
    // "OK" under "Delete this message?", "Agree" under a privacy policy, "Continue" beside a price.
    const where = ctx.dialog ? 'the dialog' : 'the screen';
    return point(e, ctx.topic.category, grant, `${how(n)}; ${where}: ${ctx.topic.why} (${ctx.topic.category})`, {
      ...(ctx.topic.tentative ? { tentative: true } : {}),
    });
  }
  const row = rowTopic(tree, e);
  // "Grant", "去设置", "Enable" in a list row ("存储权限 … 去授权", "自启动管理 … 去设置"): what the row names.
  if (row && (c.role === 'agree' || ['continue', 'enable'].includes(n.hit.concept)))
    return point(e, row.category, grant, `${how(n)}; ${row.why}`);
  // "I agree that my files stay on this device …": a sentence agreed to is an agreement, tracking if it says so.
  if (c.role === 'agree' && wordCount(normWords(n.text)) >= 4) {
    const category = TRACKING_WORDS.test(n.text) ? 'tracking_ads_cookies' : 'data_sharing_publish';
    return point(e, category, grant, `${how(n)}: agreeing to what the sentence says (${category})`);
  }
  // "Agree" / "Allow" with nothing to say what to: a consent point heed cannot name, so the gate asks.
  if (c.role === 'agree') return point(e, 'unknown', grant, `${how(n)}, and nothing on the screen says to what`);
  return undefined;
}

/** Turning off a protection exposes: "禁用保护", "关闭隐私模式" are not refusals. */
const PROTECTION =
  /protect|privacy|private|block|secur|incognito|保护|防护|隐私|拦截|安全|保護|プライバシー|보호|개인정보|차단|защит|приват|блокир|protec|privacidad|privacidade|schutz|datenschutz|sperr/i;

/** Is this element's own wording protective ("Cancel", "Not now", android:id/button2)? With its grant. */
export function protective(tree: UiTree, e: UiElement): { n: Named; category?: Category } | undefined {
  const n = named(tree, e);
  if (!n || n.concept.role !== 'protective') return undefined;
  if (n.hit.concept === 'disable' && PROTECTION.test(n.text)) return undefined;
  return { n, ...(n.concept.category ? { category: n.concept.category } : {}) };
}

export { how as namedHow, isLauncher, saysAction };
