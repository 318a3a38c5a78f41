// observe: the screen as the device reports it, and the app the step belongs to.
import { isPermissionScreen } from '../../consent/classify.js';
import { untilAborted } from '../../core/abort.js';
import type { Device, InstalledApp, Observation } from '../../device/device.js';
import { Unusable } from '../../policy/actions.js';
import type { Observed } from './types.js';

/**
 * The run's view of installed apps: one listApps per run (installed apps do not change during a run), for the
 * attribution of permission dialogs and for open_app by name.
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

  /**
   * A permission dialog belongs to the app that asked, not to the permission controller. Its message names the app
   * ("Allow TrailCam to …"); failing that, the last app seen is the one that asked.
   */
  async owner(obs: Observation): Promise<string> {
    if (!isPermissionScreen(obs.tree, obs.package)) return (this.last = obs.package);
    const named = requestingLabel(obs);
    const pkg = named && (await this.list()).find((a) => a.label === named)?.package;
    if (pkg) return (this.last = pkg);
    return this.last || obs.package;
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
    const hit =
      apps.find((a) => a.label?.toLowerCase() === want) ??
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
