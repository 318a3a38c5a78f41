import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUiTree } from '../../src/device/ui-tree.js';
import { classify, consentPoints } from '../../src/consent/classify.js';

const dumps = join(import.meta.dirname ?? '', '..', '..', 'fixtures', 'ui-dumps');
type Label = {
  file: string;
  sensitive: boolean;
  categories: string[];
  consent_elements?: { resource_id: string | null; text: string; grant_level: string }[];
};
const labels = JSON.parse(readFileSync(join(dumps, 'labels.json'), 'utf8')) as Label[];

function load(file: string) {
  const xml = readFileSync(join(dumps, file), 'utf8');
  const tree = parseUiTree(xml, file);
  const pkg = tree.elements[0]!.package;
  return { tree, pkg };
}

describe('the sensitivity classifier on real dumps', () => {
  const cases = labels.flatMap((l) =>
    (l.consent_elements ?? [])
      .filter((c) => c.grant_level !== 'n/a')
      .map((c) => [l.file, c.text, c.resource_id, c.grant_level, l.categories] as const),
  );

  test.each(cases)('%s: tapping "%s" gives %s', (file, text, rid, grant, categories) => {
    const { tree, pkg } = load(file);
    const matches = (e: (typeof tree.elements)[number]) =>
      e.text === text || e.label === text || e.contentDesc === text;
    const el = tree.elements.find((e) => (!rid || e.resourceId === rid) && matches(e));
    expect(el).toBeDefined();
    // Text in a child of the clickable row: the tap lands on the row.
    const target = el!.clickable || el!.checkable || el!.parent === undefined ? el! : tree.elements[el!.parent]!;
    const s = classify(tree, pkg, { kind: 'tap', element: target });
    expect(s).toBeDefined();
    expect(s!.grant).toBe(grant);
    expect(categories).toContain(s!.category);
  });

  test.each(labels.filter((l) => !l.sensitive).map((l) => l.file))(
    '%s (not consent-sensitive) has no consent points',
    (file) => {
      const { tree, pkg } = load(file);
      expect([...consentPoints(tree, pkg).values()]).toEqual([]);
    },
  );

  test('the location dialog reports the accuracy selected', () => {
    const { tree, pkg } = load('04-perm-location-precise-approx.xml');
    const points = [...consentPoints(tree, pkg).values()];
    expect(points.find((p) => p.grant === 'allow_foreground')).toMatchObject({
      precision: 'precise',
      exposing: true,
      irreversible: false,
    });
    expect(points.find((p) => p.grant === 'deny')).toMatchObject({ exposing: false });
  });

  test('destructive and publishing steps are irreversible; their Cancel is protective', () => {
    const maps = load('28-maps-delete-timeline-confirm.xml');
    const points = [...consentPoints(maps.tree, maps.pkg).values()];
    expect(points.find((p) => p.evidence.text === 'Delete')).toMatchObject({
      category: 'destructive',
      irreversible: true,
    });
    expect(points.find((p) => p.evidence.text === 'Cancel')).toMatchObject({
      category: 'destructive',
      grant: 'decline',
      exposing: false,
    });
  });

  test('typing personal data is sensitive; ordinary text is not', () => {
    const { tree, pkg } = load('35-android-settings-main.xml');
    expect(classify(tree, pkg, { kind: 'type', text: 'bluetooth' })).toBeUndefined();
    expect(classify(tree, pkg, { kind: 'type', text: 'me@example.org' })).toMatchObject({
      category: 'data_sharing_publish',
      personalData: true,
    });
    expect(classify(tree, pkg, { kind: 'type', text: '+41 79 123 45 67' })).toMatchObject({ personalData: true });
  });

  test('Enter in a field is classified as what the screen would submit (a real YouTube upload screen), and as nothing on the launcher', () => {
    const upload = load('25-youtube-upload-short-publish.xml');
    const sent = classify(upload.tree, upload.pkg, { kind: 'submit' });
    expect(sent).toMatchObject({ category: 'data_sharing_publish', exposing: true });
    expect(sent!.evidence.reason).toMatch(/^pressing Enter submits this screen, like /);
    expect(classify(upload.tree, upload.pkg, { kind: 'type', text: 'My hike', submit: true })).toMatchObject({
      category: 'data_sharing_publish',
    });
    const home = load('32-pixel-launcher-home.xml');
    expect(classify(home.tree, home.pkg, { kind: 'submit' })).toBeUndefined();
  });
});
