import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApps, parseApp } from '../src/model/world.js';
import { Phone } from '../src/phone/phone.js';
import { find, tapOn } from './helpers.js';

const MINIMAL = `
package: com.example.notes
label: Notes
launch: main
screens:
  main:
    activity: .Main
    title: Notes
    elements:
      - { type: button, id: add, text: Add note, onTap: [{ inc: count }] }
      - { type: text, id: count, text: "{state.count} notes" }
`;

describe('app data', () => {
  test('a new app is a YAML file: load a folder and it is on the phone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-apps-'));
    writeFileSync(join(dir, 'notes.yaml'), MINIMAL);
    const phone = new Phone(loadApps([join(import.meta.dirname ?? '', '..', 'apps'), dir]));
    phone.activate('com.example.notes');
    tapOn(phone, 'add');
    tapOn(phone, 'add');
    expect(find(phone, 'count').text).toBe('2 notes');
  });

  test('errors name the file and the field', () => {
    expect(() => parseApp(MINIMAL.replace('type: button', 'type: knob'), 'notes.yaml')).toThrow(
      /^notes\.yaml: screens\.main\.elements\.0\.type: /,
    );
    expect(() => parseApp(MINIMAL.replace('launch: main', 'launch: nowhere'), 'notes.yaml')).toThrow(
      "notes.yaml: launch: unknown screen 'nowhere'",
    );
    expect(() => parseApp(MINIMAL.replace('onTap: [{ inc: count }]', 'onTap: [{ go: missing }]'), 'n.yaml')).toThrow(
      "n.yaml: screens.main: goes to unknown screen 'missing'",
    );
    expect(() => parseApp('package: [', 'bad.yaml')).toThrow(/^bad\.yaml: not valid YAML/);
  });

  test('a long list scrolls, and rows outside the viewport leave the page source', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `      - { type: item, text: "Row ${i}" }`).join('\n');
    const app = parseApp(
      `package: com.example.list\nlabel: List\nlaunch: main\nscreens:\n  main:\n    activity: .Main\n    title: List\n    elements:\n${rows}\n`,
      'list.yaml',
    );
    const phone = new Phone([...loadApps(), app]);
    phone.activate('com.example.list');
    expect(() => find(phone, 'Row 39')).toThrow();
    const list = phone.top().scroll!;
    expect(list.node.scrollable).toBe(true);
    const [l, t, r, b] = list.node.bounds;
    let more = true;
    for (let i = 0; i < 10 && more; i++) more = phone.scrollAt((l + r) / 2, (t + b) / 2, b - t);
    expect(more).toBe(false);
    expect(find(phone, 'Row 39').text).toBe('Row 39');
    expect(() => find(phone, 'Row 0')).toThrow();
  });
});

describe('permission requests inside conditions', () => {
  test('ops after an `if` that shows the dialog wait for the answer, then see the new grant', () => {
    const app = parseApp(
      `package: com.example.scan
label: Scan
permissions: [android.permission.CAMERA, android.permission.POST_NOTIFICATIONS]
launch: main
screens:
  main:
    activity: .Main
    title: Scan
    elements:
      - type: button
        id: scan
        text: Scan
        onTap:
          - if: "!granted:camera"
            then: [{ request: [camera] }, { set: { asked: "yes" } }]
          - if: "granted:camera"
            then: [{ set: { result: "scanned" } }]
            else: [{ set: { result: "no camera" } }]
          - { request: [notifications] }
          - { set: { done: "yes" } }
`,
      'scan.yaml',
    );
    const phone = new Phone([...loadApps(), app]);
    phone.activate('com.example.scan');
    tapOn(phone, 'scan');
    expect(phone.getState('com.example.scan', 'result')).toBeUndefined();
    tapOn(phone, 'permission_allow_foreground_only_button');
    expect(phone.getState('com.example.scan', 'asked')).toBe('yes');
    expect(phone.getState('com.example.scan', 'result')).toBe('scanned');
    // The next request in the outer list shows its own dialog; the op after it waits again.
    expect(find(phone, 'permission_message').text).toBe('Allow Scan to send you notifications?');
    expect(phone.getState('com.example.scan', 'done')).toBeUndefined();
    tapOn(phone, 'permission_deny_button');
    expect(phone.getState('com.example.scan', 'done')).toBe('yes');
  });
});
