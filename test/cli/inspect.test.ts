import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const fixture = join(
  import.meta.dirname ?? '',
  '..',
  '..',
  'fixtures',
  'ui-dumps',
  '04-perm-location-precise-approx.xml',
);

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('heed inspect', () => {
  test('--json prints every node in document order with the documented fields', async () => {
    const { code, out } = await run(['inspect', fixture, '--json']);
    expect(code).toBe(0);
    const { elements } = JSON.parse(out);
    expect(elements.map((e: { index: number }) => e.index)).toEqual(elements.map((_: unknown, i: number) => i));
    const fine = elements.find((e: { text: string }) => e.text === 'Precise');
    expect(fine).toEqual({
      index: fine.index,
      class: 'android.widget.RadioButton',
      text: 'Precise',
      resourceId: 'com.android.permissioncontroller:id/permission_location_accuracy_radio_fine',
      contentDesc: '',
      bounds: [139, 774, 496, 1206],
      clickable: true,
      checkable: true,
      checked: true,
      enabled: true,
      password: false,
    });
  });

  test('--json gains consentPoints: what tapping each interactive element would mean', async () => {
    const { out } = await run(['inspect', fixture, '--json']);
    const { elements, consentPoints } = JSON.parse(out);
    const byText = (t: string) => elements.find((e: { text: string }) => e.text === t).index;
    expect(consentPoints).toEqual(
      expect.arrayContaining([
        {
          index: byText('While using the app'),
          category: 'location',
          grant: 'allow_foreground',
          irreversible: false,
          reason: expect.any(String),
        },
        {
          index: byText('Only this time'),
          category: 'location',
          grant: 'allow_once',
          irreversible: false,
          reason: expect.any(String),
        },
        {
          index: byText('Don’t allow'),
          category: 'location',
          grant: 'deny',
          irreversible: false,
          reason: expect.any(String),
        },
      ]),
    );
    expect(consentPoints.find((c: { index: number }) => c.index === byText('Precise'))).toBeUndefined();
  });

  test('text output marks interactive elements', async () => {
    const { out } = await run(['inspect', fixture]);
    expect(out).toMatch(/^\*\s+\d+ .*RadioButton "Precise"/m);
  });

  test('--live reads the simulated phone through Appium', async () => {
    const { code, out } = await run(['inspect', '--live', '--app', 'com.heed.trailcam', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).elements.some((e: { text: string }) => e.text === 'While using the app')).toBe(true);
  });

  test('a dump captured as UTF-16 with `adb exec-out … /dev/tty`’s trailing line reads like the plain file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-inspect-'));
    const file = join(dir, 'tty.xml');
    const text = `${readFileSync(fixture, 'utf8')}UI hierchary dumped to: /dev/tty\r\n`;
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const got = JSON.parse((await run(['inspect', file, '--json'])).out);
    expect(got).toEqual(JSON.parse((await run(['inspect', fixture, '--json'])).out));
  });

  test('a missing file or a folder is a clear error in words, with how to get a dump, and exit code 2', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { code } = await run(['inspect', '/nope.xml']);
    expect(code).toBe(2);
    expect(spy.mock.calls[0]![0]).toContain('/nope.xml: cannot read the page source: no such file or folder');
    expect(spy.mock.calls[0]![0]).toContain('uiautomator dump');
    expect((await run(['inspect', tmpdir()])).code).toBe(2);
    expect(spy.mock.calls[1]![0]).toContain(`${tmpdir()}: cannot read the page source: it is a folder`);
    spy.mockRestore();
  });
});
