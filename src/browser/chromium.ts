// Which Chromium renders heed's pages (the approval page, reports) under test: HEED_CHROMIUM ?? a system Chromium ??
// the one npm installs (@sparticuz/chromium, a dev dependency: a brotli-compressed headless shell inside the package,
// no install script, no download). The bundled shell links only glibc plus NSS/NSPR/expat, and the package ships
// those libraries too, so it runs on a fresh Debian with nothing but Node. It is inflated once into
// node_modules/.cache (atomically: jest workers may race) and run with its own libraries and heed's DejaVu fonts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { HeedError } from '../core/errors.js';
import { ROOT } from '../core/paths.js';
import { ensureFonts } from '../vision/fonts.js';

export type ChromiumSource = 'HEED_CHROMIUM' | 'system' | 'bundled';

export interface Chromium {
  path: string;
  source: ChromiumSource;
  /** Environment the browser process needs (the bundled one: its libraries and fonts); merge over process.env. */
  env: Record<string, string>;
}

/** Where Debian, Ubuntu and Google's packages put the browser. */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

const PACKAGE = '@sparticuz/chromium';

/** The bundled package's folder, or undefined when it is not installed (a user's install has no dev dependencies). */
export function bundledPackageDir(from: string = ROOT): string | undefined {
  let entry: string;
  try {
    entry = createRequire(join(from, 'package.json')).resolve(PACKAGE);
  } catch {
    return undefined;
  }
  // The package exports only ".", so its package.json cannot be resolved directly: walk up from the entry point.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE) return dir;
  }
  return undefined;
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  /** The bundled package's folder (default: resolved from heed's root). */
  packageDir?: string | undefined;
  /** Where the bundled browser is inflated (default node_modules/.cache/heed-chromium/<version>). */
  cacheDir?: string;
}

/**
 * The Chromium to use, by precedence HEED_CHROMIUM ?? system ?? bundled. `HEED_CHROMIUM=bundled` picks the bundled
 * one even where a system Chromium exists. Throws a HeedError saying what to install when there is none.
 */
export function findChromium(opts: FindOptions = {}): Chromium {
  const env = opts.env ?? process.env;
  const exists = opts.exists ?? existsSync;
  const chosen = env.HEED_CHROMIUM;
  if (chosen && chosen !== 'bundled') {
    if (!exists(chosen))
      throw new HeedError(
        `HEED_CHROMIUM=${chosen} does not exist`,
        'point it at a Chromium or Chrome binary, set it to "bundled", or unset it',
      );
    return { path: chosen, source: 'HEED_CHROMIUM', env: {} };
  }
  if (!chosen) {
    const system = SYSTEM_CHROMIUMS.find((p) => exists(p));
    if (system) return { path: system, source: 'system', env: {} };
  }
  const dir = 'packageDir' in opts ? opts.packageDir : bundledPackageDir();
  if (!dir)
    throw new HeedError(
      `no Chromium: none at ${SYSTEM_CHROMIUMS[0]} and ${PACKAGE} is not installed`,
      'run npm install in heed (it brings the bundled Chromium as a dev dependency) or set HEED_CHROMIUM',
    );
  return inflateBundled(dir, opts.cacheDir);
}

/** Inflate the package's browser and libraries once; later calls (and other processes) reuse the folder. */
export function inflateBundled(packageDir: string, cacheDir?: string): Chromium {
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = cacheDir ?? defaultCacheDir(version);
  const complete = join(dir, '.complete');
  if (!existsSync(complete)) {
    const bin = join(packageDir, 'bin');
    for (const f of ['chromium.br', 'al2023.tar.br'])
      if (!existsSync(join(bin, f)))
        throw new HeedError(`${PACKAGE} ${version} has no bin/${f} (only x64 Linux builds ship)`, 'set HEED_CHROMIUM');
    // Build in a private folder, then rename: a reader never sees a half-written browser.
    const work = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    mkdirSync(join(work, 'lib'), { recursive: true });
    writeFileSync(join(work, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), {
      mode: 0o755,
    });
    extractTar(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), work);
    writeFileSync(join(work, '.complete'), `${version}\n`);
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(work, dir);
    } catch (e) {
      rmSync(work, { recursive: true, force: true });
      // Another process finished first: use its copy.
      if (!existsSync(complete)) throw e;
    }
  }
  return { path: join(dir, 'chromium'), source: 'bundled', env: bundledEnv(dir) };
}

function bundledEnv(dir: string): Record<string, string> {
  ensureFonts();
  const lib = join(dir, 'lib');
  const ld = process.env.LD_LIBRARY_PATH;
  // ensureFonts has set FONTCONFIG_FILE (or left the user's own).
  return { LD_LIBRARY_PATH: ld ? `${lib}:${ld}` : lib, FONTCONFIG_FILE: process.env.FONTCONFIG_FILE! };
}

function defaultCacheDir(version: string): string {
  const modules = join(ROOT, 'node_modules');
  const base = existsSync(modules) ? join(modules, '.cache') : join(tmpdir(), `heed-cache-${process.getuid?.() ?? 0}`);
  return join(base, 'heed-chromium', version);
}

/** A ustar reader for the package's library archive: regular files and folders only, nothing outside `into`. */
export function extractTar(tar: Buffer, into: string): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) =>
      header
        .subarray(from, from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    if (!name || name.startsWith('/') || name.split('/').includes('..'))
      throw new HeedError(`refusing tar entry '${name}' (outside the target folder)`);
    const target = join(into, name);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      const mode = parseInt(field(100, 8).trim() || '644', 8) & 0o755;
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode });
      names.push(name);
    } else throw new HeedError(`unsupported tar entry '${name}' (type ${type})`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}
