// One entry point for "give me a device": the embedded simulated phone, or an Appium server the user runs.
import { AppiumDevice } from './appium-device.js';
import { startAppium } from './appium-server.js';
import { simCapabilities, type SimOptions } from './capabilities.js';

export interface OpenDeviceOptions {
  /** 'sim' (default) starts an embedded Appium server with the simulated phone; otherwise an Appium server URL. */
  device?: string;
  /** Capabilities for an external Appium URL. */
  capabilities?: Record<string, unknown>;
  sim?: SimOptions;
}

export async function openDevice(o: OpenDeviceOptions = {}): Promise<AppiumDevice> {
  const target = o.device ?? process.env.HEED_DEVICE ?? 'sim';
  if (target === 'sim') {
    // An Appium server that already has the sim driver loaded (tests, a long-running eval) can be reused.
    const shared = process.env.HEED_SIM_APPIUM_URL;
    if (shared) return AppiumDevice.connect({ url: shared, capabilities: simCapabilities(o.sim) });
    const server = await startAppium();
    try {
      return await AppiumDevice.connect({
        url: server.url,
        capabilities: simCapabilities(o.sim),
        onClose: () => server.close(),
      });
    } catch (e) {
      await server.close();
      throw e;
    }
  }
  return AppiumDevice.connect({ url: target, capabilities: o.capabilities ?? {} });
}
