// `npm start`: boot the simulated phone behind the embedded Appium server, open TrailCam, and show what is on screen.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDevice } from '../device/open.js';
import { formatTree } from './inspect.js';

export async function demoCommand(_argv: string[], out: (s: string) => void): Promise<number> {
  const t0 = Date.now();
  out('Starting the embedded Appium server with the simulated Android phone (SimAndroid)…');
  const device = await openDevice({ device: 'sim' });
  try {
    out(`Session open after ${Date.now() - t0} ms. Opening TrailCam, which asks for location on start.`);
    await device.perform({ kind: 'open_app', package: 'com.heed.trailcam' });
    const obs = await device.observe();
    out(`\nOn screen: ${obs.package} / ${obs.activity}  (${obs.deviceSize.width}×${obs.deviceSize.height})\n`);
    out(formatTree(obs.tree));
    const dir = join('runs', 'demo');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'screen.png'), obs.screenshot);
    await writeFile(join(dir, 'page-source.xml'), obs.pageSource);
    out(`\nScreenshot: ${join(dir, 'screen.png')}   Page source: ${join(dir, 'page-source.xml')}`);
    const grants = (await device.shell('dumpsys', ['package', 'com.heed.trailcam']))
      .split('\n')
      .filter((l) => l.includes('LOCATION'));
    out(`Location grant state (dumpsys package):\n${grants.join('\n')}`);
  } finally {
    await device.close();
  }
  return 0;
}
