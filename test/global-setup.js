// One real Appium server (with the simulated phone's driver) for the whole test run. It runs in jest's parent
// process, outside the test sandbox, because Appium and its drivers are CommonJS that requires ESM-only packages.
import { loadConfig } from '../dist/src/core/config.js';
import { startAppium } from '../dist/src/device/appium-server.js';

export default async function globalSetup() {
  const { appium } = loadConfig(process.env);
  const server = await startAppium({ port: appium.port, logLevel: appium.logLevel });
  globalThis.__HEED_APPIUM__ = server;
  // Workers are forked after this and inherit it: openDevice({device: 'sim'}) connects here instead of starting one.
  process.env.HEED_SIM_APPIUM_URL = server.url;
}
