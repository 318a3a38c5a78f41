// The fail-safe for what no rule can name: a modal dialog that offers a way out ("Cancel", "Not now",
// android:id/button2) and a way forward is asking the user something. When no rule says what the way forward
// grants, it is a consent point of category `unknown`: the gate asks (no profile rule or memory covers it).
import { idSuffix, type UiElement, type UiTree, within } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { contextOf, dialogTopic } from './context.js';
import { named, protective } from './labels.js';
import { point } from './point.js';
import { wordCount, normWords } from './text.js';

const buttonLike = (e: UiElement) => e.clickable && !e.checkable && !e.scrollable && /Button|TextView/.test(e.class);

/** A time, date or number picker in the dialog (AOSP's TimePicker / DatePicker / NumberPicker and their ids). */
const PICKER = /NumberPicker|TimePicker|DatePicker|CalendarView/;
const PICKER_ID =
  /^(timePicker|datePicker|numberpicker|input_hour|input_minute|hours|minutes|am_pm_spinner|date_picker_header)$/;
/** Or a single-choice list ("Pick Chrome's language": radio buttons): the dialog sets what was chosen. */
const pickerIn = (tree: UiTree, root: UiElement) =>
  tree.elements.some((x) => within(x, root) && (PICKER.test(x.class) || PICKER_ID.test(idSuffix(x.resourceId)))) ||
  tree.elements.filter((x) => within(x, root) && /RadioButton|CheckedTextView/.test(x.class)).length >= 2;

/** Every word a dialog shows, its choices' labels too (prose leaves checkable rows out). */
const wordsIn = (tree: UiTree, root: UiElement) =>
  tree.elements
    .filter((x) => within(x, root))
    .map((x) => x.text || x.contentDesc)
    .filter((t) => t.trim())
    .join(' \n ');

/** A dialog that asks to leave the app (or the game): going ahead grants nothing. */
const EXIT_APP =
  /\b(exit|quit|close|leave) (the |this )?(app|application|game)\b|\bwant to (exit|quit)\b|salir de la (app|aplicación)|sair do (app|aplicativo)|quitter l'application|app beenden|выйти из приложения|закрыть приложение|退出应用|退出程序|要退出吗|アプリを終了|앱을 종료|uygulamadan çık|keluar dari aplikasi|thoát ứng dụng/i;

export function failSafePoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  if (!buttonLike(e)) return undefined;
  const ctx = contextOf(tree, e);
  if (!ctx.dialog) return undefined;
  const buttons = tree.interactive
    .map((i) => tree.elements[i]!)
    .filter((x) => buttonLike(x) && within(x, ctx.dialog!.root));
  const ways = buttons.filter((x) => x !== e && protective(tree, x));
  // A choice in an AlertDialog (its positive and negative slots, android:id/button1 and button2): the positive button,
  // when the message names what it does ("You can exit your account …" above "KEEP ON DEVICE" and "EXIT"), goes ahead
  // with that, whatever the other button says. "Got it" beside "View details" (button1, button3) only acknowledges.
  const negative = buttons.some((x) => x.resourceId === 'android:id/button2');
  if (!ways.length && negative && e.resourceId === 'android:id/button1' && ctx.topic && !ctx.topic.tentative)
    return point(
      e,
      ctx.topic.category,
      'accept',
      `"${e.text || e.contentDesc}" is the dialog's positive button: ${ctx.topic.why}`,
    );
  // A pair: one way out, and this button (with at most one other) the way forward.
  if (!ways.length || buttons.length - ways.length > 2) return undefined;
  // Android's app-error and not-responding dialogs (aerr_*: "Close app", "Wait", "App info") ask nothing; nor do a
  // picker's "OK" (a time, a date, a number: the value being chosen), leaving the app, or saving on the device.
  // Only when nothing in the dialog names what is at stake, its choices' own words included: "Exit? Your plan renews
  // at $9.99" and a plan chooser ("Monthly — $4.99" · "Yearly — $39.99" · OK) still ask.
  const stake = ctx.topic ?? dialogTopic(wordsIn(tree, ctx.dialog.root));
  if (!stake && (pickerIn(tree, ctx.dialog.root) || EXIT_APP.test(ctx.dialog.text))) return undefined;
  if (tree.elements.some((x) => /^aerr_/.test(idSuffix(x.resourceId)))) return undefined;
  const label = e.text || e.contentDesc || e.label;
  const n = named(tree, e);
  if (n?.hit.concept === 'save' && !stake) return undefined;
  // The way forward: a confirmation ("OK", "确定", "확인", android:id/button1), or any short button beside the way
  // out when the dialog asks a question.
  const question = /[?？؟]/.test(ctx.dialog.text);
  const forward =
    n?.concept.role === 'confirm' ||
    n?.concept.role === 'agree' ||
    e.resourceId === 'android:id/button1' ||
    (question && wordCount(normWords(label)) <= 4);
  if (!forward || !label.trim()) return undefined;
  const out = ways[0]!.text || ways[0]!.contentDesc || ways[0]!.resourceId;
  // The dialog's message (or its choices) may still say what going ahead does ("This will clear your chat history").
  if (stake)
    return point(e, stake.category, 'accept', `"${label}" goes ahead in a dialog: ${stake.why}`, {
      ...(stake.tentative ? { tentative: true } : {}),
    });
  return point(
    e,
    'unknown',
    'accept',
    `dialog asks "${ctx.dialog.text.slice(0, 80)}" with "${label}" and "${out}"; no rule names what "${label}" grants`,
  );
}
