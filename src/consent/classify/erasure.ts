// Clearing what an app keeps: "Limpiar caché", "Vider l'historique", "Очистить кэш", "캐시 지우기", and a bare
// "Clear" / "CLEAR" where what it clears stands beside it ("Recent history · CLEAR", a chat thread's header) or in its
// dialog; a bare "Restore" beside the app it resets ("Restaurar app · Restaurar"). The clean-up verbs ("clear", "limpiar", "effacer", "очистить", "지우기" …) clear fields, filters and
// selections as often as history, so they erase only with an object that is kept: history, cache, data, storage,
// chats, messages, conversations, logs, downloads. Never a field's clear button, a keypad's "C" (editing.ts), or a
// filter sheet's "Clear" / "Reset".
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { contextOf } from './context.js';
import { filterReset } from './editing.js';
import { point } from './point.js';
import { reportsStatus } from './readings.js';
import { lineTexts } from './rows.js';
import { normWords, wordCount } from './text.js';

/** The clean-up verbs, as normWords writes them (lower case, no diacritics), in the major languages. */
const VERB =
  /(?:^| )(?:clear|erase|wipe|empty|purge|limpiar|vaciar|borrar|limpar|esvaziar|effacer|vider|leeren|loschen|pulisci|svuota|cancella|elimina|очистить|очистка|стереть|удалить|temizle|bosalt|sil|مسح|امسح|حذف|افراغ|साफ़|साफ|हटाएं|xoa|hapus|bersihkan|kosongkan)(?= |$)|清除|清空|删除|刪除|クリア|消去|削除|지우기|비우기|삭제/u;

/** The clean-up verbs alone: the label says nothing of what it clears. */
const BARE =
  /^(?:clear|clear all|limpiar|vaciar|limpar|esvaziar|effacer|vider|pulisci|svuota|очистить|стереть|مسح|امسح|bersihkan|kosongkan|साफ़ करें|साफ करें|クリア|消去|지우기|비우기)$/u;

/** What an app keeps that clearing loses, as normWords writes it, in the major languages. */
const KEPT =
  /(?:^| )(?:history|histories|recents?|cache|caches|data|storage|chats?|messages?|conversations?|threads?|logs?|downloads|cookies|browsing|historial|datos|almacenamiento|mensajes|conversacion|conversaciones|registros?|descargas|historico|dados|armazenamento|conversas?|mensagens|historique|donnees|stockage|discussions?|journal|telechargements|verlauf|daten|speicher|nachrichten|unterhaltung(?:en)?|protokoll|anrufliste|cronologia|dati|memoria|messaggi|conversazion[ei]|истори\S*|кэш\S*|кеш\S*|данн\S*|хранилищ\S*|чат\S*|сообщени\S*|переписк\S*|журнал\S*|загрузк\S*|gecmis\S*|onbelle\S*|veri(?:ler)?(?:i)?|depolama|sohbet\S*|mesaj\S*|السجل|سجل|البيانات|بيانات|ذاكرة|المحادث\S*|محادث\S*|الرسائل|رسائل|इतिहास|कैश|डेटा|चैट|संदेश|lich su|bo nho dem|du lieu|tro chuyen|tin nhan|nhat ky|riwayat|penyimpanan|obrolan|pesan|percakapan)(?= |$)|历史|记录|缓存|数据|存储|聊天|消息|会话|歷史|紀錄|記錄|快取|資料|履歴|キャッシュ|データ|ストレージ|チャット|メッセージ|会話|トーク|기록|캐시|데이터|저장공간|채팅|메시지|대화/u;

const FIELD = /EditText|AutoCompleteTextView|SearchView/;

/**
 * The words standing with a bare verb: the texts on its line (its row's title, its section header, its toolbar's
 * title and subtitle), when no field shares that line (a search bar's "Clear" empties what is typed).
 */
function besideTexts(tree: UiTree, e: UiElement): string[] {
  const h = e.bounds[3] - e.bounds[1];
  const field = tree.elements.some(
    (x) => FIELD.test(x.class) && x.bounds[1] < e.bounds[3] + h / 2 && x.bounds[3] > e.bounds[1] - h / 2,
  );
  return field ? [] : lineTexts(tree, e);
}

/**
 * "Restore" alone brings back a backup, a purchase or a deleted item; beside the app, its defaults or its factory
 * state ("Restaurar app · Restaurar") it resets the app, and what it kept is gone.
 */
const RESTORE =
  /^(?:restore|restaurar|restaurer|ripristina|wiederherstellen|восстановить|geri yukle|khoi phuc|pulihkan|استعادة|恢复|復元|복원)$/u;
const WHOLE_APP =
  /(?:^| )(?:app|application|aplicacion|aplicacao|aplicativo|applicazione|anwendung|приложени\S*|uygulama\S*|ung dung|aplikasi|التطبيق|defaults?|factory|predeterminad\S*|padrao|fabrica|usine|werkseinstellungen|заводск\S*|varsayilan|mac dinh)(?= |$)|出厂|工場|공장|应用|アプリ|앱/u;

/** The first match of `re` in the words beside a bare verb, or in its dialog. */
function named(tree: UiTree, e: UiElement, re: RegExp): { what: string; where: string } | undefined {
  const dialog = contextOf(tree, e).dialog;
  const said = dialog ? [dialog.text] : besideTexts(tree, e);
  const what = said.map((t) => re.exec(normWords(t))?.[0].trim()).find(Boolean);
  return what ? { what, where: dialog ? 'its dialog' : 'stands beside it' } : undefined;
}

/** Does tapping this element erase something the app keeps, by its words and, for a bare verb, what stands by it? */
export function erasurePoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  if (FIELD.test(e.class) || !(e.clickable || e.longClickable)) return undefined;
  const label = (e.text || e.contentDesc || e.label).trim();
  const words = normWords(label);
  if (!words || wordCount(words) > 6 || reportsStatus(label)) return undefined;
  const erase = (why: string) => point(e, 'destructive', 'accept', why, { irreversible: true });
  if (RESTORE.test(words)) {
    const app = named(tree, e, WHOLE_APP);
    return app ? erase(`"${label}" beside "${app.what}" resets the app (destructive)`) : undefined;
  }
  if (!VERB.test(words)) return undefined;
  const kept = KEPT.exec(words)?.[0].trim();
  if (kept) return erase(`"${label}" clears ${kept}, which the app keeps (destructive)`);
  if (!BARE.test(words) || filterReset(tree, e)) return undefined;
  const { dialog, topic } = contextOf(tree, e);
  if (dialog && topic?.category === 'destructive')
    return erase(`"${label}" in a dialog that ${topic.why} (destructive)`);
  const n = named(tree, e, KEPT);
  return n ? erase(`"${label}" clears what ${n.where} names: ${n.what} (destructive)`) : undefined;
}
