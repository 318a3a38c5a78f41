// One way for every test to open a real Chromium (see src/browser/chromium.ts for which one): playwright-core drives
// it; it never downloads a browser. The flags keep Chromium off the network it cannot reach anyway.
import { chromium, type Browser } from 'playwright-core';
import { findChromium, type Chromium } from '../../src/browser/chromium.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(which: Chromium = findChromium()): Promise<Browser> {
  return chromium.launch({
    executablePath: which.path,
    args: CHROMIUM_ARGS,
    env: { ...(process.env as Record<string, string>), ...which.env },
  });
}
