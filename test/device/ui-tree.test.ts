import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idSuffix, parseUiTree } from '../../src/device/ui-tree.js';

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
});
