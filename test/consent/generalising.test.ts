// The mechanisms issue #11's misses asked for, each with the attack it must not open: a switch whose text is its
// state is read by its row; a keypad's keys edit input; a button's id is read when its words name nothing; a refusal
// takes its topic from its row; "Disable" never makes turning a protection off look like a refusal.
import { classify, consentPoints } from '../../src/consent/classify.js';
import { dump, type Node } from '../support/dump.js';

/** The element whose own text is `text` (a one-node screen's root has the same label). */
const el = (tree: ReturnType<typeof dump>, text: string) => {
  const e = tree.elements.find((x) => x.text === text);
  if (!e) throw new Error(`no "${text}"`);
  return e;
};

const tapOn = (pkg: string, nodes: Node[], pick: (t: ReturnType<typeof dump>) => ReturnType<typeof el>) => {
  const tree = dump(pkg, nodes);
  return classify(tree, pkg, { kind: 'tap', element: pick(tree) });
};
const SWITCH = 'android.widget.Switch';

describe('a switch whose text is its state', () => {
  const row = (checked: boolean, text: string): Node[] => [
    { text: '自启动' },
    { text: 'autoTask' },
    { text: '开机启动  后台启动' },
    { cls: SWITCH, text, checkable: true, checked },
  ];
  test.each(['关闭', '开启', 'Off', 'Kapalı'])('"%s" is read by its row: auto-start is special access', (state) => {
    const pick = (t: ReturnType<typeof dump>) => t.elements.find((x) => x.checkable)!;
    expect(tapOn('com.vivo.permissionmanager', row(false, state), pick)).toMatchObject({
      category: 'special_access',
      grant: 'accept',
      exposing: true,
    });
    expect(tapOn('com.vivo.permissionmanager', row(true, state), pick)).toMatchObject({
      category: 'special_access',
      grant: 'decline',
    });
  });

  test('a switch row that only says "allow" is a setting, not an agreement (OEM unlocking)', () => {
    const tree = dump('com.android.settings', [
      { text: '开发者选项' },
      { text: '允许解锁引导加载程序' },
      { cls: SWITCH, text: '关闭', checkable: true },
    ]);
    expect([...consentPoints(tree, 'com.android.settings').values()].filter((p) => p.exposing)).toEqual([]);
  });

  test('a Turkish notification switch that is on: the tap turns notifications off', () => {
    const s = tapOn(
      'com.example.app',
      [{ text: 'Mesaj bildirimleri', cls: SWITCH, checkable: true, checked: true }],
      (t) => el(t, 'Mesaj bildirimleri'),
    );
    expect(s).toMatchObject({ category: 'notifications', grant: 'decline' });
  });
});

describe('a keypad', () => {
  const digits = (extra: Node): Node[] => [
    ...['7', '8', '9', '4', '5'].map((text) => ({ cls: 'android.widget.Button', text, clickable: true })),
    extra,
    ...['6', '1', '2', '3', '0'].map((text) => ({ cls: 'android.widget.Button', text, clickable: true })),
  ];
  test('its one-word keys edit what is typed: "DEL" (Norwegian "share") and "delete" are no consent points', () => {
    for (const key of [
      { cls: 'android.widget.Button', text: 'DEL', desc: 'delete', clickable: true },
      { cls: 'android.widget.Button', desc: 'delete', clickable: true, id: 'com.calc:id/del' },
    ]) {
      const tree = dump('com.google.android.calculator', digits(key));
      expect([...consentPoints(tree, 'com.google.android.calculator').values()]).toEqual([]);
    }
  });
  test('a longer label among the keys still counts: "Delete account" is destructive', () => {
    const s = tapOn(
      'com.bank.app',
      digits({ cls: 'android.widget.Button', text: 'Delete account', clickable: true }),
      (t) => el(t, 'Delete account'),
    );
    expect(s).toMatchObject({ category: 'destructive', exposing: true });
  });
});

describe("a button's resource id", () => {
  test('is read when its words name nothing: "CHECK" with the id login_button signs in', () => {
    const s = tapOn(
      'com.safeum.android',
      [{ cls: 'android.widget.Button', text: 'CHECK', id: 'com.safeum.android:id/login_button', clickable: true }],
      (t) => el(t, 'CHECK'),
    );
    expect(s).toMatchObject({ category: 'account_signin', exposing: true });
  });
  test('never overrides words that name something: "Allow" with the id btn_deny is not a refusal', () => {
    const tree = dump('com.evil.app', [
      { text: 'Allow Evil to access your location?' },
      { cls: 'android.widget.Button', text: 'Allow', id: 'com.evil.app:id/btn_deny', clickable: true },
      { cls: 'android.widget.Button', text: 'Cancel', id: 'com.evil.app:id/btn_cancel', clickable: true },
    ]);
    const s = classify(tree, 'com.evil.app', { kind: 'tap', element: el(tree, 'Allow') });
    expect(s?.exposing).toBe(true);
  });
  test("android:id/button1 beside words is an AlertDialog's slot, not a confirmation of its own", () => {
    const tree = dump('com.trade.app', [
      { id: 'android:id/message', text: '批量交易失败 $12.50' },
      { cls: 'android.widget.Button', text: '知道了', id: 'android:id/button1', clickable: true },
    ]);
    expect(classify(tree, 'com.trade.app', { kind: 'tap', element: el(tree, '知道了') })).toBeUndefined();
  });
});

describe('refusals and protections', () => {
  test('"禁用自启" beside an app allowed to start itself protects special access', () => {
    const tree = dump('com.carassistant', [
      { text: '自启管理' },
      { text: '相机' },
      { text: '允许自启' },
      { cls: 'android.widget.Button', text: '禁用自启', clickable: true },
    ]);
    const s = classify(tree, 'com.carassistant', { kind: 'tap', element: el(tree, '禁用自启') });
    expect(s).toMatchObject({ category: 'special_access', grant: 'decline', exposing: false });
  });
  test.each(['Disable protection', '禁用隐私保护', 'Turn off privacy mode'])(
    '"%s" is never a refusal: it is a consent point the gate asks about',
    (label) => {
      const s = tapOn('com.vpn.app', [{ cls: 'android.widget.Button', text: label, clickable: true }], (t) =>
        el(t, label),
      );
      // Never a refusal; where the words name a protection it is a point the gate asks about.
      expect(s?.exposing ?? true).toBe(true);
      if (!/^Disable|^Turn off/.test(label)) expect(s).toMatchObject({ category: 'unknown', exposing: true });
    },
  );
  test('"Disable" alone under an overlay prompt refuses it; "Enable" grants it', () => {
    const nodes: Node[] = [
      { text: 'Enable Overlay Notifications', id: 'android:id/alertTitle' },
      { text: 'See progress in a small floating window over other apps', id: 'android:id/message' },
      { cls: 'android.widget.Button', text: 'Disable', clickable: true, id: 'android:id/button2' },
      { cls: 'android.widget.Button', text: 'Enable', clickable: true, id: 'android:id/button1' },
    ];
    expect(tapOn('app.pluct', nodes, (t) => el(t, 'Enable'))).toMatchObject({
      category: 'special_access',
      exposing: true,
    });
    expect(tapOn('app.pluct', nodes, (t) => el(t, 'Disable'))).toMatchObject({
      category: 'special_access',
      exposing: false,
    });
  });
});

describe("Fossify's shared strings (80 locales) in the vocabulary", () => {
  test.each([
    ['Usuń', 'destructive'],
    ['Hapus', 'destructive'],
    ['Bagikan', 'data_sharing_publish'],
    ['Kirim SMS', 'data_sharing_publish'],
    ['Zadzwoń', 'sms_calls'],
    ['Tambahkan kontak', 'contacts'],
  ])('"%s" is %s', (label, category) => {
    const s = tapOn(
      'com.example.app',
      [{ text: 'Menu' }, { cls: 'android.widget.Button', text: label, clickable: true }],
      (t) => el(t, label),
    );
    expect(s).toMatchObject({ category, exposing: true });
  });
  test('Turkish "Ara" is "Search" as often as "Call": alone it is no call', () => {
    const s = tapOn(
      'com.example.app',
      [{ text: 'Menü' }, { cls: 'android.widget.Button', text: 'Ara', clickable: true }],
      (t) => el(t, 'Ara'),
    );
    expect(s).toBeUndefined();
  });
});

describe('an action after a question', () => {
  test.each(['¿No tienes cuenta? Regístrate', 'Already have an account? Sign in'])('"%s" signs in', (label) => {
    const s = tapOn(
      'com.example.app',
      [{ text: 'Email' }, { cls: 'android.widget.Button', text: label, clickable: true }],
      (t) => el(t, label),
    );
    expect(s).toMatchObject({ category: 'account_signin', exposing: true });
  });
  test('a refusal after a question is never read from its tail: "Delete everything? Not now"', () => {
    const s = tapOn(
      'com.example.app',
      [
        { text: 'Storage' },
        { cls: 'android.widget.Button', text: 'Sure you want it all gone? Not now', clickable: true },
      ],
      (t) => el(t, 'Sure you want it all gone? Not now'),
    );
    expect(s?.exposing ?? true).toBe(true);
  });
});
