// The embedded Appium server: started in-process on 127.0.0.1 with the simulated phone's driver (and, when it is
// installed, UiAutomator2 for real devices). heed's own package.json is APPIUM_HOME, so Appium finds the drivers
// among heed's dependencies without `appium driver install`.
import { createServer } from 'node:net';
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

export async function startAppium(opts: AppiumServerOptions = {}): Promise<AppiumServer> {
  process.env.APPIUM_HOME ??= ROOT;
  const port = opts.port || (await freePort());
  const { main } = (await import('appium')) as unknown as { main: (args: Record<string, unknown>) => Promise<any> };
  const server = await main({
    port,
    address: '127.0.0.1',
    loglevel: opts.logLevel ?? 'error',
    useDrivers: opts.drivers ?? ['sim-android'],
    // mobile: shell is how tasks read device state (dumpsys, settings, content query), on the sim and on real devices.
    allowInsecure: ['*:adb_shell'],
    logNoColors: true,
  });
  if (!server || typeof server.close !== 'function') throw new Error(`Appium did not start on 127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await server.close();
    },
  };
}
