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
