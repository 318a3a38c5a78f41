// Set-of-mark numbers are SVG text rendered by sharp's librsvg, which finds fonts through fontconfig. heed ships
// DejaVu via npm and points fontconfig at it, so frames look the same on every machine (the simulated phone, a
// separate package, does the same for its screenshots; both write the same file).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let done = false;

export function ensureFonts(): void {
  if (done || process.env.FONTCONFIG_FILE) return;
  done = true;
  const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const dir = join(tmpdir(), `heed-fontconfig-${process.getuid?.() ?? 0}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fontDir}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n` +
      `  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_FILE = file;
}
