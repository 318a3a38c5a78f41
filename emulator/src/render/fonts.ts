// librsvg (inside sharp) finds fonts through fontconfig. A machine with no fonts renders every glyph as a box and
// reports no error, so the phone ships DejaVu through npm and points fontconfig at it before the first render.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let done = false;

export function ensureFonts(): void {
  if (done) return;
  done = true;
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  // One file per font folder: two heed installs on one machine (a checkout and a project that installed heed) must
  // not point each other at fonts that a removed install took with it.
  const key = createHash('sha256').update(fontDir).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `heed-fontconfig-${process.getuid?.() ?? 0}-${key}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fontDir}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n` +
      `  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>\n</fontconfig>\n`,
  );
  // Only the project's fonts: a machine's own fonts would make screenshots differ between machines.
  process.env.FONTCONFIG_FILE = file;
}
