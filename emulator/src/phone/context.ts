// Template filling and condition evaluation for app data. Kept apart from the phone so the rules are in one place.

export interface Scope {
  pkg: string;
  params: Record<string, string>;
  item?: Record<string, unknown>;
}

export interface ScopeReader {
  state(pkg: string, key: string): unknown;
  granted(pkg: string, group: string): boolean;
  /** allow | ask | deny for a group: what the Settings permission page shows as selected. */
  level(pkg: string, group: string): string;
  setting(namespace: string, key: string): string | undefined;
  installed(pkg: string): boolean;
  label(pkg: string): string;
}

/** Replace `{state.x}`, `{param.x}`, `{item.x}`, `{app.label}`, `{label.<pkg>}` in a string. */
export function fill(text: string, scope: Scope, r: ScopeReader): string {
  return text.replace(/\{(\w+)\.([\w.]+)\}/g, (whole, kind: string, key: string) => {
    switch (kind) {
      case 'state':
        return str(r.state(scope.pkg, key));
      case 'param':
        return scope.params[key] ?? '';
      case 'item':
        return str(scope.item?.[key]);
      case 'app':
        return key === 'label' ? r.label(scope.pkg) : key === 'package' ? scope.pkg : whole;
      default:
        return whole;
    }
  });
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return String(v.length);
  return String(v);
}

/** Evaluate `[!]kind:arg[=value]`. Unknown kinds are rejected by the app schema before they get here. */
export function test(cond: string, scope: Scope, r: ScopeReader): boolean {
  const negate = cond.startsWith('!');
  const body = fill(negate ? cond.slice(1) : cond, scope, r);
  const colon = body.indexOf(':');
  const kind = body.slice(0, colon);
  const rest = body.slice(colon + 1);
  const eq = rest.indexOf('=');
  const arg = eq >= 0 ? rest.slice(0, eq) : rest;
  const want = eq >= 0 ? rest.slice(eq + 1) : undefined;
  const [pkg, name] =
    arg.includes('/') && kind !== 'setting' ? (arg.split('/', 2) as [string, string]) : [scope.pkg, arg];
  let value: unknown;
  switch (kind) {
    case 'state':
      value = r.state(scope.pkg, arg);
      break;
    case 'param':
      value = scope.params[arg];
      break;
    case 'item':
      value = scope.item?.[arg];
      break;
    case 'granted':
      value = r.granted(pkg, name);
      break;
    case 'denied':
      value = !r.granted(pkg, name);
      break;
    case 'level':
      value = r.level(pkg, name);
      break;
    case 'setting': {
      const [ns, key] = arg.split('/', 2) as [string, string];
      value = r.setting(ns, key);
      break;
    }
    case 'installed':
      value = r.installed(arg);
      break;
  }
  const result = want === undefined ? truthy(value) : str(value) === want;
  return negate ? !result : result;
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '' && v !== 'false' && v !== '0';
}
