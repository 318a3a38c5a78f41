// Controls that edit what is being typed, drafted or chosen, not what is kept: a keypad's keys ("DEL" on a calculator, a PIN
// pad's "delete") and the remove icon of a repeatable row in a form being edited ("删除提醒" beside "10 分钟前" when the
// form also offers "添加提醒"). Nothing is gone until the form is saved: saving is the consent point, if anything is.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import { lineTexts } from './rows.js';
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
  /^(?:del|delete|backspace|back space|clear|clr|c|ce|ac|borrar|eliminar|retroceso|retroceder|ruckschritt|loschen|effacer|supprimer|cancella|apagar|sil|hapus|xoa|удалить|стереть|删除|删|清除|清空|退格|削除|クリア|삭제|지우기|ลบ|حذف|مسح)$/;

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
  // The keypad's rows, and the rows above them where calculators put "C" and the backspace (Samsung's sits on the
  // handle between the display and the keys).
  return mid >= top - (bottom - top) && mid <= bottom && e.bounds[2] - e.bounds[0] <= 2 * width;
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

/** "Add" alone: a counter's or stepper's plus. */
const ADD_ONLY =
  /^(?:add|\+|добавить|agregar|añadir|adicionar|hinzufügen|ajouter|aggiungi|ekle|tambah|thêm|إضافة|添加|增加|追加|추가|เพิ่ม)$/;

/**
 * A stepper's minus: "Remove" beside "Add" on the same line, with nothing else to say what goes ("Water 0 / 8 ·
 * Remove · Add"): it counts one less of what is being logged, it deletes nothing that is kept.
 */
export function stepperKey(tree: UiTree, e: UiElement, verb: string): boolean {
  const words = (x: UiElement) => normWords(x.text || x.contentDesc || x.label);
  if (words(e) !== verb) return false;
  // A stepper shows the quantity it steps ("0 / 8", "2 glasses"): without one, "Remove · Add" beside an account or a
  // member is no stepper.
  if (!lineTexts(tree, e).some((t) => /\d/.test(t))) return false;
  const mid = (x: UiElement) => (x.bounds[1] + x.bounds[3]) / 2;
  const h = e.bounds[3] - e.bounds[1];
  return tree.elements.some(
    (x) =>
      x !== e &&
      x.clickable &&
      ADD_ONLY.test(words(x)) &&
      Math.abs(mid(x) - mid(e)) <= h / 2 &&
      Math.abs(x.bounds[0] - e.bounds[0]) <= 4 * Math.max(h, e.bounds[2] - e.bounds[0]),
  );
}

/** Reset words, as normWords writes them. */
const RESET =
  /^(?:reset|reset all|clear all|сбросить|сбросить все|restablecer|limpiar|limpar|zurucksetzen|reinitialiser|effacer tout|reimposta|sifirla|atur ulang|dat lai|重置|清空筛选|リセット|초기화)$/;
/** A screen that filters or sorts a list: its "Reset" clears the choices, not anything kept. */
const FILTERS =
  /filter|sort by|сортиров|фильтр|filtro|ordenar|filtre|sırala|saring|urutkan|lọc|sắp xếp|筛选|排序|フィルタ|並べ替え|필터|정렬/i;

/** "Reset" / "Сбросить" on a filter or sort sheet: it clears what is being chosen. */
export function filterReset(tree: UiTree, e: UiElement): boolean {
  if (!RESET.test(normWords(e.text || e.contentDesc || e.label))) return false;
  return tree.elements.some((x) => x !== e && FILTERS.test(x.text || x.contentDesc));
}
