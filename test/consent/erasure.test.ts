// Clearing what an app keeps, in the major languages, and the clean-up buttons that erase nothing kept: a search
// bar's "Clear", a filter sheet's "Clear", "Limpiar filtros", a calculator's keys.
import { classify, consentPoints } from '../../src/consent/classify.js';
import { parseUiTree } from '../../src/device/ui-tree.js';
import { alertDialog, dump, type Node } from '../support/dump.js';

const PKG = 'com.example.app';
const BUTTON = 'android.widget.Button';

/** Tapping the element whose own text or description is `text`. */
const tap = (tree: ReturnType<typeof dump>, text: string) => {
  const e = tree.elements.find((x) => x.text === text || x.contentDesc === text);
  if (!e) throw new Error(`no "${text}"`);
  return classify(tree, PKG, { kind: 'tap', element: e });
};
const one = (label: string) => tap(dump(PKG, [{ cls: BUTTON, text: label, clickable: true }]), label);

/** One line of a full screen: what stands at its left (a title, a field) and a button at its right. */
const line = (left: string, button: string, cls = BUTTON, leftCls = 'android.widget.TextView') =>
  parseUiTree(
    `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="${PKG}" bounds="[0,0][1080,2400]"><node class="${leftCls}" package="${PKG}" text="${left}" clickable="${leftCls !== 'android.widget.TextView'}" bounds="[60,1050][850,1100]"/><node class="${cls}" package="${PKG}" text="${button}" clickable="true" bounds="[850,1015][1020,1140]"/><node class="android.widget.TextView" package="${PKG}" text="Home" bounds="[0,2200][1080,2400]"/></node></hierarchy>`,
  );

describe('clearing what the app keeps', () => {
  test.each([
    'Limpiar caché',
    'Limpiar historial',
    'Vider le cache',
    "Effacer l'historique",
    'Очистить кэш',
    'Очистить историю',
    '캐시 지우기',
    '대화 기록 지우기',
    'Svuota cache',
    'Pulisci cronologia',
    'Limpar cache',
    'Limpar conversa',
    'مسح البيانات',
    'Bersihkan riwayat',
    'Önbelleği temizle',
    'キャッシュをクリア',
    'Clear downloads',
    'Clear chat history',
  ])('"%s" erases: destructive, irreversible', (label) => {
    expect(one(label)).toMatchObject({ category: 'destructive', grant: 'accept', exposing: true, irreversible: true });
  });

  test.each(['Limpiar filtros', 'Effacer la recherche', 'Clear selection', 'Очистить поле', 'Clear', 'クリア'])(
    '"%s" clears nothing kept: no consent point',
    (label) => {
      expect(one(label)).toBeUndefined();
    },
  );

  test('a bare "CLEAR" beside the "Recent history" it clears erases it', () => {
    const tree = line('Recent history', 'CLEAR', 'android.view.View');
    expect(tap(tree, 'CLEAR')).toMatchObject({ category: 'destructive', grant: 'accept', irreversible: true });
    expect(tap(line('Historial reciente', 'Limpiar'), 'Limpiar')).toMatchObject({ category: 'destructive' });
    // The same header over what is being filtered: the Clear clears the choices.
    expect(tap(line('Filters', 'Clear'), 'Clear')).toBeUndefined();
    expect(tap(line('Sort and filter', 'Limpiar'), 'Limpiar')).toBeUndefined();
  });

  test("a chat thread's header: its Clear erases the thread", () => {
    expect(tap(line('Live support thread synced with the admin panel.', 'Clear'), 'Clear')).toMatchObject({
      category: 'destructive',
      grant: 'accept',
    });
  });

  test('a bare "Restore" resets only beside the app, its defaults or its factory state', () => {
    expect(tap(line('Restaurar app', 'Restaurar'), 'Restaurar')).toMatchObject({
      category: 'destructive',
      grant: 'accept',
    });
    expect(tap(line('Factory settings', 'Restore'), 'Restore')).toMatchObject({ category: 'destructive' });
    // Restoring purchases, or a photo from the trash, brings something back.
    expect(tap(line('Restore purchases', 'Restore'), 'Restore')).toBeUndefined();
    expect(tap(line('IMG_2041.jpg', 'Restaurar'), 'Restaurar')).toBeUndefined();
  });

  test("a search bar's Clear empties the field, even a field holding the word history", () => {
    expect(tap(line('search history', 'Clear', BUTTON, 'android.widget.EditText'), 'Clear')).toBeUndefined();
  });

  test('a bare Clear in a dialog that names the history it clears, or warns it cannot be undone', () => {
    const history = alertDialog('Clear search history?', 'Your recent searches on this device go away.', [
      ['button2', 'Cancel'],
      ['button1', 'Clear'],
    ]);
    expect(tap(history, 'Clear')).toMatchObject({ category: 'destructive', grant: 'accept' });
    const warns = alertDialog('Start over?', 'This cannot be undone.', [
      ['button2', 'Cancel'],
      ['button1', 'Clear'],
    ]);
    expect(tap(warns, 'Clear')).toMatchObject({ category: 'destructive', grant: 'accept' });
    const filters = alertDialog('Clear filters?', 'Show every result again.', [
      ['button2', 'Cancel'],
      ['button1', 'Clear'],
    ]);
    expect(tap(filters, 'Clear')?.category).not.toBe('destructive');
  });

  test('a calculator keeps its "C" and its "Borrar" key: they edit what is typed', () => {
    const keys: Node[] = [...'7894561230'].map((d) => ({ cls: BUTTON, text: d, clickable: true }));
    const tree = dump(PKG, [
      { cls: BUTTON, text: 'C', clickable: true },
      { cls: BUTTON, desc: 'Borrar', clickable: true },
      ...keys,
    ]);
    expect([...consentPoints(tree, PKG).values()].filter((p) => p.exposing)).toEqual([]);
  });
});
