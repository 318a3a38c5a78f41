// The embedded Appium server: started in-process on 127.0.0.1 with the simulated phone's driver (and, when it is
// installed, UiAutomator2 for real devices). APPIUM_HOME is the folder whose node_modules holds the sim driver, so
// Appium finds the drivers among installed packages without `appium driver install`.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { ROOT } from '../core/paths.js';

export interface AppiumServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface AppiumServerOptions {
  /** Port to listen on; a free one by default. */
  port?: number;
  /** Appium's log level: error by default so heed's output stays readable. */
  logLevel?: string;
  /** Driver names Appium may load. */
  drivers?: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Appium scans APPIUM_HOME/node_modules for drivers. In a checkout that is heed's own folder; where heed is a
 * dependency of another project, npm hoists the sim driver next to heed, so walk up as Node's resolution does.
 */
export function appiumHome(from: string = ROOT): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', '@heed', 'sim-android', 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export async function startAppium(opts: AppiumServerOptions = {}): Promise<AppiumServer> {
  process.env.APPIUM_HOME ??= appiumHome();
  const port = opts.port || (await freePort());
  const loglevel = opts.logLevel ?? 'error';
  const { main } = (await import('appium')) as unknown as { main: (args: Record<string, unknown>) => Promise<any> };
  // Appium's shared logger is at 'verbose' until main() applies loglevel, so its start-up lines ("dbug Appium
  // Creating hash file directory …") would print on every start: set the level first.
  const npmlog = (globalThis as { _global_npmlog?: { level: string } })._global_npmlog;
  if (npmlog) npmlog.level = loglevel;
  // Appium's main() is written for its own process: it adds SIGINT/SIGTERM handlers that shut its sessions down and
  // call process.exit(0). Embedded in heed, that would end an interrupted run or eval with exit 0, before heed writes
  // the summary: heed's own handlers (src/cli/signals.ts) stop the work and close the server, so Appium's go.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const server = await main({
    port,
    address: '127.0.0.1',
    loglevel,
    useDrivers: opts.drivers ?? ['sim-android'],
    // mobile: shell is how tasks read device state (dumpsys, settings, content query), on the sim and on real devices.
    allowInsecure: ['*:adb_shell'],
    logNoColors: true,
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    for (const l of process.listeners(sig)) if (!before[sig].includes(l)) process.off(sig, l);
  if (!server || typeof server.close !== 'function') throw new Error(`Appium did not start on 127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await server.close();
    },
  };
}
