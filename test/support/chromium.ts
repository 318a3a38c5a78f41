// One way for every test to open a real Chromium (see src/browser/chromium.ts for which one): playwright-core drives
// it; it never downloads a browser. The flags keep Chromium off the network it cannot reach anyway.
import { chromium, type Browser, type Page } from 'playwright-core';
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

/**
 * A screenshot kept for people to look at (test-results/screens). Headless Chromium under a loaded machine now and
 * then answers a full-page capture with "Unable to capture screenshot" while its compositor is busy; one more try
 * after a pause takes it. Any other error, or a second failure, is the test's.
 */
export async function shoot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<Buffer> {
  try {
    return await page.screenshot(options);
  } catch (e) {
    if (!/Unable to capture screenshot/.test((e as Error).message)) throw e;
    await new Promise((r) => setTimeout(r, 500));
    return page.screenshot(options);
  }
}
