// observe: the screen as the device reports it, and the app the step belongs to.
//
// Decisions key on the package that asks, never on a label (issue #10 item 6): any app may call itself "TrailCam".
// A permission dialog belongs to the task it was raised in, which `dumpsys activity activities` names; a label is
// used only when exactly one installed app has it, and otherwise the step belongs to no known app (so nothing
// remembered for another package covers it).
import { ambiguousApp } from '../../core/app-key.js';
import { isPermissionScreen } from '../../consent/classify.js';
import { settingsAppLabel } from '../../consent/settings-screens.js';
import { untilAborted } from '../../core/abort.js';
import type { Device, InstalledApp, Observation } from '../../device/device.js';
import { Unusable } from '../../policy/actions.js';
import type { Observed } from './types.js';

const PERMISSION_UI = /permissioncontroller|packageinstaller/;

/**
 * The run's view of installed apps: one listApps per run (installed apps do not change during a run), for the
 * attribution of permission dialogs and Settings pages, and for open_app by name.
 */
export class Apps {
  private installed?: Promise<InstalledApp[]>;
  /** The last app a step belonged to. */
  private last = '';

  constructor(
    private readonly device: Device,
    private readonly signal?: AbortSignal,
  ) {}

  list(): Promise<InstalledApp[]> {
    this.installed ??= this.device.listApps();
    this.installed.catch(() => (this.installed = undefined)); // a failed listing is asked again next time
    return untilAborted(this.installed, this.signal);
  }

  /** The app the screen's step belongs to: its window's package, or for a dialog or Settings page, the app it is about. */
  async owner(obs: Observation): Promise<string> {
    // A Settings or PermissionController page about one app (App info, its permissions, its special access) shows
    // the app in its header: the step is that app's.
    const about =
      obs.package === 'com.android.settings' || PERMISSION_UI.test(obs.package)
        ? settingsAppLabel(obs.tree)
        : undefined;
    if (about) return this.byLabel(about, obs.package);
    if (isPermissionScreen(obs.tree, obs.package)) return (this.last = await this.requester(obs));
    return (this.last = obs.package);
  }

  /** The package whose task raised the permission dialog. */
  private async requester(obs: Observation): Promise<string> {
    const task = await this.taskPackage();
    if (task) return task;
    const named = requestingLabel(obs);
    if (!named) return this.last || obs.package;
    // The app seen just before the dialog, when it carries the label the dialog names.
    const apps = await this.list();
    if (this.last && apps.find((a) => a.package === this.last)?.label === named) return this.last;
    return this.byLabel(named, obs.package);
  }

  /** The package of the resumed activity's task, unless it is the permission UI itself (then unknown). */
  private async taskPackage(): Promise<string | undefined> {
    let out: string;
    try {
      out = await this.device.shell('dumpsys activity activities');
    } catch {
      return undefined;
    }
    const resumed = /mResumedActivity: ActivityRecord\{\S+ u\d+ ([\w.]+)\//.exec(out)?.[1];
    return resumed && !PERMISSION_UI.test(resumed) ? resumed : undefined;
  }

  /** The one installed app with this label; with none or several, a key that matches no real package. */
  private async byLabel(label: string, fallback: string): Promise<string> {
    const hits = (await this.list()).filter((a) => a.label === label);
    if (hits.length === 1) return hits[0]!.package;
    return hits.length
      ? ambiguousApp(
          label,
          hits.map((a) => a.package),
        )
      : fallback;
  }

  /** The name people know an app by ("TrailCam"), when the device lists it. */
  async labelOf(pkg: string): Promise<string | undefined> {
    try {
      return (await this.list()).find((a) => a.package === pkg)?.label || undefined;
    } catch {
      return undefined;
    }
  }

  /** The package for an app name or package (open_app). */
  async packageOf(app: string): Promise<string> {
    if (/^[a-z][\w]*(\.[\w]+)+$/.test(app)) return app;
    const apps = await this.list();
    const want = app.toLowerCase();
    const exact = apps.filter((a) => a.label?.toLowerCase() === want);
    if (exact.length > 1)
      throw new Unusable(
        `several apps are called "${app}" (${exact.map((a) => a.package).join(', ')}): name the package`,
      );
    const hit =
      exact[0] ??
      apps.find(
        (a) => a.label?.toLowerCase().includes(want) || a.package.toLowerCase().includes(want.replace(/\s+/g, '')),
      );
    if (!hit) {
      const names = apps.map((a) => a.label ?? a.package).slice(0, 30);
      throw new Unusable(`no installed app matches "${app}" (installed: ${names.join(', ')})`);
    }
    return hit.package;
  }
}

function requestingLabel(obs: Observation): string | undefined {
  const msg = obs.tree.elements.find((e) => e.resourceId.endsWith(':id/permission_message'))?.text ?? '';
  return /^Allow (.+?) to /.exec(msg)?.[1];
}

export async function observe(step: number, device: Device, apps: Apps, signal?: AbortSignal): Promise<Observed> {
  const obs = await untilAborted(device.observe(), signal);
  const app = await apps.owner(obs);
  const appLabel = await apps.labelOf(app);
  return { step, obs, app, ...(appLabel ? { appLabel } : {}) };
}
