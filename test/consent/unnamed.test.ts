// Buttons no vocabulary names, read from where they stand (src/consent/classify/unnamed.ts), an AlertDialog's positive
// slot (failsafe.ts), App info's "Archive" (settings-screens.ts) and fields that name themselves in their description.
// Each with the screen that must stay quiet: the lock screen's PIN pad, "Forgot password?", a lone "Got it", a mail
// app's "Archive".
import { classify, consentPoints } from '../../src/consent/classify.js';
import { alertDialog, dump, el, type Node } from '../support/dump.js';

const tap = (pkg: string, nodes: Node[], text: string) => {
  const tree = dump(pkg, nodes);
  return classify(tree, pkg, { kind: 'tap', element: el(tree, text) });
};
const BUTTON = 'android.widget.Button';
const EDIT = 'android.widget.EditText';

describe('a banner that says "Tap to enable …"', () => {
  test.each([
    ['Location unavailable — Tap to enable. SOS will still work.', 'location'],
    ['No trusted contacts yet. Tap here to add contacts so they can be notified.', 'contacts'],
    ['Notifications are off. Tap to enable them in Settings.', 'notifications'],
    ['Câmera bloqueada. Toque para ativar a câmera.', 'camera'],
  ])('"%s" asks for %s, tentatively (the app wrote it)', (text, category) => {
    const s = tap('com.example.sos', [{ text: 'Home' }, { text, clickable: true }], text);
    expect(s).toMatchObject({ category, grant: 'accept', exposing: true, tentative: true });
  });

  test('a banner whose text sits in a child is read by its row', () => {
    const tree = dump('com.example.sos', [
      { clickable: true, children: [{ text: 'Location unavailable — Tap to enable.' }] },
    ]);
    const row = tree.elements.find((x) => x.clickable && !x.text)!;
    expect(classify(tree, 'com.example.sos', { kind: 'tap', element: row })).toMatchObject({ category: 'location' });
  });

  test('a tip that names no permission is no consent point', () => {
    const s = tap('com.example.app', [{ text: 'Tap to enable dark mode', clickable: true }], 'Tap to enable dark mode');
    expect(s?.exposing ?? false).toBe(false);
  });
});

describe("a sign-in form's buttons that no rule names", () => {
  const form = (extra: Node[]): Node[] => [
    { text: 'Welcome back' },
    { cls: EDIT, hint: 'Phone number', clickable: true },
    { cls: EDIT, hint: 'Password', password: true, clickable: true },
    ...extra,
  ];

  test('"Check Phone" submits what was typed: a sign-in, tentative so the gate asks', () => {
    const s = tap('com.example.ride', form([{ cls: BUTTON, text: 'Check Phone', clickable: true }]), 'Check Phone');
    expect(s).toMatchObject({ category: 'account_signin', grant: 'accept', exposing: true, tentative: true });
  });

  test.each(['Forgot password?', 'Show password', 'Privacy Policy', 'Need help?', 'Emergency call'])(
    '"%s" does not submit the form',
    (text) => {
      expect(tap('com.example.ride', form([{ cls: BUTTON, text, clickable: true }]), text)).toBeUndefined();
    },
  );

  test("the lock screen's PIN pad signs in to no account", () => {
    const nodes: Node[] = [
      { text: 'Enter your PIN', id: 'com.android.systemui:id/keyguard_message_area' },
      { cls: EDIT, id: 'com.android.systemui:id/pinEntry', password: true, clickable: true },
      { cls: BUTTON, text: 'Back', clickable: true },
      { cls: BUTTON, text: 'Switch user', clickable: true },
    ];
    expect(tap('com.android.systemui', nodes, 'Switch user')).toBeUndefined();
  });

  test('a field that names itself only in its description still makes the screen a sign-in ("Continuar")', () => {
    const nodes: Node[] = [
      { text: 'Encuentra tu cuenta' },
      { cls: EDIT, desc: 'Número de celular,', clickable: true },
      { cls: BUTTON, text: 'Continuar', clickable: true },
    ];
    expect(tap('com.facebook.katana', nodes, 'Continuar')).toMatchObject({ category: 'account_signin' });
  });
});

const alert = (message: string, buttons: [string, string][]) =>
  alertDialog('Account', message, buttons, '', 'com.example.chat');

describe("an AlertDialog's positive button", () => {
  test('beside a negative button that is no refusal, it does what the message names', () => {
    const tree = alert('You can exit your account but keep your data on the device', [
      ['button2', 'KEEP ON DEVICE'],
      ['button1', 'EXIT'],
    ]);
    const exit = tree.elements.find((x) => x.text === 'EXIT')!;
    expect(consentPoints(tree, 'com.example.chat').get(exit.index)).toMatchObject({
      category: 'destructive',
      grant: 'accept',
    });
  });

  test('"知道了" (got it) beside "查看追踪" (view the trace) under a failed trade only acknowledges', () => {
    const tree = alert('批量交易失败：卖出 XAUUSD 0.01 手 @ $4,710.59', [
      ['button3', '查看追踪'],
      ['button1', '知道了'],
    ]);
    const got = tree.elements.find((x) => x.text === '知道了')!;
    expect(consentPoints(tree, 'com.example.chat').get(got.index)?.exposing ?? false).toBe(false);
  });
});

describe('"Archive" beside "Uninstall"', () => {
  test('on App info it removes the app', () => {
    const nodes: Node[] = [
      { text: 'App info' },
      { text: 'Archive', clickable: true },
      { text: 'Uninstall', clickable: true },
      { text: 'Force stop', clickable: true },
    ];
    expect(tap('com.android.settings', nodes, 'Archive')).toMatchObject({ category: 'destructive', grant: 'accept' });
  });

  test('in a mail app it files a message away: no consent point', () => {
    const nodes: Node[] = [{ text: 'Inbox' }, { text: 'Archive', clickable: true }, { text: 'Reply', clickable: true }];
    expect(tap('com.example.mail', nodes, 'Archive')).toBeUndefined();
  });
});

describe('an audience beside a share bar', () => {
  const bar = (extra: Node[]): Node[] => [
    { text: 'Story' },
    {
      children: [
        { cls: BUTTON, desc: 'Your story', clickable: true },
        { cls: BUTTON, desc: 'Close Friends', clickable: true },
        ...extra,
      ],
    },
  ];
  test('"Your story" and "Close Friends" beside "Share to" post there', () => {
    const tree = dump('com.instagram.android', bar([{ cls: BUTTON, desc: 'Share to', clickable: true }]));
    for (const who of ['Your story', 'Close Friends']) {
      const e = tree.elements.find((x) => x.contentDesc === who)!;
      expect(classify(tree, 'com.instagram.android', { kind: 'tap', element: e })).toMatchObject({
        category: 'data_sharing_publish',
        grant: 'accept',
        irreversible: true,
      });
    }
  });
  test('without a share button beside them, "Close Friends" is a list, not a post', () => {
    const tree = dump('com.instagram.android', bar([{ cls: BUTTON, desc: 'Edit', clickable: true }]));
    const e = tree.elements.find((x) => x.contentDesc === 'Close Friends')!;
    expect(classify(tree, 'com.instagram.android', { kind: 'tap', element: e })).toBeUndefined();
  });
});
