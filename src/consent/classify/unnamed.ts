// Buttons whose words no vocabulary names, read from where they stand: a banner that says "Tap to enable …" asks
// for what its sentence names, a sign-in form's buttons go ahead with what was typed ("Check Phone", a demo
// account's "Customer"), and an audience beside a share bar's "Share to" posts to it ("Your story"). Both are the fail-safe's kin: what the rules cannot name by its words is still asked about.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { landingPoint } from './accounts.js';
import { contextOf } from './context.js';
import { topicWords } from './permission.js';
import { point } from './point.js';
import { normWords, wordCount } from './text.js';
import { conceptOf, conceptsIn } from './vocabulary.js';

const SIGN_IN = new Set(['sign_in', 'sign_up', 'verify', 'continue_as']);

/**
 * "Tap here to add contacts", "Tap to enable in Settings", "Toque para ativar", "点击开启": a call to act on a
 * permission. The capture is what comes after the verb: its first words name the topic best ("add contacts so they
 * can be notified" is about contacts).
 */
const CALL_TO_ACT =
  /\b(?:tap|click|press|touch)(?: here)? to (?:enable|allow|grant|turn on|add|give|share|sync|connect)\b(.*)|(?:toque|toca|pulsa|clique|toucher|appuyez|tippen|нажмите|dokunun)[^.!?]{0,20}?(?:ativar|activar|permitir|activer|autoriser|aktivieren|erlauben|включить|разрешить|etkinleştir|izin ver)(.*)|(?:点击|轻触|タップして|탭하여|눌러서)\s?(?:开启|打开|授权|允许|有効|許可|허용|켜기|사용)(.*)/iu;

/** Words on a sign-in form that do not submit it: help, recovery, showing the password, policies, pickers, leaving. */
const NOT_SUBMIT =
  /navigate|menu|more options|emergency|urgence|emergencia|emergência|notruf|экстренн|紧急|緊急|긴급|acil|طوارئ|forgot|recover|reset|help|trouble|problem|support|contact|show|hide|visib|terms|privacy|policy|polic|cookie|country|region|language|idioma|back|return|close|cancel|skip|later|remember|olvid|esqueci|oubli|vergessen|hilfe|ayuda|ajuda|aide|помощ|забыл|восстанов|忘记|忘れ|잊|도움|unuttum|yardım|gizlilik|politika|koşul|lupa|bantuan|quên|trợ giúp|نسيت|مساعدة|الخصوصية|سياسة|الشروط|帮助|隐私|协议|条款|ヘルプ|規約|약관|개인정보|도움말/i;

function callToAct(e: UiElement): Sensitivity | undefined {
  const text = e.text || e.contentDesc || e.label;
  const m = CALL_TO_ACT.exec(text);
  if (!m) return undefined;
  const rest = (m[1] ?? m[2] ?? m[3] ?? '').trim();
  const topic = topicWords(rest.split(/\s+/).slice(0, 3).join(' ')) ?? topicWords(text);
  if (!topic) return undefined;
  return point(e, topic.category, 'accept', `"${text.slice(0, 60)}" asks to tap to turn on ${topic.category}`, {
    tentative: true,
  });
}

/**
 * A button on a sign-in form (a password, one-time-code, phone or e-mail field) that no rule names: it may submit what
 * was typed, so it is a sign-in. Tentative: the gate asks rather than letting a profile grant it unseen.
 */
const forms = new WeakMap<UiTree, boolean>();

/**
 * Is this screen's form a sign-in (read once per screen: every unnamed button asks)? A phone or e-mail field alone is
 * any form's (an order, a contact form): only a password field, or words of signing in somewhere on the screen, make
 * it one. The lock screen's PIN pad (keyguard) unlocks the phone; it signs in to no account.
 */
function signInForm(tree: UiTree, prose: string): boolean {
  const known = forms.get(tree);
  if (known !== undefined) return known;
  const labels = tree.interactive.map((i) => tree.elements[i]!).map((x) => x.text || x.contentDesc || x.label);
  const words = [prose, ...labels].some((t) => [...conceptsIn(t)].some((c) => SIGN_IN.has(c)));
  const yes =
    !tree.elements.some((x) => /keyguard/i.test(x.resourceId)) && (words || tree.elements.some((x) => x.password));
  forms.set(tree, yes);
  return yes;
}

function formButton(tree: UiTree, e: UiElement): Sensitivity | undefined {
  if (!e.clickable || e.checkable || e.scrollable || /EditText|AutoComplete|Spinner|CheckBox|Switch/.test(e.class))
    return undefined;
  const label = (e.text || e.contentDesc || e.label).trim();
  const words = normWords(label);
  if (!/\p{L}/u.test(words) || wordCount(words) > 4 || NOT_SUBMIT.test(label)) return undefined;
  // "Save" keeps what a form holds (labels.ts reads it where a sign-in is what is saved).
  if (conceptOf(label)?.concept === 'save') return undefined;
  const ctx = contextOf(tree, e);
  if (e.package === 'com.android.systemui' || ctx.dialog || !ctx.topic?.form || !signInForm(tree, ctx.text))
    return undefined;
  return point(e, 'account_signin', 'accept', `"${label}" is a button of a sign-in form (${ctx.topic.why})`, {
    tentative: true,
  });
}

/** An audience a share bar offers ("Your story", "Close Friends", "朋友圈"): posting to it. */
const AUDIENCE =
  /^(your story|my story|story|close friends|friends|followers|everyone|public|朋友圈|好友|所有人|公开|내 스토리|친한 친구|ストーリーズ|親しい友達|моя история|близкие друзья|tu historia|mejores amigos|seu story|melhores amigos|ta story|amis proches|deine story|enge freunde|hikayen|yakın arkadaşlar|cerita anda|teman dekat|tin của bạn|bạn thân)$/i;
const SHARING = new Set(['share', 'send', 'publish']);

/**
 * A button naming an audience beside the bar's own Share / Send ("Your story" · "Close Friends" · "Share to"): each
 * posts to whom it names.
 */
function shareTarget(tree: UiTree, e: UiElement): Sensitivity | undefined {
  const label = (e.text || e.contentDesc || e.label).trim();
  if (!e.clickable || e.parent === undefined || !AUDIENCE.test(normWords(label))) return undefined;
  const bar = tree.elements.find(
    (x) =>
      x !== e &&
      x.clickable &&
      x.parent === e.parent &&
      SHARING.has(conceptOf(x.text || x.contentDesc || x.label)?.concept ?? ''),
  );
  if (!bar) return undefined;
  const by = bar.text || bar.contentDesc || bar.label;
  return point(e, 'data_sharing_publish', 'accept', `"${label}" is an audience beside "${by}": it posts there`, {
    irreversible: true,
  });
}

export function unnamedPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  return callToAct(e) ?? formButton(tree, e) ?? shareTarget(tree, e) ?? landingPoint(tree, e);
}
