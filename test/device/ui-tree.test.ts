import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDump, idSuffix, parseUiTree } from '../../src/device/ui-tree.js';

const dumps = join(import.meta.dirname ?? '', '..', '..', 'fixtures', 'ui-dumps');
const read = (f: string) => readFileSync(join(dumps, f), 'utf8');
const labels = JSON.parse(read('labels.json')) as {
  file: string;
  consent_elements?: { resource_id: string; text: string }[];
}[];

describe('UI tree parser on real dumps', () => {
  test.each(labels.map((l) => l.file))(
    '%s parses, and every labelled decision element is found with its text',
    (file) => {
      const tree = parseUiTree(read(file), file);
      expect(tree.elements.length).toBeGreaterThan(5);
      for (const ce of labels.find((l) => l.file === file)!.consent_elements ?? []) {
        if (!ce.resource_id) continue;
        const el = tree.elements.find((e) => e.resourceId === ce.resource_id);
        expect(el).toBeDefined();
        if (ce.text) expect(`${el!.text}|${el!.contentDesc}|${el!.label}`).toContain(ce.text);
      }
    },
  );

  test('raw uiautomator dump (<node>): class from attributes, bounds, flags, document order', () => {
    const tree = parseUiTree(read('04-perm-location-precise-approx.xml'));
    const fine = tree.elements.find((e) => idSuffix(e.resourceId) === 'permission_location_accuracy_radio_fine')!;
    expect(fine.class).toBe('android.widget.RadioButton');
    expect(fine.bounds).toEqual([139, 774, 496, 1206]);
    expect(fine.checked).toBe(true);
    expect(fine.package).toBe('com.google.android.permissioncontroller');
    expect(tree.interactive).toContain(fine.index);
    expect(tree.elements.map((e) => e.index)).toEqual(tree.elements.map((_, i) => i));
  });

  test('UiAutomator2 format (<android.widget.X>): size from <hierarchy>, omitted attributes default sensibly', () => {
    const tree = parseUiTree(read('35-android-settings-main.xml'));
    expect([tree.width, tree.height]).toEqual([1080, 2400]);
    const search = tree.elements.find((e) => e.resourceId === 'com.android.settings:id/search_bar_title')!;
    expect(search.text).toBe('Search Settings');
    expect(search.contentDesc).toBe('');
    expect(tree.elements[search.parent!]!.depth).toBe(search.depth - 1);
  });

  test('a clickable row without text is labelled by its children’s text', () => {
    const tree = parseUiTree(read('35-android-settings-main.xml'));
    const rows = tree.interactive.map((i) => tree.elements[i]!).filter((e) => e.clickable && !e.text && e.label);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.label.includes('Google'))).toBe(true);
  });

  test('disabled elements are not interactive (legacy dialog with "don’t ask again" checked)', () => {
    const tree = parseUiTree(read('01-perm-location-packageinstaller-en.xml'));
    const allow = tree.elements.find((e) => idSuffix(e.resourceId) === 'permission_allow_button')!;
    expect(allow.enabled).toBe(false);
    expect(tree.interactive).not.toContain(allow.index);
  });

  test('malformed XML gives a clear error naming the source and position, never a crash', () => {
    expect(() => parseUiTree('<hierarchy><node bounds="[0,0][1,1]"></hierarchy>', 'dump.xml')).toThrow(
      /^dump\.xml is not well-formed XML: .*line 1/,
    );
    expect(() => parseUiTree('<root/>', 'x.xml')).toThrow('x.xml has no <hierarchy> root');
    expect(() => parseUiTree('<hierarchy><node bounds="oops"/></hierarchy>')).toThrow(/malformed bounds "oops"/);
    expect(() => parseUiTree('')).toThrow(/not well-formed|no <hierarchy>/);
  });

  describe('dumps as people capture them parse to the same tree', () => {
    // Each variant wraps a real dump's bytes the way a capture tool does; the elements must not change.
    const bytes = readFileSync(join(dumps, '04-perm-location-precise-approx.xml'));
    const text = bytes.toString('utf8');
    const want = parseUiTree(text).elements;
    const variants: [string, Buffer][] = [
      ['a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])],
      [
        '`adb exec-out uiautomator dump /dev/tty` (its trailing line)',
        Buffer.from(`${text}UI hierchary dumped to: /dev/tty\n`),
      ],
      ['trailing chatter on its own line, CRLF', Buffer.from(`${text}\r\nUI hierchary dumped to: /dev/tty\r\n`)],
      ['log lines before the document', Buffer.from(`WARNING: linker: libdvm.so has text relocations\n${text}`)],
      ['UTF-16LE with a mark (PowerShell >)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['UTF-16LE without a mark', Buffer.from(text, 'utf16le')],
      ['an Appium /source response', Buffer.from(JSON.stringify({ value: text, sessionId: 'f00' }))],
      ['pretty-printed', Buffer.from(text.replace(/></g, '>\n  <'))],
    ];
    test.each(variants)('%s', (_what, variant) => {
      expect(parseUiTree(decodeDump(variant), 'dump.xml').elements).toEqual(want);
    });
  });

  test('a file that is not a dump still gets the clear error', () => {
    expect(() => parseUiTree('<html><body>Not found</body></html>', 'x.html')).toThrow(
      'x.html has no <hierarchy> root',
    );
    expect(() => parseUiTree('{"value": "no dump here"}', 'x.json')).toThrow(/^x\.json is not well-formed XML/);
    expect(() => parseUiTree('UI hierchary dumped to: /dev/tty', 'tty')).toThrow(/^tty is not well-formed XML/);
    expect(() => parseUiTree('\uFEFF<hierarchy><node bounds="[0,0][1,1]"></hierarchy>trailing', 'd.xml')).toThrow(
      /^d\.xml is not well-formed XML/,
    );
  });
});
