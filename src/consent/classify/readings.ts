// Readings that refine what a label's words name: a tab of a bar opens a page ("Send, Tab 1 of 3"), a state word in a
// list item is no confirmation ("Concluído"), a result reported is no action ("Login successfully!"), "Continue with
// <plan>" only goes ahead, a subscription to alerts is no payment, and a "Send feedback" row opens a form.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Named } from './labels.js';
import { namesWallet } from './identity.js';
import { normMessage, normWords } from './text.js';
import { CONCEPTS, conceptOf } from './vocabulary.js';

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
 * the screen shows), and so does "Continue with Apple Pay". A sign-in phrase whose placeholder holds a plan, or that
 * names a wallet, is read as a plain confirmation.
 */
export function plain(n: Named | undefined): Named | undefined {
  if (!n || !['sign_in', 'continue_as'].includes(n.hit.concept)) return n;
  const going = { ...n, hit: { ...n.hit, concept: 'continue' }, concept: CONCEPTS.continue! };
  // "Continue with Apple Pay", "Continuar con Google Pay": going ahead with a wallet pays, whatever provider runs it
  // ("Log in with PayPal" still signs in).
  const lead = conceptOf(n.text.trim().split(/\s+/)[0] ?? '')?.concept;
  if (n.hit.concept === 'sign_in' && namesWallet(n.text) && (lead === 'continue' || lead === 'next')) return going;
  return n.hit.phrase.includes('*') && PLAN.test(n.text) ? going : n;
}

/** Words that report how an action went, in the corpus languages. */
const STATUS =
  /\b(?:success(?:ful(?:ly)?)?|succeeded|unsuccessful|failed|failure|timed out|not (?:signed|logged) in|erfolgreich|fehlgeschlagen|réussie?|échoué|exitos[oa]|con éxito|fallid[oa]|sucesso|falhou|başarılı|başarısız|berhasil|gagal|thành công|thất bại)\b|успешно|не удалось|вход не выполнен|未登录|未登入|未ログイン|ログインしていません|로그인하지 않음|成功|失败|失敗|실패|สำเร็จ|ล้มเหลว|بنجاح|فشل/iu;

export const reportsStatus = (text: string): boolean => STATUS.test(normMessage(text));

/** A message to the app's makers, in the corpus languages. */
const FEEDBACK =
  /\bfeedback\b|\breport an? (?:bug|problem|issue)\b|\bsuggestions?\b|反馈|意见|意見|フィードバック|피드백|отзыв|обратн\S* связ|comentarios|sugerencias|commentaires|rückmeldung|geri bildirim|masukan|umpan balik|phản hồi|góp ý|ملاحظات|प्रतिक्रिया|suggerimenti/i;

/** Replying and commenting, the words a feed shows under every post, in the corpus languages. */
const RESPOND = new Set(
  [
    'comment',
    'comments',
    'reply',
    'add a comment',
    'write a comment',
    'leave a comment',
    '评论',
    '回复',
    '写评论',
    'コメント',
    '返信',
    '댓글',
    '답글',
    'комментировать',
    'комментарий',
    'ответить',
    'comentar',
    'responder',
    'commenter',
    'répondre',
    'kommentieren',
    'antworten',
    'commenta',
    'rispondi',
    'yorum yap',
    'yanıtla',
    'komentar',
    'balas',
    'bình luận',
    'trả lời',
    'تعليق',
    'رد',
    'टिप्पणी करें',
    'जवाब दें',
  ].map(normWords),
);

/**
 * Where nothing is written yet, some sends only open the form to write in: "Send Feedback" in a settings list, a
 * feed's "Comment" / "Reply" under a post. With a field on the screen (the form, the composer) they send what it
 * holds.
 */
export function opensForm(tree: UiTree, concept: string, text: string, phrase: string): boolean {
  if (tree.elements.some((x) => /EditText/.test(x.class))) return false;
  return (concept === 'send' && FEEDBACK.test(text)) || (RESPOND.has(phrase) && normWords(text) === phrase);
}
