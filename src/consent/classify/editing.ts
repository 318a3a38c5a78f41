// Controls that edit what is being typed or drafted, not what is kept: a keypad's keys ("DEL" on a calculator, a PIN
// pad's "delete") and the remove icon of a repeatable row in a form being edited ("删除提醒" beside "10 分钟前" when the
// form also offers "添加提醒"). Nothing is gone until the form is saved: saving is the consent point, if anything is.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import { normWords, wordCount } from './text.js';

/** Digit keys of a keypad (a calculator, a dialer, a PIN pad): ten buttons whose label is one digit. */
function digitKeys(tree: UiTree): UiElement[] {
  return tree.elements.filter((x) => x.clickable && /^\d$/.test((x.text || x.contentDesc).trim()));
}

/**
 * Labels of the keys that edit what is being typed: delete / backspace / clear in the corpus languages. Only these are
 * exempt: a keypad's "Pay", "Send" or "OK" key does what it says (an amount pad in a wallet has one among its digits).
 */
const EDIT_KEY = // as normWords writes them: lower case, no diacritics
  /^(?:del|delete|backspace|back space|clear|clr|c|ce|ac|borrar|eliminar|loschen|effacer|supprimer|cancella|apagar|sil|hapus|xoa|удалить|стереть|删除|删|清除|清空|退格|削除|クリア|삭제|지우기|ลบ|حذف|مسح)$/;

/** A key among a keypad's rows (as wide as its digit keys at most twice) whose every label edits what is typed. */
export function keypadKey(tree: UiTree, e: UiElement): boolean {
  const digits = digitKeys(tree);
  if (new Set(digits.map((d) => (d.text || d.contentDesc).trim())).size < 10) return false;
  const labels = [e.text, e.contentDesc].map((s) => normWords(s)).filter(Boolean);
  if (!labels.length || !labels.every((l) => EDIT_KEY.test(l))) return false;
  const top = Math.min(...digits.map((d) => d.bounds[1]));
  const bottom = Math.max(...digits.map((d) => d.bounds[3]));
  const width = Math.max(...digits.map((d) => d.bounds[2] - d.bounds[0]));
  const mid = (e.bounds[1] + e.bounds[3]) / 2;
  return mid >= top && mid <= bottom && e.bounds[2] - e.bounds[0] <= 2 * width;
}

/** "Add" in the corpus languages, as forms label the control that adds another row of a kind. */
const ADD =
  /^(?:(?:add(?: another| a| new)?|добавить|agregar|añadir|adicionar|hinzufügen|ajouter|aggiungi|ekle|tambah(?:kan)?|thêm|إضافة)(?: |$)|添加|新增|增加|追加|추가|เพิ่ม)/;
const EDITABLE = /EditText|AutoCompleteTextView/;

/**
 * The remove icon of a repeatable row in a form being edited: an icon (no text of its own) whose label is the remove
 * verb and what it removes ("删除提醒", "Remove reminder"), on a screen with a field to type into and an "add" control
 * for the same thing ("添加提醒", "Add reminder"). "Delete account" has no "Add account" beside it in a form, and a
 * remove button with words of its own ("删除" under an event) is the form's own delete: both stay consent points.
 */
export function draftRow(tree: UiTree, e: UiElement, verb: string): boolean {
  if (e.text.trim() || !e.contentDesc.trim()) return false;
  const what = normWords(e.contentDesc).replace(verb, '').trim();
  if (!what || wordCount(what) > 3 || !tree.elements.some((x) => EDITABLE.test(x.class))) return false;
  return tree.elements.some((x) => {
    const label = normWords(x.text || x.contentDesc);
    return x !== e && ADD.test(label) && label.replace(ADD, '').trim().replace(/ /g, '') === what.replace(/ /g, '');
  });
}
