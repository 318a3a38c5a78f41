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
  test.each([
    ['Pay', 'payment_purchase'],
    ['Send', 'data_sharing_publish'],
    ['Buy', 'payment_purchase'],
  ])('a key that does more than edit still counts: "%s" among the digits of an amount pad', (text, category) => {
    const s = tapOn('com.wallet.app', digits({ cls: 'android.widget.Button', text, clickable: true }), (t) =>
      el(t, text),
    );
    expect(s).toMatchObject({ category, exposing: true });
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

describe('editing a form is not deleting', () => {
  const form = (remove: Node, add?: Node): Node[] => [
    { cls: 'android.widget.ImageView', desc: '取消', clickable: true },
    { text: '新建日程' },
    { cls: 'android.widget.AutoCompleteTextView', text: '标题', clickable: true },
    { text: '10 分钟前' },
    remove,
    ...(add ? [add] : []),
  ];
  const icon = (desc: string): Node => ({ cls: 'android.widget.ImageView', desc, clickable: true });
  const byDesc = (desc: string) => (t: ReturnType<typeof dump>) => t.elements.find((x) => x.contentDesc === desc)!;

  test('the remove icon of a repeatable row ("删除提醒" beside "添加提醒") edits the draft', () => {
    const s = tapOn(
      'com.huawei.calendar',
      form(icon('删除提醒'), { text: '添加提醒', clickable: true }),
      byDesc('删除提醒'),
    );
    expect(s).toBeUndefined();
  });
  test('the same in English: "Remove reminder" beside "Add reminder"', () => {
    const s = tapOn(
      'com.cal.app',
      form(icon('Remove reminder'), { text: 'Add reminder', clickable: true }),
      byDesc('Remove reminder'),
    );
    expect(s).toBeUndefined();
  });
  test.each([
    ['an icon with no "add" of the same kind ("Delete account")', icon('Delete account'), undefined, 'Delete account'],
    ['"删除提醒" with no add control', icon('删除提醒'), undefined, '删除提醒'],
    [
      '"Delete account" beside an unrelated "Add reminder"',
      icon('Delete account'),
      { text: 'Add reminder', clickable: true },
      'Delete account',
    ],
  ])('%s stays destructive', (_what, remove, add, desc) => {
    expect(tapOn('com.cal.app', form(remove, add), byDesc(desc))).toMatchObject({
      category: 'destructive',
      exposing: true,
    });
  });
  test('a list with a search field is no form being edited: "Remove account" beside "Add account" stays destructive', () => {
    const s = tapOn(
      'com.mail.app',
      [
        { text: 'Accounts' },
        { cls: 'android.widget.EditText', text: 'Search accounts', clickable: true },
        { text: 'uli.trails@gmail.com' },
        icon('Remove account'),
        { text: 'Add account', clickable: true },
      ],
      byDesc('Remove account'),
    );
    expect(s).toMatchObject({ category: 'destructive', exposing: true });
  });
  test("a delete button with words of its own is the form's own delete", () => {
    const s = tapOn(
      'com.autotask.app',
      form({ cls: 'android.widget.Button', text: '删除提醒', clickable: true }, { text: '添加提醒', clickable: true }),
      (t) => el(t, '删除提醒'),
    );
    expect(s).toMatchObject({ category: 'destructive' });
  });
});

describe("topic nouns from Fossify's translations", () => {
  test.each(['Powiadomienia', 'Уведомления о сообщениях', 'Bildirimleri göster'])(
    'a switch "%s" that is off turns notifications on',
    (label) => {
      const s = tapOn('com.example.app', [{ text: label, cls: SWITCH, checkable: true }], (t) => el(t, label));
      expect(s).toMatchObject({ category: 'notifications', grant: 'accept' });
    },
  );
  test('"Kamera" on a permission row names what its "Grant" grants', () => {
    const s = tapOn(
      'com.example.app',
      [{ text: 'Kamera' }, { cls: 'android.widget.Button', text: 'Grant', clickable: true }],
      (t) => el(t, 'Grant'),
    );
    expect(s).toMatchObject({ category: 'camera', exposing: true });
  });
});

describe("the held-out set's classes, as the platforms word them", () => {
  const B = (text: string, id = ''): Node => ({ cls: 'android.widget.Button', text, id, clickable: true });
  const points = (pkg: string, nodes: Node[]) => {
    const tree = dump(pkg, nodes);
    return new Map(
      [...consentPoints(tree, pkg).entries()].map(([i, p]) => [tree.elements[i]!.text || tree.elements[i]!.label, p]),
    );
  };
  test.each([
    ['Save password?', 'Never', 'Save'],
    ['パスワードを保存しますか？', '使用しない', '保存'],
  ])('a password-manager sheet "%s": Save signs in, Never refuses', (title, never, save) => {
    const p = points('com.google.android.gms', [
      { text: title, id: 'android:id/alertTitle' },
      B(never, 'android:id/button2'),
      B(save, 'android:id/button1'),
    ]);
    expect(p.get(save)).toMatchObject({ category: 'account_signin', exposing: true });
    expect(p.get(never)).toMatchObject({ category: 'account_signin', exposing: false });
  });
  test('"Salvar suas informações de login?" (Instagram, pt): Salvar saves a sign-in', () => {
    const p = points('com.instagram.android', [
      { text: 'Salvar suas informações de login?' },
      B('Salvar'),
      B('Agora não'),
    ]);
    expect(p.get('Salvar')).toMatchObject({ category: 'account_signin', exposing: true });
  });
  test('"Save" on a form or a settings sheet stores what was typed: no consent point', () => {
    const p = points('com.shop', [
      { text: 'Restock' },
      { cls: 'android.widget.EditText', text: 'Price $4.99' },
      B('Cancel'),
      B('Save'),
    ]);
    expect(p.get('Save')).toBeUndefined();
  });
  test("Credential Manager's rows sign in; its Cancel refuses", () => {
    const p = points('com.android.credentialmanager', [
      { text: 'Use your saved passkey for Shopping?' },
      { cls: 'android.widget.LinearLayout', clickable: true, children: [{ text: 'Passkey' }, { text: 'jdoe' }] },
      B('Cancel'),
    ]);
    expect(p.get('Passkey · jdoe')).toMatchObject({ category: 'account_signin', exposing: true });
    expect(p.get('Cancel')).toMatchObject({ exposing: false });
  });
  test('identity providers in Korean: "카카오로 시작하기", "Apple로 계속하기"', () => {
    const p = points('com.app', [{ text: '간편 로그인' }, B('카카오로 시작하기'), B('Apple로 계속하기')]);
    expect(p.get('카카오로 시작하기')).toMatchObject({ category: 'account_signin' });
    expect(p.get('Apple로 계속하기')).toMatchObject({ category: 'account_signin' });
  });
  test('a Japanese transfer "振込を実行" pays', () => {
    expect(points('com.bank.jp', [{ text: '振込内容の確認' }, B('振込を実行')]).get('振込を実行')).toMatchObject({
      category: 'payment_purchase',
      irreversible: true,
    });
  });
  test("an assistant's 'Use screen context' switch shares the screen", () => {
    const p = points('com.google.android.googlequicksearchbox', [
      { text: 'Use screen context', cls: SWITCH, checkable: true },
    ]);
    expect(p.get('Use screen context')).toMatchObject({ category: 'data_sharing_publish', grant: 'accept' });
  });
});

describe('privacy switches and preference checkboxes', () => {
  const pref = (title: string, summary: string, checked = false): Node => ({
    cls: 'android.widget.LinearLayout',
    clickable: true,
    children: [
      { text: title, id: 'android:id/title' },
      { text: summary, id: 'android:id/summary' },
      { cls: 'android.widget.CheckBox', id: 'android:id/checkbox', checkable: true, checked },
    ],
  });
  const box = (t: ReturnType<typeof dump>) => t.elements.find((x) => x.checkable)!;
  test('"마이크 사용 … 허용합니다" (allow apps to use the microphone), on: the tap turns the microphone off', () => {
    const s = tapOn(
      'ai.umos.vehiclecontrol',
      [
        { text: '마이크 사용' },
        { text: '앱에서 마이크를 사용할 수 있도록 허용합니다.' },
        { cls: 'android.view.View', checkable: true, checked: true },
      ],
      box,
    );
    expect(s).toMatchObject({ category: 'microphone', grant: 'decline' });
  });
  test("a camera app's 'Grid lines' switch names no access: no consent point", () => {
    expect(tapOn('com.cam', [{ text: 'Camera grid lines', cls: SWITCH, checkable: true }], box)).toBeUndefined();
  });
  test('a preference checkbox that allows a display option is a setting, not an agreement', () => {
    const s = tapOn('tool.float', [pref('Allow picture over layout', 'Show picture out of current window')], box);
    expect(s).toBeUndefined();
  });
  test('a preference checkbox that shares with partners is still a consent point', () => {
    const s = tapOn('com.app', [pref('Allow sharing my data with partners', 'Used for offers')], box);
    expect(s).toMatchObject({ exposing: true });
  });
  test('a checkbox that stands alone and agrees to the terms is an agreement', () => {
    const s = tapOn(
      'com.app',
      [
        { text: 'Create account' },
        { cls: 'android.widget.CheckBox', text: 'I agree to the Terms of Service and Privacy Policy', checkable: true },
      ],
      box,
    );
    expect(s).toMatchObject({ exposing: true, grant: 'accept' });
  });
});
