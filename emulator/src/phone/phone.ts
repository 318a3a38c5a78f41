// The simulated phone: installed apps, their tasks and back stacks, app state, settings, runtime permissions, the
// soft keyboard and the clock. Input arrives as taps, keys and text; output is the current set of windows.
import { GROUPS, groupOf, PermissionStore, type GrantResult, type GroupInfo } from '../model/permissions.js';
import type { AppSpec, Op } from '../model/schema.js';
import { fill, test, type Scope, type ScopeReader } from './context.js';
import { layoutScreen, type LayoutHost, type ScreenRef } from './layout.js';
import { Metrics, type Display } from './metrics.js';
import { layoutPermissionDialog, PERMISSION_ACTIVITY, PERMISSION_PKG } from './permission-dialog.js';
import { hit, walk, type UiNode, type Window } from './ui.js';

export const LAUNCHER_PKG = 'com.google.android.apps.nexuslauncher';

export interface PhoneOptions {
  display?: Partial<Display>;
  /** ISO time the phone's clock starts at; it advances one second per input, so runs are reproducible. */
  clock?: string;
}

interface Task {
  pkg: string;
  stack: ScreenRef[];
}

interface PendingRequest {
  pkg: string;
  queue: GroupInfo[];
  coarse: boolean;
  /** Continuations, innermost first: the ops that were waiting on this dialog. */
  rest: { ops: Op[]; scope: Scope }[];
}

export class Phone implements LayoutHost {
  readonly m: Metrics;
  readonly perms = new PermissionStore();
  readonly apps = new Map<string, AppSpec>();
  readonly settings: Record<'global' | 'secure' | 'system', Map<string, string>> = {
    global: new Map([
      ['airplane_mode_on', '0'],
      ['auto_time', '1'],
      ['adb_enabled', '1'],
    ]),
    secure: new Map([
      ['location_mode', '3'],
      ['android_id', '5d3b2f1e9a7c4b60'],
      ['backup_enabled', '1'],
    ]),
    system: new Map([
      ['screen_brightness', '128'],
      ['font_scale', '1.0'],
    ]),
  };
  private readonly state = new Map<string, Record<string, unknown>>();
  private tasks: Task[] = [];
  private readonly running = new Set<string>();
  private pending?: PendingRequest;
  focusedKey: string | undefined;
  keyboardShown = false;
  toast: string | undefined;
  private clockMs: number;

  constructor(apps: AppSpec[], opts: PhoneOptions = {}) {
    this.m = new Metrics({ width: 1080, height: 2400, density: 420, ...opts.display });
    this.clockMs = Date.parse(opts.clock ?? '2026-03-14T09:00:00Z');
    if (Number.isNaN(this.clockMs))
      throw new Error(`Invalid clock "${opts.clock}": use an ISO date such as 2026-03-14T09:00:00Z`);
    for (const app of apps) this.install(app);
    if (!this.apps.has(LAUNCHER_PKG)) throw new Error(`The app world has no launcher (${LAUNCHER_PKG})`);
    this.goHome();
  }

  install(app: AppSpec): void {
    this.apps.set(app.package, app);
    this.state.set(app.package, structuredClone(app.state));
    this.perms.install(app.package, app.permissions);
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  get now(): Date {
    return new Date(this.clockMs);
  }

  get reader(): ScopeReader {
    return {
      state: (pkg, key) => this.getState(pkg, key),
      granted: (pkg, group) => {
        if (group.startsWith('android.permission.')) return this.perms.isGranted(pkg, group);
        const g = groupOf(group);
        return g ? this.perms.groupGranted(pkg, g) : this.perms.isGranted(pkg, group);
      },
      level: (pkg, group) => this.level(pkg, group),
      setting: (ns, key) => this.settings[ns as 'global']?.get(key),
      installed: (pkg) => this.apps.has(pkg),
      label: (pkg) => this.apps.get(pkg)?.label ?? pkg,
    };
  }

  getState(pkg: string, key: string): unknown {
    let v: unknown = this.state.get(pkg);
    for (const part of key.split('.'))
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    return v;
  }

  setState(pkg: string, key: string, value: unknown): void {
    const st = this.state.get(pkg);
    if (!st) throw new Error(`Unknown package ${pkg}`);
    st[key] = value;
  }

  appState(pkg: string): Record<string, unknown> | undefined {
    return this.state.get(pkg);
  }

  level(pkg: string, group: string): string {
    const g = groupOf(group);
    if (!g) return 'deny';
    const perms = this.perms.groupPerms(pkg, g);
    if (perms.some((p) => this.perms.flags(pkg, p).includes('ONE_TIME') && this.perms.isGranted(pkg, p))) return 'ask';
    if (perms.some((p) => this.perms.isGranted(pkg, p))) return 'allow';
    if (perms.some((p) => this.perms.flags(pkg, p).includes('ONE_TIME'))) return 'ask';
    return 'deny';
  }

  items(source: string, scope: Scope): Record<string, unknown>[] {
    if (source === 'apps') {
      return [...this.apps.values()]
        .filter((a) => a.launcher)
        .sort((a, b) => a.label.localeCompare(b.label))
        .map((a) => ({ package: a.package, label: a.label, color: a.icon.color, glyph: a.icon.glyph }));
    }
    if (source === 'recents') {
      return this.tasks
        .filter((t) => t.pkg !== LAUNCHER_PKG)
        .map((t) => ({ package: t.pkg, label: this.apps.get(t.pkg)!.label }));
    }
    if (source === 'permissionGroups') {
      const pkg = scope.params.pkg ?? scope.pkg;
      return GROUPS.filter((g) => this.perms.groupPerms(pkg, g).length > 0).map((g) => ({
        group: g.name,
        label: g.label,
        dialog: g.dialog,
        status: this.statusText(pkg, g),
      }));
    }
    const list = this.getState(scope.pkg, source.slice('list:'.length));
    return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  }

  private statusText(pkg: string, g: GroupInfo): string {
    const level = this.level(pkg, g.name);
    if (level === 'ask') return 'Ask every time';
    if (level === 'deny') return 'Not allowed';
    if (g.name === 'location' && !this.perms.isGranted(pkg, 'android.permission.ACCESS_FINE_LOCATION'))
      return 'Allowed only while in use · Approximate';
    return g.dialog === 'foreground' ? 'Allowed only while in use' : 'Allowed';
  }

  /** Foreground package, as `dumpsys window` would name it (the permission dialog counts). Needs no layout. */
  get currentPackage(): string {
    return this.dialogShown ? PERMISSION_PKG : this.tasks[0]!.pkg;
  }

  get currentActivity(): string {
    return this.dialogShown ? PERMISSION_ACTIVITY : this.tasks[0]!.stack.at(-1)!.spec.activity;
  }

  /** The activity under any dialogs of the front task (what `dumpsys activity` calls resumed). */
  get resumedActivity(): string {
    const stack = this.tasks[0]!.stack;
    return [...stack].reverse().find((r) => r.spec.kind === 'activity')?.spec.activity ?? stack[0]!.spec.activity;
  }

  get foregroundTask(): string {
    return this.tasks[0]!.pkg;
  }

  isRunning(pkg: string): boolean {
    return this.running.has(pkg);
  }

  hasTask(pkg: string): boolean {
    return this.tasks.some((t) => t.pkg === pkg);
  }

  /** Windows from bottom to top. The top one is what UiAutomator2's page source shows. */
  windows(): Window[] {
    const task = this.tasks[0]!;
    const out: Window[] = [];
    const top = task.stack.length - 1;
    let base = top;
    while (base > 0 && task.stack[base]!.spec.kind !== 'activity') base--;
    for (let i = base; i <= top; i++) out.push(this.layoutRef(task.stack[i]!));
    if (this.dialogShown) out.push(this.permissionWindow());
    return out;
  }

  /** Only the focused window: what page source, hit testing and element lookup need. */
  top(): Window {
    return this.dialogShown ? this.permissionWindow() : this.layoutRef(this.tasks[0]!.stack.at(-1)!);
  }

  private layoutRef(ref: ScreenRef): Window {
    const w = layoutScreen(this, ref, ref.spec.kind);
    if (ref.pkg === LAUNCHER_PKG && ref.spec.kind === 'activity') w.kind = 'launcher';
    return w;
  }

  private permissionWindow(): Window {
    const p = this.pending!;
    const group = p.queue[0]!;
    return layoutPermissionDialog(
      this.m,
      {
        appLabel: this.apps.get(p.pkg)!.label,
        group,
        deniedBefore: this.perms.groupDeniedOnce(p.pkg, group),
        coarse: p.coarse,
      },
      { answer: (r) => this.answerDialog(r), setCoarse: (c) => (p.coarse = c) },
    );
  }

  // ---- input -----------------------------------------------------------------------------------------------------

  tick(): void {
    this.clockMs += 1000;
  }

  /** A finger tap at device pixels. Returns the element it landed on, if any. */
  tap(x: number, y: number, long = false): UiNode | undefined {
    this.tick();
    this.toast = undefined;
    const w = this.top();
    if (this.keyboardShown && y >= this.m.keyboardTop && y < this.m.height - this.m.navBar) return undefined;
    if (y >= this.m.height - this.m.navBar) return (this.navBarTap(x), undefined);
    const target = hit(w.root, x, y);
    if (!target) {
      // A tap outside a dialog or sheet dismisses it, as on Android (the permission dialog ignores it); a tap on
      // its empty space does nothing.
      const [l, t, r, b] = w.root.bounds;
      const outside = x < l || x >= r || y < t || y >= b;
      if (outside && (w.kind === 'dialog' || w.kind === 'sheet')) this.back();
      return undefined;
    }
    if (long && target.onLongTap) target.onLongTap();
    else if (target.onTap) target.onTap();
    else if (target.field) this.focus(target.key);
    return target;
  }

  private navBarTap(x: number): void {
    const third = this.m.width / 3;
    if (x < third) this.back();
    else if (x < 2 * third) this.goHome();
    else this.recents();
  }

  /** Vertical scroll of the list under (x, y) by dy pixels of content; returns whether it can scroll further that way. */
  scrollAt(x: number, y: number, dy: number): boolean {
    this.tick();
    const w = this.top();
    const s = w.scroll;
    if (!s) return false;
    const [l, t, r, b] = s.node.bounds;
    if (x < l || x >= r || y < t || y >= b) return false;
    s.set(s.offset + dy);
    const after = this.top().scroll;
    if (!after) return false;
    return dy > 0 ? after.offset < after.max : after.offset > 0;
  }

  focus(key: string | undefined): void {
    this.focusedKey = key;
    this.keyboardShown = key !== undefined;
  }

  focusedField(): UiNode | undefined {
    if (!this.focusedKey) return undefined;
    for (const n of walk(this.top().root)) if (n.key === this.focusedKey && n.field) return n;
    return undefined;
  }

  typeText(text: string): void {
    this.tick();
    const f = this.focusedField();
    if (f?.field) f.field.set(f.field.get() + text);
  }

  hideKeyboard(): boolean {
    const was = this.keyboardShown;
    this.keyboardShown = false;
    return was;
  }

  /** Android key events by keycode. */
  pressKey(code: number): void {
    this.tick();
    switch (code) {
      case 3:
        return this.goHome();
      case 4:
        return this.back();
      case 66: {
        const f = this.focusedField();
        f?.field?.submit();
        return;
      }
      case 67: {
        const f = this.focusedField();
        if (f?.field) f.field.set(f.field.get().slice(0, -1));
        return;
      }
      case 187:
        return this.recents();
      default:
        return; // other keys (volume, media …) have no effect on the simulated apps
    }
  }

  back(): void {
    if (this.keyboardShown) {
      this.keyboardShown = false;
      return;
    }
    if (this.dialogShown) {
      const p = this.pending!;
      // Dismissing the dialog denies without marking the choice as the user's (no USER_SET), as Android does.
      this.pending = undefined;
      this.continueAfter(p);
      return;
    }
    const task = this.tasks[0]!;
    if (task.pkg === LAUNCHER_PKG) {
      if (task.stack.length > 1) task.stack.pop();
      return;
    }
    this.clearFocus();
    if (task.stack.length > 1) task.stack.pop();
    else this.bringToFront(LAUNCHER_PKG); // Android 12+: BACK at the root moves the task to the back; it keeps running
  }

  goHome(): void {
    this.clearFocus();
    let launcher = this.tasks.find((t) => t.pkg === LAUNCHER_PKG);
    if (!launcher) {
      launcher = { pkg: LAUNCHER_PKG, stack: [] };
      this.tasks.push(launcher);
    }
    launcher.stack = [this.ref(LAUNCHER_PKG, this.apps.get(LAUNCHER_PKG)!.launch, {}, 0)];
    this.bringToFront(LAUNCHER_PKG);
    this.running.add(LAUNCHER_PKG);
  }

  recents(): void {
    this.goHome();
    const launcher = this.tasks[0]!;
    const app = this.apps.get(LAUNCHER_PKG)!;
    if (app.screens.recents) launcher.stack.push(this.ref(LAUNCHER_PKG, 'recents', {}, 1));
  }

  /** activateApp: resume the app's task, or start it at its launch screen. */
  activate(pkg: string, screen?: string): void {
    const app = this.apps.get(pkg);
    if (!app) throw new Error(`App '${pkg}' is not installed`);
    this.clearFocus();
    if (pkg === LAUNCHER_PKG) return this.goHome();
    const existing = this.tasks.find((t) => t.pkg === pkg);
    if (existing && !screen) {
      this.bringToFront(pkg);
      return;
    }
    if (existing && screen) {
      this.bringToFront(pkg);
      this.push(pkg, screen, {});
      return;
    }
    this.tasks.unshift({ pkg, stack: [] });
    this.running.add(pkg);
    this.push(pkg, screen ?? app.launch, {});
  }

  terminate(pkg: string): boolean {
    const wasRunning = this.running.delete(pkg);
    const wasFront = this.tasks[0]?.pkg === pkg;
    this.tasks = this.tasks.filter((t) => t.pkg !== pkg);
    if (this.pending?.pkg === pkg) this.pending = undefined;
    this.perms.endOneTime(pkg);
    if (wasFront || pkg === LAUNCHER_PKG) this.goHome();
    return wasRunning;
  }

  /** Open a deep link; returns false when no installed app handles it. */
  deepLink(url: string, pkg?: string): boolean {
    for (const app of this.apps.values()) {
      if (pkg && app.package !== pkg) continue;
      const link = app.deepLinks.find((d) => url.startsWith(d.prefix));
      if (link) {
        this.activate(app.package, link.screen);
        return true;
      }
    }
    return false;
  }

  /** startActivity / `am start -n`: the screen whose activity matches, or the launch screen. */
  startActivity(pkg: string, activity?: string): void {
    const app = this.apps.get(pkg);
    if (!app) throw new Error(`App '${pkg}' is not installed`);
    const short = activity?.startsWith(pkg + '.') ? activity.slice(pkg.length) : activity;
    const screen = short
      ? Object.entries(app.screens).find(([, s]) => s.activity === short || s.activity === activity)?.[0]
      : undefined;
    if (short && !screen) throw new Error(`Activity class {${pkg}/${activity}} does not exist.`);
    this.activate(pkg, screen === app.launch ? undefined : screen);
  }

  /** `pm clear`: the app's data and permissions as after a fresh install; its process is killed. */
  clearData(pkg: string): void {
    const app = this.apps.get(pkg);
    if (!app) throw new Error(`Unknown package ${pkg}`);
    this.terminate(pkg);
    this.state.set(pkg, structuredClone(app.state));
    this.perms.install(pkg, app.permissions);
  }

  /** Rows behind a content:// URI that an installed app provides. */
  provider(uri: string): { columns: string[]; rows: Record<string, unknown>[] } | undefined {
    const p = this.providerList(uri);
    return p && { columns: p.columns, rows: this.rows(p.pkg, p.list) };
  }

  /** `content insert`: a new row with the next _id (seeds for tasks: events, alarms, mail). False if the URI is unknown. */
  providerInsert(uri: string, values: Record<string, unknown>): boolean {
    const p = this.providerList(uri);
    if (p) this.appendRow(p.pkg, p.list, values);
    return p !== undefined;
  }

  /** `content delete`: removes the rows `remove` picks; returns how many went (undefined: unknown URI). */
  providerDelete(uri: string, remove: (row: Record<string, unknown>) => boolean): number | undefined {
    const p = this.providerList(uri);
    if (!p) return undefined;
    const rows = this.rows(p.pkg, p.list);
    const kept = rows.filter((r) => !remove(r));
    this.setState(p.pkg, p.list, kept);
    return rows.length - kept.length;
  }

  private providerList(uri: string): { pkg: string; list: string; columns: string[] } | undefined {
    for (const app of this.apps.values()) {
      const spec = app.providers[uri];
      if (spec) return { pkg: app.package, list: spec.list, columns: spec.columns };
    }
    return undefined;
  }

  private rows(pkg: string, list: string): Record<string, unknown>[] {
    const rows = this.getState(pkg, list);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  }

  /** One place that numbers rows: the next _id after the highest, as an autoincrement key (deleted ids stay unused). */
  private appendRow(pkg: string, list: string, values: Record<string, unknown>): void {
    const rows = this.rows(pkg, list);
    // Rows seeded without an _id still count, so ids never repeat.
    const id = rows.reduce((m, r) => Math.max(m, Number(r._id) || 0), rows.length) + 1;
    this.setState(pkg, list, [...rows, { _id: id, ...values }]);
  }

  // ---- app data ops ----------------------------------------------------------------------------------------------

  /**
   * Run ops in order. A `request` that shows the dialog suspends the list: what follows it (in this list and in the
   * lists around it) runs once the user has answered. Returns true when suspended.
   */
  run(ops: Op[], scope: Scope): boolean {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      let suspended: boolean;
      if ('request' in op) suspended = this.request(op.request, scope);
      else if ('if' in op) suspended = this.run(test(op.if, scope, this.reader) ? op.then : (op.else ?? []), scope);
      else {
        this.runOne(op, scope);
        continue;
      }
      if (suspended) {
        this.pending!.rest.push({ ops: ops.slice(i + 1), scope });
        return true;
      }
    }
    return false;
  }

  private runOne(op: Op, scope: Scope): void {
    const f = (s: string) => fill(s, scope, this.reader);
    const pkg = scope.pkg;
    if ('go' in op) {
      const target = typeof op.go === 'string' ? { screen: op.go, params: {} } : op.go;
      const params = Object.fromEntries(Object.entries(target.params ?? {}).map(([k, v]) => [k, f(v)]));
      this.push(pkg, target.screen, params);
    } else if ('replace' in op) {
      const task = this.taskOf(pkg);
      task.stack.pop();
      this.push(pkg, op.replace, scope.params);
    } else if ('back' in op) this.back();
    else if ('home' in op) this.goHome();
    else if ('finish' in op) {
      const task = this.taskOf(pkg);
      task.stack.pop();
      if (task.stack.length === 0) {
        this.tasks = this.tasks.filter((t) => t !== task);
        this.bringToFront(LAUNCHER_PKG);
      }
    } else if ('open' in op) this.activate(f(op.open));
    else if ('set' in op) {
      for (const [k, v] of Object.entries(op.set)) this.setState(pkg, k, typeof v === 'string' ? f(v) : v);
    } else if ('toggle' in op) this.setState(pkg, op.toggle, !test(`state:${op.toggle}`, scope, this.reader));
    else if ('inc' in op) this.setState(pkg, op.inc, Number(this.getState(pkg, op.inc) ?? 0) + 1);
    else if ('append' in op) {
      const item = Object.fromEntries(
        Object.entries(op.append.item).map(([k, v]) => [k, typeof v === 'string' ? f(v) : v]),
      );
      this.appendRow(pkg, op.append.list, item);
    } else if ('grant' in op) this.settingsGrant(f(op.grant.pkg ?? pkg), f(op.grant.group), f(op.grant.level));
    else if ('settings' in op) this.settings[op.settings.namespace].set(f(op.settings.key), f(op.settings.value));
    else if ('toast' in op) this.toast = f(op.toast);
  }

  /** Show the permission dialog for each requested group that is neither granted nor fixed. */
  private request(groups: string[], scope: Scope): boolean {
    const pkg = scope.pkg;
    const queue: GroupInfo[] = [];
    for (const name of groups) {
      const g = groupOf(name);
      if (!g) throw new Error(`Unknown permission group '${name}' requested by ${pkg}`);
      if (this.perms.groupPerms(pkg, g).length === 0)
        throw new Error(`${pkg} requests ${name} but its manifest does not declare it`);
      if (this.perms.groupGranted(pkg, g) || this.perms.groupFixed(pkg, g)) continue;
      queue.push(g);
    }
    if (queue.length === 0) return false;
    this.clearFocus();
    this.pending = { pkg, queue, coarse: false, rest: [] };
    return true;
  }

  private answerDialog(result: GrantResult): void {
    const p = this.pending!;
    const g = p.queue.shift()!;
    this.perms.applyGroup(p.pkg, g, result, g.name === 'location' && p.coarse);
    p.coarse = false;
    if (p.queue.length === 0) {
      this.pending = undefined;
      this.continueAfter(p);
    }
  }

  private continueAfter(p: PendingRequest): void {
    for (let i = 0; i < p.rest.length; i++) {
      const { ops, scope } = p.rest[i]!;
      // Another dialog may be needed on the way; the outer continuations then wait for it in turn.
      if (this.run(ops, scope)) {
        this.pending!.rest.push(...p.rest.slice(i + 1));
        return;
      }
    }
  }

  private settingsGrant(pkg: string, group: string, level: string): void {
    const g = groupOf(group);
    if (!g) throw new Error(`Unknown permission group '${group}'`);
    const fine = 'android.permission.ACCESS_FINE_LOCATION';
    switch (level) {
      case 'allow':
        return this.perms.applyGroup(pkg, g, g.dialog === 'foreground' ? 'foreground' : 'always');
      case 'ask':
        return this.perms.applyGroup(pkg, g, 'ask');
      case 'deny':
        return this.perms.applyGroup(pkg, g, 'denied');
      case 'precise':
      case 'approximate':
        if (this.perms.groupGranted(pkg, g)) this.perms.set(pkg, fine, level === 'precise');
        return;
      default:
        throw new Error(`Unknown grant level '${level}' (allow, ask, deny, precise, approximate)`);
    }
  }

  // ---- stack helpers ---------------------------------------------------------------------------------------------

  private ref(pkg: string, screenId: string, params: Record<string, string>, depth: number): ScreenRef {
    const spec = this.apps.get(pkg)?.screens[screenId];
    if (!spec) throw new Error(`App ${pkg} has no screen '${screenId}'`);
    return { pkg, screenId, spec, params, scroll: 0, depth };
  }

  private push(pkg: string, screenId: string, params: Record<string, string>): void {
    const task = this.taskOf(pkg);
    const ref = this.ref(pkg, screenId, params, task.stack.length);
    task.stack.push(ref);
    this.clearFocus();
    if (ref.spec.onEnter) this.run(ref.spec.onEnter, { pkg, params });
  }

  private taskOf(pkg: string): Task {
    const t = this.tasks.find((x) => x.pkg === pkg);
    if (!t) throw new Error(`${pkg} has no task`);
    return t;
  }

  private bringToFront(pkg: string): void {
    const i = this.tasks.findIndex((t) => t.pkg === pkg);
    if (i > 0) this.tasks.unshift(...this.tasks.splice(i, 1));
  }

  private clearFocus(): void {
    this.focusedKey = undefined;
    this.keyboardShown = false;
  }

  /** True while the system permission dialog is on top. */
  get dialogShown(): boolean {
    return this.pending !== undefined && this.pending.pkg === this.tasks[0]?.pkg;
  }
}
