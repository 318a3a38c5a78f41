// The configuration tests run under: the environment jest's workers inherit (HEED_SIM_APPIUM_URL from globalSetup
// points every simulated phone at the one Appium server), read the way the command line reads it.
import { loadConfig } from '../../src/core/config.js';

export const testConfig = loadConfig(process.env);
