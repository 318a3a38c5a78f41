// Parsers for what `adb shell` prints, used by checks and doctor on real devices and on the simulated phone alike.

export interface PermissionState {
  granted: boolean;
  flags: string[];
}

/**
 * The "runtime permissions:" block of `dumpsys package <pkg>` for one user (0 by default). Handles Android 7's
 * space-joined flags (`flags=[ A B ]`) and Android 10+'s `|`-joined ones (`flags=[ A|B]`).
 */
export function parseRuntimePermissions(text: string, user = 0): Map<string, PermissionState> {
  const out = new Map<string, PermissionState>();
  const lines = text.split(/\r?\n/);
  let inUser = false;
  let inBlock = false;
  let blockIndent = -1;
  for (const line of lines) {
    const userMatch = /^\s*User (\d+):/.exec(line);
    if (userMatch) {
      inUser = Number(userMatch[1]) === user;
      inBlock = false;
      continue;
    }
    if (/^\s*runtime permissions:/.test(line)) {
      inBlock = inUser;
      blockIndent = -1;
      continue;
    }
    if (!inBlock) continue;
    const m = /^(\s*)([\w.]+): granted=(true|false)(?:, flags=\[\s*([^\]]*?)\s*\])?\s*$/.exec(line);
    if (!m || (blockIndent >= 0 && m[1]!.length !== blockIndent)) {
      inBlock = false;
      continue;
    }
    blockIndent = m[1]!.length;
    out.set(m[2]!, { granted: m[3] === 'true', flags: m[4] ? m[4].split(/[|\s]+/).filter(Boolean) : [] });
  }
  return out;
}

/** `dumpsys window`: the focused window's package and activity (both absent for system windows like StatusBar). */
export function parseCurrentFocus(text: string): { window: string; package?: string; activity?: string } | undefined {
  const m = /mCurrentFocus=Window\{\S+ u\d+ ([^}\s]+)\}/.exec(text);
  if (!m) return undefined;
  const window = m[1]!;
  const slash = window.indexOf('/');
  if (slash < 0) return { window };
  const pkg = window.slice(0, slash);
  const act = window.slice(slash + 1);
  return { window, package: pkg, activity: act.startsWith(`${pkg}.`) ? act.slice(pkg.length) : act };
}

/**
 * `content query` rows. Values may hold ", " and line breaks, so columns are found by the names the caller expects
 * (the projection); without names, by `, name=` where name is an identifier. NULL becomes null.
 */
export function parseContentRows(text: string, columns?: string[]): Record<string, string | null>[] {
  if (/^No result found\.?\s*$/m.test(text) && !/^Row: /m.test(text)) return [];
  const rows = text.split(/^Row: \d+ /m).slice(1);
  const names = columns?.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') ?? '[A-Za-z_][\\w]*';
  const boundary = new RegExp(`(?:^|, )(${names})=`, 'g');
  return rows.map((raw) => {
    const body = raw.replace(/\r?\n$/, '');
    const marks = [...body.matchAll(boundary)];
    const row: Record<string, string | null> = {};
    marks.forEach((m, i) => {
      const start = m.index! + m[0].length;
      const end = i + 1 < marks.length ? marks[i + 1]!.index! : body.length;
      const value = body.slice(start, end);
      row[m[1]!] = value === 'NULL' ? null : value;
    });
    return row;
  });
}

/** `pm list packages`: package names. */
export function parsePackages(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^package:(\S+)/.exec(l.trim())?.[1])
    .filter((p): p is string => Boolean(p));
}

/** `settings get`: the value, or undefined for Android's "null". */
export function parseSetting(text: string): string | undefined {
  const v = text.trim();
  return v === 'null' || v === '' ? undefined : v;
}
