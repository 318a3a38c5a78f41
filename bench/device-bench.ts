// `npm run bench`: what one step costs on the simulated phone through the real Appium + webdriverio path.
// Prints a table of medians; targets live here, not in timed tests.
import { openDevice } from '../src/device/open.js';

import { median, p90, table } from './stats.js';

async function time(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return out;
}

export async function deviceBench(RUNS: number): Promise<void> {
  const device = await openDevice({ device: 'sim' });
  try {
    await device.perform({ kind: 'open_app', package: 'com.android.settings' });
    const d = device.driver;
    const rows: [string, number[], string][] = [];
    let bytes = 0;
    rows.push([
      'screenshot (same screen, cached render)',
      await time(RUNS, async () => (bytes = (await d.takeScreenshot()).length)),
      '',
    ]);
    // Alternate two screens so every screenshot is a fresh render.
    rows.push([
      'screenshot (fresh render)',
      await time(RUNS, async (i) => {
        await device.perform({ kind: 'key', key: i % 2 ? 'back' : 'home' });
        if (i % 2 === 0) await device.perform({ kind: 'open_app', package: 'com.android.settings' });
        await d.takeScreenshot();
      }),
      'includes 1–2 navigation commands',
    ]);
    rows.push(['page source', await time(RUNS, () => d.getPageSource()), '']);
    rows.push([
      'tap (mobile: clickGesture)',
      await time(RUNS, () => device.perform({ kind: 'tap', x: 540, y: 1200 })),
      '',
    ]);
    rows.push([
      'observe() (screenshot + source + package + activity + parse)',
      await time(RUNS, () => device.observe()),
      '',
    ]);
    rows.push([
      'mobile: shell dumpsys package',
      await time(RUNS, () => device.shell('dumpsys', ['package', 'com.heed.trailcam'])),
      '',
    ]);
    console.log(`\nDevice — simulated phone via Appium + webdriverio, ${RUNS} runs each, 1080×2400\n`);
    console.log(
      table(
        ['operation', 'median ms', 'p90 ms', 'note'],
        rows.map(([name, xs, note]) => [name, median(xs).toFixed(1), p90(xs).toFixed(1), note]),
      ),
    );
    console.log(`\nscreenshot PNG: ${Math.round((bytes * 3) / 4 / 1024)} KiB`);
  } finally {
    await device.close();
  }
}
