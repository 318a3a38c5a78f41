// SimAndroidDriver: the simulated phone behind Appium's W3C endpoints and UiAutomator2's `mobile:` methods.
import { BaseDriver, errors } from 'appium/driver.js';
import { loadApps, BUILTIN_APPS_DIR } from '../model/world.js';
import { Phone, LAUNCHER_PKG } from '../phone/phone.js';
import type { UiNode } from '../phone/ui.js';
import { pageSource } from '../render/source.js';
import { screenshot } from '../render/screenshot.js';
import { runShell, formatDate } from '../shell/shell.js';
import { attribute, indexWindow, locate, type Located } from './elements.js';
import { executeMethodMap } from './execute-map.js';
import { performActions, scrollArea, type Direction } from './gestures.js';

const constraints = {
  platformName: { presence: true, isString: true, inclusionCaseInsensitive: ['Android'] },
  automationName: { presence: true, isString: true, inclusionCaseInsensitive: ['SimAndroid'] },
  appPackage: { isString: true },
  appActivity: { isString: true },
  autoGrantPermissions: { isBoolean: true },
  noReset: { isBoolean: true },
  /** Extra folders of app YAML files, added to (or replacing) the built-in apps. */
  simAppDirs: { isArray: true },
  /** ISO start time of the phone's clock. */
  simClock: { isString: true },
  simScreenWidth: { isNumber: true },
  simScreenHeight: { isNumber: true },
  simDensity: { isNumber: true },
  /** Shell commands run once the phone is up (task setup), e.g. `pm revoke …`. */
  simSetup: { isArray: true },
} as const;

type Caps = Record<string, any>;

export class SimAndroidDriver extends BaseDriver<typeof constraints> {
  static executeMethodMap = executeMethodMap;
  phone?: Phone;
  private clipboard = '';

  constructor(opts: any = {}, shouldValidateCaps = true) {
    super(opts, shouldValidateCaps);
    this.desiredCapConstraints = constraints;
    this.locatorStrategies = ['id', 'accessibility id', 'class name', 'xpath', '-android uiautomator'];
  }

  override async createSession(...args: any[]): Promise<any> {
    const result = await (super.createSession as (...a: any[]) => Promise<any>)(...args);
    const caps = this.caps as Caps;
    const dirs = [BUILTIN_APPS_DIR, ...((caps.simAppDirs as string[] | undefined) ?? [])];
    this.phone = new Phone(loadApps(dirs), {
      clock: caps.simClock,
      display: {
        ...(caps.simScreenWidth ? { width: caps.simScreenWidth } : {}),
        ...(caps.simScreenHeight ? { height: caps.simScreenHeight } : {}),
        ...(caps.simDensity ? { density: caps.simDensity } : {}),
      },
    });
    for (const line of (caps.simSetup as string[] | undefined) ?? []) {
      const r = runShell(this.phone, line);
      if (r.code !== 0)
        throw new errors.SessionNotCreatedError(`simSetup command '${line}' failed: ${r.stderr || r.stdout}`);
    }
    if (caps.appPackage) {
      if (!this.phone.apps.has(caps.appPackage)) {
        throw new errors.SessionNotCreatedError(`App '${caps.appPackage}' is not installed on the simulated phone`);
      }
      // Like UiAutomator2: autoGrantPermissions grants every declared runtime permission before launch.
      if (caps.autoGrantPermissions)
        for (const p of this.phone.perms.declared(caps.appPackage)) this.phone.perms.set(caps.appPackage, p, true);
      this.phone.startActivity(caps.appPackage, caps.appActivity);
    }
    return result;
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    this.phone = undefined;
    await super.deleteSession(sessionId);
  }

  private get p(): Phone {
    if (!this.phone) throw new errors.NoSuchDriverError('No simulated phone session');
    return this.phone;
  }

  // ---- W3C -------------------------------------------------------------------------------------------------------

  override async getPageSource(): Promise<string> {
    return pageSource(this.p.top(), this.p.m);
  }

  async getScreenshot(): Promise<string> {
    const p = this.p;
    const png = await screenshot(
      { windows: p.windows(), keyboard: p.keyboardShown, toast: p.toast, clock: p.now },
      p.m,
    );
    return png.toString('base64');
  }

  async getWindowRect() {
    return { x: 0, y: 0, width: this.p.m.width, height: this.p.m.height };
  }

  async getOrientation(): Promise<string> {
    return 'PORTRAIT';
  }

  override async findElOrEls(strategy: string, selector: string, mult: boolean, context?: string): Promise<any> {
    const w = this.p.top();
    const within = context ? this.node(context) : undefined;
    let found: Located[];
    try {
      found = locate(w, this.p.m, strategy, selector, within);
    } catch (e) {
      throw new errors.InvalidSelectorError((e as Error).message);
    }
    const wrap = (l: Located) => ({ ELEMENT: l.id, 'element-6066-11e4-a52e-4f735466cecf': l.id });
    if (mult) return found.map(wrap);
    if (!found[0]) throw new errors.NoSuchElementError(`No element found using ${strategy} '${selector}'`);
    return wrap(found[0]);
  }

  /** The node behind a WebDriver element id on the current screen; stale when it has gone. */
  private node(elementId: string): UiNode {
    const hitNode = indexWindow(this.p.top()).find((l) => l.id === elementId);
    if (!hitNode) throw new errors.StaleElementReferenceError(`Element ${elementId} is no longer on screen`);
    return hitNode.node;
  }

  private center(elementId: string): [number, number] {
    const [l, t, r, b] = this.node(elementId).bounds;
    return [Math.round((l + r) / 2), Math.round((t + b) / 2)];
  }

  async click(elementId: string): Promise<void> {
    const [x, y] = this.center(elementId);
    this.p.tap(x, y);
  }

  async setValue(text: string | string[], elementId: string): Promise<void> {
    const n = this.node(elementId);
    if (!n.field) throw new errors.InvalidElementStateError(`Element ${n.cls} is not a text field`);
    this.p.focus(n.key);
    n.field.set(Array.isArray(text) ? text.join('') : text);
    this.p.tick();
  }

  async clear(elementId: string): Promise<void> {
    const n = this.node(elementId);
    if (!n.field) throw new errors.InvalidElementStateError(`Element ${n.cls} is not a text field`);
    n.field.set('');
  }

  async getText(elementId: string): Promise<string> {
    return this.node(elementId).text;
  }

  async getName(elementId: string): Promise<string> {
    return this.node(elementId).cls;
  }

  async getAttribute(name: string, elementId: string): Promise<string | null> {
    return attribute(this.node(elementId), name);
  }

  async getElementRect(elementId: string) {
    const [l, t, r, b] = this.node(elementId).bounds;
    return { x: l, y: t, width: r - l, height: b - t };
  }

  async elementDisplayed(elementId: string): Promise<boolean> {
    return !!this.node(elementId);
  }

  async elementEnabled(elementId: string): Promise<boolean> {
    return this.node(elementId).enabled;
  }

  async elementSelected(elementId: string): Promise<boolean> {
    const n = this.node(elementId);
    return n.checked || n.selected;
  }

  async performActions(actions: any[]): Promise<void> {
    performActions(this.p, actions, (id) => this.center(id));
  }

  async releaseActions(): Promise<void> {}

  async back(): Promise<void> {
    this.p.pressKey(4);
  }

  async execute(script: string, args: unknown[]): Promise<unknown> {
    const params = (Array.isArray(args) ? args[0] : args) ?? {};
    return await this.executeMethod(script, [params as any]);
  }

  // ---- apps and keyboard (W3C Appium routes and mobile:) ---------------------------------------------------------

  async activateApp(appId: string): Promise<void> {
    if (!this.p.apps.has(appId)) throw new errors.InvalidArgumentError(`App '${appId}' is not installed`);
    this.p.activate(appId);
  }

  async terminateApp(appId: string): Promise<boolean> {
    return this.p.terminate(appId);
  }

  async mobileTerminateApp(appId: string): Promise<boolean> {
    return this.terminateApp(appId);
  }

  /** 0 not installed, 1 not running, 3 running in background, 4 running in foreground (Appium's ApplicationState). */
  async queryAppState(appId: string): Promise<number> {
    const p = this.p;
    if (!p.apps.has(appId)) return 0;
    if (!p.isRunning(appId)) return 1;
    return p.foregroundTask === appId ? 4 : 3;
  }

  async isAppInstalled(appId: string): Promise<boolean> {
    return this.p.apps.has(appId);
  }

  async hideKeyboard(): Promise<boolean> {
    return this.p.hideKeyboard();
  }

  async isKeyboardShown(): Promise<boolean> {
    return this.p.keyboardShown;
  }

  async getCurrentPackage(): Promise<string> {
    return this.p.currentPackage;
  }

  async getCurrentActivity(): Promise<string> {
    const pkg = this.p.currentPackage;
    const act = this.p.currentActivity;
    return act.startsWith(pkg + '.') ? act.slice(pkg.length) : act;
  }

  async getDeviceTime(format?: string): Promise<string> {
    const d = this.p.now;
    return format ? formatDate(d) : d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  }

  // ---- mobile: ---------------------------------------------------------------------------------------------------

  private point(elementId?: string, x?: number, y?: number): [number, number] {
    if (elementId) return this.center(elementId);
    if (typeof x !== 'number' || typeof y !== 'number')
      throw new errors.InvalidArgumentError('Give elementId, or both x and y');
    return [x, y];
  }

  async mobileClickGesture(elementId?: string, x?: number, y?: number): Promise<void> {
    this.p.tap(...this.point(elementId, x, y));
  }

  async mobileDoubleClickGesture(elementId?: string, x?: number, y?: number): Promise<void> {
    const pt = this.point(elementId, x, y);
    this.p.tap(...pt);
    this.p.tap(...pt);
  }

  async mobileLongClickGesture(elementId?: string, x?: number, y?: number, _duration?: number): Promise<void> {
    const [px, py] = this.point(elementId, x, y);
    this.p.tap(px, py, true);
  }

  private area(
    elementId?: string,
    left?: number,
    top?: number,
    width?: number,
    height?: number,
  ): [number, number, number, number] {
    if (elementId) return this.node(elementId).bounds;
    if ([left, top, width, height].every((v) => typeof v === 'number'))
      return [left!, top!, left! + width!, top! + height!];
    throw new errors.InvalidArgumentError('Give elementId, or left, top, width and height of the area to scroll');
  }

  async mobileScrollGesture(
    direction: Direction,
    percent: number,
    elementId?: string,
    left?: number,
    top?: number,
    width?: number,
    height?: number,
  ): Promise<boolean> {
    return scrollArea(this.p, this.area(elementId, left, top, width, height), direction, Number(percent), 'scroll');
  }

  async mobileSwipeGesture(
    direction: Direction,
    percent: number,
    elementId?: string,
    left?: number,
    top?: number,
    width?: number,
    height?: number,
  ): Promise<void> {
    scrollArea(this.p, this.area(elementId, left, top, width, height), direction, Number(percent), 'swipe');
  }

  async mobileType(text: string): Promise<void> {
    this.p.typeText(String(text));
  }

  async mobileReplaceElementValue(elementId: string, text: string): Promise<void> {
    await this.setValue(String(text), elementId);
  }

  async mobilePressKey(keycode: number): Promise<void> {
    this.p.pressKey(Number(keycode));
  }

  async mobileShell(
    command: string,
    args?: string[] | string,
    _timeout?: number,
    includeStderr?: boolean,
  ): Promise<unknown> {
    this.assertFeatureEnabled('adb_shell');
    const argv = args === undefined ? [] : Array.isArray(args) ? args.map(String) : [String(args)];
    const r = runShell(this.p, command, argv);
    if (r.code !== 0) {
      throw new errors.UnknownError(
        `Cannot execute the '${[command, ...argv].join(' ')}' shell command. Original error: Command exited with code ${r.code}. StdErr: ${r.stderr}`,
      );
    }
    return includeStderr ? { stdout: r.stdout, stderr: r.stderr } : r.stdout;
  }

  async mobileGetPermissions(type = 'requested', appPackage?: string): Promise<string[]> {
    const pkg = appPackage ?? this.p.foregroundTask;
    if (!this.p.apps.has(pkg)) throw new errors.InvalidArgumentError(`App '${pkg}' is not installed`);
    const declared = this.p.perms.declared(pkg);
    switch (type) {
      case 'requested':
        return declared;
      case 'granted':
        return declared.filter((x) => this.p.perms.isGranted(pkg, x));
      case 'denied':
        return declared.filter((x) => !this.p.perms.isGranted(pkg, x));
      default:
        throw new errors.InvalidArgumentError(`Unknown permissions type '${type}'. Use requested, granted or denied`);
    }
  }

  async mobileChangePermissions(
    permissions: string | string[],
    appPackage?: string,
    action = 'grant',
    target = 'pm',
  ): Promise<void> {
    const pkg = appPackage ?? this.p.foregroundTask;
    if (target !== 'pm')
      throw new errors.InvalidArgumentError(`The simulated phone supports target 'pm' only, not '${target}'`);
    if (action !== 'grant' && action !== 'revoke')
      throw new errors.InvalidArgumentError(`action must be grant or revoke, not '${action}'`);
    if (!this.p.apps.has(pkg)) throw new errors.InvalidArgumentError(`App '${pkg}' is not installed`);
    const list =
      permissions === 'all' ? this.p.perms.declared(pkg) : Array.isArray(permissions) ? permissions : [permissions];
    for (const perm of list) {
      if (!this.p.perms.declared(pkg).includes(perm)) {
        throw new errors.InvalidArgumentError(`Package ${pkg} has not requested permission ${perm}`);
      }
      this.p.perms.set(pkg, perm, action === 'grant');
    }
  }

  async mobileClearApp(appId: string): Promise<void> {
    if (!this.p.apps.has(appId)) throw new errors.InvalidArgumentError(`App '${appId}' is not installed`);
    this.p.clearData(appId);
  }

  async mobileStartActivity(...args: (string | undefined)[]): Promise<string> {
    const [, , , , , , intent, , pkg, uri, , , component] = args;
    const target = component ?? intent;
    if (target && target.includes('/')) {
      const [p, act] = target.split('/') as [string, string];
      try {
        this.p.startActivity(p, act);
      } catch (e) {
        throw new errors.InvalidArgumentError((e as Error).message);
      }
      return `Starting: Intent { cmp=${target} }`;
    }
    if (uri) {
      if (!this.p.deepLink(uri, pkg)) throw new errors.InvalidArgumentError(`No activity handles ${uri}`);
      return `Starting: Intent { dat=${uri} }`;
    }
    if (pkg) {
      this.p.startActivity(pkg);
      return `Starting: Intent { pkg=${pkg} }`;
    }
    throw new errors.InvalidArgumentError('Give component (pkg/.Activity), intent, package or uri');
  }

  async mobileDeepLink(url: string, pkg?: string): Promise<void> {
    if (!this.p.deepLink(url, pkg))
      throw new errors.InvalidArgumentError(`No installed app handles the deep link ${url}`);
  }

  async mobileListApps(): Promise<Record<string, Record<string, string>>> {
    const out: Record<string, Record<string, string>> = {};
    for (const a of [...this.p.apps.values()].sort((x, y) => x.package.localeCompare(y.package))) {
      out[a.package] = { appName: a.label, versionName: a.version };
    }
    return out;
  }

  async mobileBackgroundApp(seconds?: number): Promise<void> {
    const pkg = this.p.foregroundTask;
    this.p.goHome();
    if (typeof seconds === 'number' && seconds >= 0 && pkg !== LAUNCHER_PKG) this.p.activate(pkg);
  }

  async mobileDeviceInfo(): Promise<Record<string, unknown>> {
    const { m } = this.p;
    return {
      apiVersion: '34',
      platformVersion: '14',
      manufacturer: 'Google',
      model: 'sdk_gphone64_x86_64',
      brand: 'google',
      realDisplaySize: `${m.width}x${m.height}`,
      displayDensity: m.display.density,
      timeZone: 'UTC',
      locale: 'en_US',
    };
  }

  async mobileGetDisplayDensity(): Promise<number> {
    return this.p.m.display.density;
  }

  async mobileSetClipboard(content: string): Promise<void> {
    this.clipboard = Buffer.from(content, 'base64').toString('utf8');
  }

  async mobileGetClipboard(): Promise<string> {
    return Buffer.from(this.clipboard).toString('base64');
  }
}
