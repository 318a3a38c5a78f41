// librsvg (inside sharp) finds fonts through fontconfig. A machine with no fonts renders every glyph as a box and
// reports no error, so the phone ships DejaVu through npm and points fontconfig at it before the first render.
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
  const dir = join(tmpdir(), `heed-fontconfig-${process.getuid?.() ?? 0}`);
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
