// Loading app data: every *.yaml file in the app folders is one app. Errors name the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { AppSpec } from './schema.js';

/** The apps shipped with the simulated phone. */
export const BUILTIN_APPS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps');

export function parseApp(text: string, file: string): AppSpec {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message}`, { cause: e });
  }
  const r = AppSpec.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const app = r.data;
  for (const [id, screen] of Object.entries(app.screens)) {
    for (const op of collectGo(screen)) {
      if (!app.screens[op]) throw new Error(`${file}: screens.${id}: goes to unknown screen '${op}'`);
    }
  }
  if (!app.screens[app.launch]) throw new Error(`${file}: launch: unknown screen '${app.launch}'`);
  return app;
}

function collectGo(value: unknown): string[] {
  const found: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'go' || k === 'replace') && typeof x === 'string') found.push(x);
        else if (k === 'go' && x && typeof x === 'object' && 'screen' in x)
          found.push(String((x as { screen: string }).screen));
        else visit(x);
      }
    }
  };
  visit(value);
  return found;
}

/** Load apps from folders; a later folder's app replaces an earlier one with the same package. */
export function loadApps(dirs: string[] = [BUILTIN_APPS_DIR]): AppSpec[] {
  const byPkg = new Map<string, AppSpec>();
  for (const dir of dirs) {
    for (const f of readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()) {
      const file = join(dir, f);
      const app = parseApp(readFileSync(file, 'utf8'), file);
      byPkg.set(app.package, app);
    }
  }
  return [...byPkg.values()];
}
