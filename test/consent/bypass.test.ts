// Two consent bypasses found by reading the classifier (issue #11): a permission dialog whose topic the rules cannot
// read must never get a default category, and the requesting app's name must never decide the category.
import { classify } from '../../src/consent/classify.js';
import { decide, Session } from '../../src/consent/gate.js';
import { parseUiTree } from '../../src/device/ui-tree.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';

const PC = 'com.android.permissioncontroller';

/** A permission dialog in the Android 12+ layout: the message, then the buttons (ids as AOSP names them). */
function dialog(message: string, buttons: [id: string, text: string][], pkg = PC) {
  const node = (attrs: string, bounds: string) =>
    `<node index="0" class="android.widget.Button" package="${pkg}" clickable="true" enabled="true" ${attrs} bounds="${bounds}" />`;
  const rows = buttons
    .map(([id, text], i) =>
      node(`resource-id="${PC}:id/${id}" text="${text}"`, `[60,${1400 + i * 150}][1020,${1530 + i * 150}]`),
    )
    .join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><hierarchy rotation="0">` +
    `<node index="0" text="" class="android.widget.FrameLayout" package="${pkg}" clickable="false" enabled="true" bounds="[0,0][1080,2400]">` +
    `<node index="0" text="${message}" resource-id="${PC}:id/permission_message" class="android.widget.TextView" package="${pkg}" clickable="false" enabled="true" bounds="[60,1200][1020,1350]" />` +
    rows +
    `</node></hierarchy>`;
  const tree = parseUiTree(xml, 'test dialog');
  const tap = (text: string) => {
    const e = tree.elements.find((x) => x.text === text)!;
    return classify(tree, pkg, { kind: 'tap', element: e });
  };
  return { tree, tap };
}

const ctx = (profile: string) => ({
  app: 'com.example.files',
  instruction: 'Back up my files',
  profile: loadProfile(profile),
  memory: Memory.inMemory(),
  session: new Session(),
});

describe('bypass 1: a permission topic the rules cannot read is unknown, never a default category', () => {
  test('a dialog in a language no table knows: unknown, and every profile asks', () => {
    const { tap } = dialog('Qaghaj tlhIngan Hol ghItlh?', [
      ['permission_allow_button', "HIja'"],
      ['permission_deny_button', "ghobe'"],
    ]);
    const allow = tap("HIja'");
    expect(allow).toMatchObject({ category: 'unknown', grant: 'allow_always', exposing: true });
    // utility-first allows location hands-off: with the old default this was granted unasked.
    for (const p of ['utility-first', 'balanced', 'hands-on', 'privacy-first'])
      expect(decide(allow!, ctx(p))).toMatchObject({ verdict: 'ask' });
    expect(tap("ghobe'")).toMatchObject({ category: 'unknown', grant: 'deny', exposing: false });
  });

  test('a Chinese storage dialog ("允许" / "拒绝") is not a location grant', () => {
    const { tap } = dialog('要允许“文件管理”访问您设备上的照片、媒体内容和文件吗？', [
      ['permission_allow_button', '允许'],
      ['permission_deny_button', '拒绝'],
    ]);
    const allow = tap('允许')!;
    expect(allow.category).not.toBe('location');
    expect(decide(allow, ctx('utility-first')).verdict === 'allow' && allow.category !== 'photos_media').toBe(false);
  });

  test('a dialog with no message at all is unknown', () => {
    const { tree } = dialog('', [['permission_allow_button', 'Allow']]);
    const e = tree.elements.find((x) => x.text === 'Allow')!;
    expect(classify(tree, PC, { kind: 'tap', element: e })).toMatchObject({ category: 'unknown' });
  });

  test('a remembered "always" and a session allowance never cover unknown', () => {
    const c = ctx('utility-first');
    c.memory.remember({ app: c.app, category: 'unknown', decision: 'allow', provenance: 'asked' });
    c.session.allow(c.app, 'unknown', 'allow_always');
    const s = dialog('Qaghaj?', [['permission_allow_button', 'OK']]).tap('OK')!;
    expect(decide(s, c)).toMatchObject({ verdict: 'ask' });
  });
});

describe("bypass 2: the requesting app's name never decides the category", () => {
  test('"Snap to use the camera" asking for location is a location request', () => {
    const { tap } = dialog('Allow Snap to use the camera to access this device’s location?', [
      ['permission_allow_foreground_only_button', 'While using the app'],
      ['permission_allow_one_time_button', 'Only this time'],
      ['permission_deny_button', 'Don’t allow'],
    ]);
    const s = tap('While using the app')!;
    expect(s).toMatchObject({ category: 'location', grant: 'allow_foreground', precision: 'precise' });
    // balanced allows approximate location only: precise location is blocked, never granted as "camera".
    expect(decide(s, ctx('balanced')).verdict).not.toBe('allow');
  });

  test('an app named after one permission asking for another, in Spanish, is not the named permission', () => {
    const { tap } = dialog('¿Permitir que Cámara Pro acceda a la ubicación de este dispositivo?', [
      ['permission_allow_foreground_only_button', 'Mientras la app está en uso'],
      ['permission_deny_button', 'No permitir'],
    ]);
    expect(tap('Mientras la app está en uso')!.category).not.toBe('camera');
  });

  test('an app name that spells a whole request does not hide the real one', () => {
    // The app is called "Maps to access this device’s location?"; the request is for contacts.
    const { tap } = dialog('Allow Maps to access this device’s location? to access your contacts?', [
      ['permission_allow_button', 'Allow'],
    ]);
    expect(tap('Allow')!.category).not.toBe('location');
  });
});

describe('bypass 3: a word that translates "Verify" but is a language\'s plain OK takes no category of its own', () => {
  /** An app's AlertDialog: a message the rules cannot read, then OK and Cancel. */
  function alert(message: string, ok: string, cancel: string) {
    const b = (id: string, text: string, x: number) =>
      `<node class="android.widget.Button" package="com.example.chat" resource-id="android:id/${id}" text="${text}" clickable="true" enabled="true" bounds="[${x},1300][${x + 240},1450]" />`;
    const tree = parseUiTree(
      `<?xml version="1.0"?><hierarchy rotation="0"><node class="android.widget.FrameLayout" package="com.example.chat" bounds="[0,0][1080,2400]">` +
        `<node class="android.widget.TextView" package="com.example.chat" resource-id="android:id/message" text="${message}" bounds="[100,950][980,1200]" />` +
        b('button2', cancel, 500) +
        b('button1', ok, 760) +
        `</node></hierarchy>`,
      'test alert',
    );
    return classify(tree, 'com.example.chat', { kind: 'tap', element: tree.elements.find((x) => x.text === ok)! });
  }
  test.each([
    ['그렇게 할까요?', '확인', '취소'],
    ['このグループから抜けますか？', '確認', 'キャンセル'],
  ])('"%s" [%s] is unknown, and a profile that signs in hands-off still asks', (message, ok, cancel) => {
    const s = alert(message, ok, cancel);
    // Read as "verify" (account_signin) it was decided by the profile's sign-in choice, whatever the dialog did.
    expect(s).toMatchObject({ category: 'unknown', exposing: true });
    for (const p of ['utility-first', 'balanced']) expect(decide(s!, ctx(p))).toMatchObject({ verdict: 'ask' });
  });
});
