// The Settings side door: AOSP's app-permission screen (PermissionController's app_permission.xml ids and its
// strings in English, German and Japanese), special app access and account sync switches.
import { classify } from '../../src/consent/classify.js';
import { settingsAppLabel } from '../../src/consent/settings-screens.js';
import { dump, el, type Node } from '../support/dump.js';

const PC = 'com.google.android.permissioncontroller';
const ID = 'com.android.permissioncontroller:id/';
const tap = (tree: ReturnType<typeof dump>, text: string) =>
  classify(tree, tree.elements[0]!.package, { kind: 'tap', element: el(tree, text) });

/** AOSP's app-permission screen for one group, as PermissionController lays it out. */
function appPermission(o: {
  title: string;
  header: string;
  radios: [id: string, text: string, checked?: boolean][];
  accuracy?: boolean;
  app?: string;
}): ReturnType<typeof dump> {
  const nodes: Node[] = [
    { text: o.title },
    { id: `${ID}entity_header_title`, text: o.app ?? 'TrailCam' },
    { id: `${ID}permission_message`, text: o.header },
    ...o.radios.map(([id, text, checked]) => ({ id: `${ID}${id}`, text, checkable: true, checked })),
  ];
  if (o.accuracy !== undefined)
    nodes.push({
      id: `${ID}location_accuracy_switch`,
      cls: 'android.widget.Switch',
      checkable: true,
      checked: o.accuracy,
    });
  return dump(PC, nodes);
}

const location = (accuracy = true) =>
  appPermission({
    title: 'Location permission',
    header: 'Location access for this app',
    radios: [
      ['allow_always_radio_button', 'Allow all the time'],
      ['allow_foreground_only_radio_button', 'Allow only while using the app'],
      ['ask_radio_button', 'Ask every time'],
      ['deny_radio_button', 'Don’t allow', true],
    ],
    accuracy,
  });

describe('Settings app-permission screens change permissions', () => {
  test('every radio of the location screen is classified by its id, with the accuracy switch', () => {
    const t = location();
    expect(tap(t, 'Allow all the time')).toMatchObject({ category: 'location', grant: 'allow_always', exposing: true });
    expect(tap(t, 'Allow only while using the app')).toMatchObject({
      category: 'location',
      grant: 'allow_foreground',
      precision: 'precise',
    });
    expect(tap(t, 'Ask every time')).toMatchObject({ exposing: false });
    expect(tap(t, 'Don’t allow')).toMatchObject({ grant: 'deny', exposing: false });
    expect(tap(location(false), 'Allow only while using the app')).toMatchObject({ precision: 'approximate' });
    expect(settingsAppLabel(t)).toBe('TrailCam');
  });

  test('the precise-location switch: on exposes precise location, off protects', () => {
    const on = location(false);
    const sw = on.elements.find((e) => e.resourceId.endsWith('location_accuracy_switch'))!;
    expect(classify(on, PC, { kind: 'tap', element: sw })).toMatchObject({ precision: 'precise', exposing: true });
    const off = location(true);
    const sw2 = off.elements.find((e) => e.resourceId.endsWith('location_accuracy_switch'))!;
    expect(classify(off, PC, { kind: 'tap', element: sw2 })).toMatchObject({ grant: 'decline', exposing: false });
  });

  test('in German and Japanese, the group comes from the header and the grant from the id', () => {
    const de = appPermission({
      title: 'Berechtigung: Kamera',
      header: 'Dieser App Zugriff auf Kamera erlauben?',
      radios: [
        ['allow_foreground_only_radio_button', 'Zugriff nur während der Nutzung der App zulassen'],
        ['ask_radio_button', 'Jedes Mal fragen'],
        ['deny_radio_button', 'Nicht zulassen', true],
      ],
    });
    expect(tap(de, 'Zugriff nur während der Nutzung der App zulassen')).toMatchObject({
      category: 'camera',
      grant: 'allow_foreground',
    });
    const ja = appPermission({
      title: 'マイクの権限',
      header: 'このアプリによるマイクへのアクセス',
      radios: [
        ['allow_foreground_only_radio_button', 'アプリの使用中のみ許可'],
        ['deny_radio_button', '許可しない'],
      ],
    });
    expect(tap(ja, 'アプリの使用中のみ許可')).toMatchObject({ category: 'microphone', grant: 'allow_foreground' });
  });

  test('a group the screen does not name is unknown, never a guessed topic', () => {
    const t = appPermission({
      title: 'Körpersensoren',
      header: 'Zugriff für diese App',
      radios: [['allow_radio_button', 'Zulassen']],
    });
    expect(tap(t, 'Zulassen')).toMatchObject({ category: 'unknown', grant: 'allow_always', exposing: true });
  });

  test('special app access switches and confirmations, as AOSP Settings titles them', () => {
    const row = (title: string, checked = false): Node => ({
      id: 'com.android.settings:id/switch_widget',
      clickable: true,
      cls: 'android.widget.LinearLayout',
      children: [
        { id: 'android:id/title', text: title },
        { id: 'android:id/switch_widget', cls: 'android.widget.Switch', checkable: true, checked },
      ],
    });
    for (const title of [
      'Allow display over other apps',
      'Permit usage access',
      'Allow modifying system settings',
      'Allow from this source',
      'Allow access to manage all files',
      'Allow setting alarms and reminders',
    ]) {
      const t = dump('com.android.settings', [
        { text: 'TrailCam', id: 'com.android.settings:id/entity_header_title' },
        row(title),
      ]);
      const e = t.elements.find((x) => x.resourceId === 'com.android.settings:id/switch_widget')!;
      expect([title, classify(t, 'com.android.settings', { kind: 'tap', element: e })]).toMatchObject([
        title,
        { category: 'special_access', grant: 'accept', exposing: true },
      ]);
    }
    const on = dump('com.android.settings', [row('Permit usage access', true)]);
    const e = on.elements.find((x) => x.resourceId === 'com.android.settings:id/switch_widget')!;
    expect(classify(on, 'com.android.settings', { kind: 'tap', element: e })).toMatchObject({ exposing: false });
    const a11y = dump('com.android.settings', [
      { text: 'Allow TalkBuddy to have full control of your device?' },
      { text: 'Allow', clickable: true, cls: 'android.widget.Button' },
      { text: 'Deny', clickable: true, cls: 'android.widget.Button' },
    ]);
    expect(tap(a11y, 'Allow')).toMatchObject({ category: 'special_access', exposing: true });
    const admin = dump('com.android.settings', [
      { text: 'Activate device admin app?' },
      { text: 'Activate this device admin app', clickable: true, cls: 'android.widget.Button' },
    ]);
    expect(tap(admin, 'Activate this device admin app')).toMatchObject({ category: 'special_access' });
  });

  test('account sync switches share the account’s data; "Add account" signs in', () => {
    const sync = dump('com.android.settings', [
      { text: 'Account sync' },
      { text: 'Contacts', cls: 'android.widget.Switch', checkable: true },
      { text: 'Gmail', cls: 'android.widget.Switch', checkable: true, checked: true },
      { text: 'Add account', clickable: true },
    ]);
    expect(tap(sync, 'Contacts')).toMatchObject({ category: 'data_sharing_publish', grant: 'accept' });
    expect(tap(sync, 'Gmail')).toMatchObject({ grant: 'decline', exposing: false });
    expect(tap(sync, 'Add account')).toMatchObject({ category: 'account_signin', grant: 'accept' });
    const auto = dump('com.android.settings', [
      { text: 'Automatically sync app data', cls: 'android.widget.Switch', checkable: true },
    ]);
    expect(tap(auto, 'Automatically sync app data')).toMatchObject({ category: 'data_sharing_publish' });
  });
});
