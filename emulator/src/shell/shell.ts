// `adb shell` as the simulated phone answers it: the commands task checks and setups use, with Android 14's output
// formats. Anything else fails as a real shell would (exit 127), never silently.
import type { Phone } from '../phone/phone.js';
import { PERMISSION_PKG } from '../phone/permission-dialog.js';
import { dumpsysPackage, dumpsysWindow, dumpsysActivities } from './dumpsys.js';
import { tokenize } from './tokenize.js';

export interface ShellResult {
  stdout: string;
  stderr: string;
  code: number;
}

const ok = (stdout = ''): ShellResult => ({ stdout, stderr: '', code: 0 });
const fail = (stderr: string, code = 1, stdout = ''): ShellResult => ({ stdout, stderr, code });

export const KEYCODES: Record<string, number> = {
  KEYCODE_HOME: 3,
  KEYCODE_BACK: 4,
  KEYCODE_ENTER: 66,
  KEYCODE_DEL: 67,
  KEYCODE_APP_SWITCH: 187,
  KEYCODE_VOLUME_UP: 24,
  KEYCODE_VOLUME_DOWN: 25,
  KEYCODE_POWER: 26,
  KEYCODE_MENU: 82,
};

export function runShell(phone: Phone, command: string, args: string[] = []): ShellResult {
  const argv = [...tokenize(command), ...args];
  const [cmd, ...rest] = argv;
  if (!cmd) return ok();
  switch (cmd) {
    case 'pm':
      return pm(phone, rest);
    case 'dumpsys':
      return dumpsys(phone, rest);
    case 'settings':
      return settings(phone, rest);
    case 'content':
      return content(phone, rest);
    case 'am':
      return am(phone, rest);
    case 'input':
      return input(phone, rest);
    case 'monkey': {
      const p = rest[rest.indexOf('-p') + 1];
      if (!p || !phone.apps.has(p)) return fail('** No activities found to run, monkey aborted.', 252);
      phone.activate(p);
      return ok('  bash arg: -p\n  bash arg: ' + p + '\nEvents injected: 1\n');
    }
    case 'date':
      return ok(formatDate(phone.now, rest[0]) + '\n');
    case 'getprop':
      return getprop(rest[0]);
    case 'wm':
      if (rest[0] === 'size') return ok(`Physical size: ${phone.m.width}x${phone.m.height}\n`);
      if (rest[0] === 'density') return ok(`Physical density: ${phone.m.display.density}\n`);
      return fail(`Unknown command: ${rest[0] ?? ''}`, 255);
    case 'echo':
      return ok(rest.join(' ') + '\n');
    case 'true':
      return ok();
    default:
      return fail(`/system/bin/sh: ${cmd}: inaccessible or not found`, 127);
  }
}

function pmException(verb: string, message: string): ShellResult {
  return fail(`Exception occurred while executing '${verb}':\n${message}`, 255);
}

function pm(phone: Phone, a: string[]): ShellResult {
  const [verb, ...rest] = a;
  switch (verb) {
    case 'list': {
      if (rest[0] !== 'packages') return fail(`Error: unknown list type '${rest[0] ?? ''}'`, 255);
      const flags = rest.slice(1).filter((x) => x.startsWith('-'));
      const filter = rest.slice(1).find((x) => !x.startsWith('-'));
      const pkgs = [...phone.apps.values(), { package: PERMISSION_PKG, system: true }]
        .filter((p) => (flags.includes('-3') ? !p.system : flags.includes('-s') ? p.system : true))
        .map((p) => p.package)
        .filter((p) => !filter || p.includes(filter))
        .sort();
      return ok(pkgs.map((p) => `package:${p}\n`).join(''));
    }
    case 'grant':
    case 'revoke': {
      const [pkg, perm] = rest;
      if (!pkg || !perm)
        return pmException(verb, 'java.lang.IllegalArgumentException: Argument expected after "' + verb + '"');
      if (!phone.apps.has(pkg)) return pmException(verb, `java.lang.IllegalArgumentException: Unknown package: ${pkg}`);
      if (!phone.perms.declared(pkg).includes(perm)) {
        return pmException(verb, `java.lang.SecurityException: Package ${pkg} has not requested permission ${perm}`);
      }
      phone.perms.set(pkg, perm, verb === 'grant');
      return ok();
    }
    case 'clear-permission-flags':
    case 'set-permission-flags': {
      // pm clear-permission-flags <pkg> <perm> user-set user-fixed …, as on Android 11+.
      const [pkg, perm, ...flags] = rest;
      if (!pkg || !perm || flags.length === 0)
        return pmException(verb, 'java.lang.IllegalArgumentException: no permission flags specified');
      if (!phone.apps.has(pkg)) return pmException(verb, `java.lang.IllegalArgumentException: Unknown package: ${pkg}`);
      if (!phone.perms.declared(pkg).includes(perm)) {
        return pmException(verb, `java.lang.IllegalArgumentException: Unknown permission: ${perm}`);
      }
      const names = flags.map((f) => f.toUpperCase().replace(/-/g, '_'));
      phone.perms.changeFlags(pkg, perm, names, verb === 'set-permission-flags');
      return ok();
    }
    case 'reset-permissions': {
      const i = rest.indexOf('-p');
      const pkg = i >= 0 ? rest[i + 1] : undefined;
      if (pkg && !phone.apps.has(pkg))
        return pmException(verb, `java.lang.IllegalArgumentException: Unknown package: ${pkg}`);
      phone.perms.reset(pkg);
      return ok();
    }
    case 'clear': {
      const pkg = rest.find((x) => !x.startsWith('-'));
      if (!pkg || !phone.apps.has(pkg)) return fail('Failed', 1, 'Failed\n');
      phone.clearData(pkg);
      return ok('Success\n');
    }
    case 'path': {
      const pkg = rest[0];
      if (!pkg || !phone.apps.has(pkg)) return fail('', 1);
      return ok(`package:/data/app/${pkg}-1/base.apk\n`);
    }
    default:
      return fail(`Unknown command: ${verb ?? ''}`, 255);
  }
}

function dumpsys(phone: Phone, a: string[]): ShellResult {
  const [service, ...rest] = a;
  if (service === 'package' && rest[0]) return ok(dumpsysPackage(phone, rest[0]));
  if (service === 'window') return ok(dumpsysWindow(phone));
  if (service === 'activity' && (rest[0] === 'activities' || rest[0] === 'a')) return ok(dumpsysActivities(phone));
  return fail(`Can't find service: ${service ?? ''}`, 0);
}

function settings(phone: Phone, a: string[]): ShellResult {
  const [verb, ns, key, value] = a;
  const usage = 'usage:  settings [--user <USER_ID> | current] get namespace key';
  if (ns !== 'global' && ns !== 'secure' && ns !== 'system')
    return fail(`Invalid namespace '${ns ?? ''}'\n${usage}`, 255);
  const table = phone.settings[ns];
  switch (verb) {
    case 'get':
      if (!key) return fail(usage, 255);
      return ok(`${table.get(key) ?? 'null'}\n`);
    case 'put':
      if (!key || value === undefined) return fail(usage, 255);
      table.set(key, value);
      return ok();
    case 'delete':
      if (!key) return fail(usage, 255);
      return ok(`Deleted ${table.delete(key) ? 1 : 0} rows\n`);
    case 'list':
      return ok(
        [...table.entries()]
          .sort()
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      );
    default:
      return fail(usage, 255);
  }
}

function content(phone: Phone, a: string[]): ShellResult {
  const verb = a[0];
  if (verb !== 'query' && verb !== 'insert' && verb !== 'delete')
    return fail(`Unsupported operation: ${verb ?? ''}`, 255);
  const opt = (name: string) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const uri = opt('--uri');
  if (!uri) return fail('[ERROR] Content provider URI not specified', 255);
  const found = phone.provider(uri);
  if (!found) {
    const authority = uri.replace(/^content:\/\//, '').split('/')[0];
    return fail(
      `Error while accessing provider:${authority}\njava.lang.IllegalArgumentException: Unknown URI ${uri}`,
      1,
    );
  }
  const where = opt('--where');
  const matches = whereClause(where);
  if (verb === 'insert') {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== '--bind') continue;
      // --bind <column>:<type>:<value>, types as in Android's `content` tool: s i l f d b n.
      const m = /^(\w+):([siflbdn]):([\s\S]*)$/.exec(a[i + 1] ?? '');
      if (!m) return fail(`[ERROR] Invalid binding: ${a[i + 1] ?? ''} (use column:type:value)`, 255);
      const [, col, type, raw] = m;
      values[col!] = type === 'n' ? null : 'ilfd'.includes(type!) ? Number(raw) : type === 'b' ? raw === 'true' : raw;
    }
    if (!Object.keys(values).length) return fail('[ERROR] Bindings not specified', 255);
    phone.providerInsert(uri, values);
    return ok();
  }
  if (verb === 'delete') {
    phone.providerDelete(uri, matches);
    return ok();
  }
  const projection = opt('--projection')?.split(/[:,]/) ?? found.columns;
  const rows = found.rows.filter(matches);
  if (rows.length === 0) return ok('No result found.\n');
  const fmt = (v: unknown) => (v === undefined || v === null || v === '' ? 'NULL' : String(v));
  return ok(rows.map((r, i) => `Row: ${i} ${projection.map((c) => `${c}=${fmt(r[c])}`).join(', ')}\n`).join(''));
}

/** The subset of SQL `--where` the sim understands: `col=value` (quoted or not) joined by AND. */
function whereClause(where: string | undefined): (row: Record<string, unknown>) => boolean {
  if (!where) return () => true;
  const conds = where.split(/\s+AND\s+/i).map((c) => {
    const m = /^\s*(\w+)\s*=\s*'?([^']*)'?\s*$/.exec(c);
    if (!m) throw new Error(`unsupported --where clause: ${c}`);
    return [m[1]!, m[2]!] as const;
  });
  return (r) => conds.every(([k, v]) => String(r[k] ?? '') === v);
}

function am(phone: Phone, a: string[]): ShellResult {
  const [verb, ...rest] = a;
  if (verb === 'force-stop' && rest[0]) {
    phone.terminate(rest[0]);
    return ok();
  }
  if (verb !== 'start') return fail(`Error: unknown command '${verb ?? ''}'`, 255);
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const component = opt('-n');
  const data = opt('-d');
  if (component) {
    const [pkg, activity] = component.split('/') as [string, string | undefined];
    if (!phone.apps.has(pkg)) {
      return fail(`Error: Activity class {${component}} does not exist.`, 1, `Starting: Intent { cmp=${component} }\n`);
    }
    phone.startActivity(pkg, activity);
    return ok(`Starting: Intent { cmp=${component} }\n`);
  }
  if (data) {
    if (!phone.deepLink(data))
      return fail(
        `Error: Activity not started, unable to resolve Intent { act=android.intent.action.VIEW dat=${data} }`,
        1,
      );
    return ok(`Starting: Intent { act=android.intent.action.VIEW dat=${data} }\n`);
  }
  return fail('Error: Intent does not match any activities', 1);
}

function input(phone: Phone, a: string[]): ShellResult {
  const [verb, ...rest] = a;
  const nums = rest.map(Number);
  switch (verb) {
    case 'keyevent': {
      for (const k of rest) {
        const code = /^\d+$/.test(k) ? Number(k) : KEYCODES[k];
        if (code === undefined) return fail(`Unknown keycode: ${k}`, 1);
        phone.pressKey(code);
      }
      return ok();
    }
    case 'tap':
      if (nums.length < 2 || nums.some(Number.isNaN)) return fail('Error: invalid arguments for tap', 1);
      phone.tap(nums[0]!, nums[1]!);
      return ok();
    case 'swipe': {
      if (nums.length < 4 || nums.some(Number.isNaN)) return fail('Error: invalid arguments for swipe', 1);
      const [x1, y1, x2, y2] = nums as [number, number, number, number];
      if (Math.hypot(x2 - x1, y2 - y1) < 10) phone.tap(x1, y1, (nums[4] ?? 0) >= 500);
      else phone.scrollAt(x1, y1, y1 - y2);
      return ok();
    }
    case 'text':
      // `input text` uses %s for spaces, as on Android.
      phone.typeText(rest.join(' ').replace(/%s/g, ' '));
      return ok();
    default:
      return fail(`Error: Unknown command: ${verb ?? ''}`, 1);
  }
}

function getprop(name?: string): ShellResult {
  const props: Record<string, string> = {
    'ro.build.version.release': '14',
    'ro.build.version.sdk': '34',
    'ro.product.model': 'sdk_gphone64_x86_64',
    'ro.product.manufacturer': 'Google',
    'sys.boot_completed': '1',
    'ro.kernel.qemu': '1',
  };
  if (!name)
    return ok(
      Object.entries(props)
        .map(([k, v]) => `[${k}]: [${v}]\n`)
        .join(''),
    );
  return ok(`${props[name] ?? ''}\n`);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** toybox `date` in UTC: "Sat Mar 14 09:00:05 UTC 2026"; `+%s` gives epoch seconds. */
export function formatDate(d: Date, format?: string): string {
  if (format === '+%s') return String(Math.floor(d.getTime() / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
