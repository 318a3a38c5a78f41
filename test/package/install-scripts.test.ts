// heed needs no dependency's install script, and npm 11 runs none it was not told to. package.json's allowScripts
// says so for each one (false), so `npm install` on a fresh clone prints no "not yet covered by allowScripts"
// warning, and a new dependency with an install script fails here until someone decides about it.
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

interface Manifest {
  name?: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** Every installed package (nested node_modules too, workspace links not followed) that has an install script. */
function withInstallScripts(dir: string, found = new Set<string>()): Set<string> {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (lstatSync(path).isSymbolicLink()) continue;
    if (entry.startsWith('@')) {
      withInstallScripts(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const m = read(manifest);
    const s = m.scripts ?? {};
    // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of its own.
    if (s.preinstall || s.install || s.postinstall || existsSync(join(path, 'binding.gyp'))) found.add(m.name!);
    withInstallScripts(join(path, 'node_modules'), found);
  }
  return found;
}

test('every dependency with an install script is denied by name in allowScripts, and nothing else is listed', () => {
  const { allowScripts = {} } = read(join(ROOT, 'package.json'));
  const scripted = [...withInstallScripts(join(ROOT, 'node_modules'))].sort();
  expect(scripted.length).toBeGreaterThan(0); // appium's postinstall, webdriverio's edgedriver / geckodriver …
  expect(Object.keys(allowScripts).sort()).toEqual(scripted);
  expect(Object.entries(allowScripts).filter(([, allowed]) => allowed !== false)).toEqual([]);
});
