// The Chromium the browser tests use: which one is picked, and that the one npm installs runs with only what it
// brings (its own NSS/NSPR/expat next to glibc), which is what a fresh Debian with only Node has.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { bundledPackageDir, extractTar, findChromium, inflateBundled } from '../../src/browser/chromium.js';
import { HeedError } from '../../src/core/errors.js';
import { launchChromium } from '../support/chromium.js';

const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('which Chromium', () => {
  test('HEED_CHROMIUM wins over a system Chromium; a missing one is an error naming it, not a silent fallback', () => {
    const exists = only('/opt/chrome', '/usr/bin/chromium');
    expect(findChromium({ env: { HEED_CHROMIUM: '/opt/chrome' }, exists })).toEqual({
      path: '/opt/chrome',
      source: 'HEED_CHROMIUM',
      env: {},
    });
    expect(() => findChromium({ env: { HEED_CHROMIUM: '/nope/chrome' }, exists })).toThrow(
      /HEED_CHROMIUM=\/nope\/chrome does not exist/,
    );
  });

  test('a system Chromium is preferred to the bundled one; without either the error says what to install', () => {
    expect(findChromium({ env: {}, exists: only('/usr/bin/chromium-browser'), packageDir: '/x' })).toMatchObject({
      path: '/usr/bin/chromium-browser',
      source: 'system',
    });
    let err: unknown;
    try {
      findChromium({ env: {}, exists: () => false, packageDir: undefined });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HeedError);
    expect((err as Error).message).toMatch(/no Chromium[\s\S]*npm install/);
  });

  test('HEED_CHROMIUM=bundled takes the npm-installed browser even where a system one exists', () => {
    const c = findChromium({ env: { HEED_CHROMIUM: 'bundled' }, exists: () => true });
    expect(c.source).toBe('bundled');
    expect(c.path).toContain(join('node_modules', '.cache', 'heed-chromium'));
    expect(c.env.LD_LIBRARY_PATH!.split(':')[0]).toBe(join(c.path, '..', 'lib'));
  });
});

/** A one-entry ustar archive. */
function tarOf(name: string, body: string, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
  h.write(type, 156);
  h.write('ustar\0', 257);
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  data.write(body);
  return Buffer.concat([h, data, Buffer.alloc(1024)]);
}

describe('the library archive reader', () => {
  test('extracts files and refuses entries that leave the folder or are not plain files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-tar-'));
    try {
      expect(extractTar(tarOf('lib/libx.so', 'elf'), dir)).toEqual(['lib/libx.so']);
      expect(readFileSync(join(dir, 'lib', 'libx.so'), 'utf8')).toBe('elf');
      expect(() => extractTar(tarOf('../evil.so', 'x'), dir)).toThrow(/outside the target folder/);
      expect(() => extractTar(tarOf('/etc/evil', 'x'), dir)).toThrow(/outside the target folder/);
      expect(() => extractTar(tarOf('lib/link', '', '2'), dir)).toThrow(/unsupported tar entry/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Chromium npm installs', () => {
  const pkg = bundledPackageDir();

  test('is in node_modules and inflates into a folder with the browser and its libraries', () => {
    expect(pkg).toBeDefined();
    const cache = mkdtempSync(join(tmpdir(), 'heed-chromium-'));
    try {
      const c = inflateBundled(pkg!, join(cache, 'v'));
      expect(statSync(c.path).mode & 0o111).not.toBe(0);
      expect(readdirSync(join(cache, 'v', 'lib'))).toEqual(expect.arrayContaining(['libnss3.so', 'libnspr4.so']));
      // A second call reuses the folder rather than writing the browser again.
      const before = statSync(c.path).mtimeMs;
      expect(inflateBundled(pkg!, join(cache, 'v')).path).toBe(c.path);
      expect(statSync(c.path).mtimeMs).toBe(before);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  test('needs nothing from the system beyond glibc and libgcc: every other library comes with it', () => {
    const c = findChromium({ env: { HEED_CHROMIUM: 'bundled' } });
    const ldd = execFileSync('ldd', [c.path], { env: { ...process.env, ...c.env }, encoding: 'utf8' });
    const libs = [...ldd.matchAll(/^\s*(\S+) => (\S+)/gm)].map(([, name, path]) => ({ name: name!, path: path! }));
    expect(libs.length).toBeGreaterThan(5);
    expect(ldd).not.toContain('not found');
    const base = /^(libc|libm|libdl|libpthread|librt|libgcc_s)\.so/;
    const lib = join(c.path, '..', 'lib');
    for (const l of libs)
      expect(base.test(l.name) ? 'base' : l.path).toBe(base.test(l.name) ? 'base' : join(lib, l.name));
  });

  test('renders a page with heed’s fonts and loads NSS from its own folder', async () => {
    const c = findChromium({ env: { HEED_CHROMIUM: 'bundled' } });
    const browser = await launchChromium(c);
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 80 } });
      await page.setContent('<p style="font: 32px sans-serif; margin: 8px">heed: allow once?</p>');
      // Fonts come from npm (dejavu-fonts-ttf) through heed's fontconfig file, not from the system.
      expect(readFileSync(c.env.FONTCONFIG_FILE!, 'utf8')).toContain(join('dejavu-fonts-ttf', 'ttf'));
      // A font that is found measures differently from an unknown family (which falls back to the default).
      const widths = await page.evaluate(() =>
        ['32px "DejaVu Sans Mono"', '32px "No Such Font"'].map((font) => {
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = font;
          return ctx.measureText('iiii allow once').width;
        }),
      );
      expect(widths[0]).not.toBeCloseTo(widths[1]!, 0);
      const png = await page.screenshot();
      const { channels } = await sharp(png).stats();
      expect(channels[0]!.min).toBeLessThan(64); // dark glyph pixels on the white page: text was drawn
      const maps = readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readlinkSync(`/proc/${p}/exe`) === c.path;
          } catch {
            return false;
          }
        })
        .map((p) => readFileSync(`/proc/${p}/maps`, 'utf8'));
      expect(maps.length).toBeGreaterThan(0);
      const nss = maps.join('\n').match(/\s(\/\S*libnss3\.so)$/m)?.[1];
      expect(nss).toBe(join(c.path, '..', 'lib', 'libnss3.so'));
    } finally {
      await browser.close();
    }
  });
});
