// The real-emulator path: the same AppiumDevice as the simulated phone, only other capabilities. A fake adb on PATH
// and a fake WebDriver server record what heed sends.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { jest } from '@jest/globals';
import { main } from '../../src/cli/main.js';
import { DeviceError } from '../../src/core/errors.js';
import { ROOT } from '../../src/core/paths.js';
import { AppiumDevice } from '../../src/device/appium-device.js';
import { loadConfig } from '../../src/core/config.js';
import { openDevice } from '../../src/device/open.js';
import { simCapabilities } from '../../src/device/capabilities.js';
import type { DeviceAction } from '../../src/device/device.js';

interface Recorded {
  method: string;
  path: string;
  body: any;
}

async function fakeWebDriver(): Promise<{ url: string; calls: Recorded[]; close(): Promise<void> }> {
  const calls: Recorded[] = [];
  // A fresh session id per server: webdriverio remembers deleted ids.
  const sessionId = `fake-${Math.random().toString(36).slice(2)}`;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    calls.push({ method: req.method!, path: req.url!, body });
    let value: unknown = null;
    if (req.url === '/session' && req.method === 'POST')
      value = { sessionId, capabilities: { platformName: 'Android' } };
    if (req.url?.endsWith('/window/rect')) value = { x: 0, y: 0, width: 1080, height: 2400 };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value }));
  });
  // webdriverio keeps connections alive; Node's 5 s idle timeout would reset one mid-test on a loaded machine.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Forwards to an Appium server and records the requests, like fakeWebDriver does. */
async function recordingProxy(target: string): Promise<{ url: string; calls: Recorded[]; close(): Promise<void> }> {
  const calls: Recorded[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    calls.push({ method: req.method!, path: req.url!, body: raw ? JSON.parse(raw) : undefined });
    const r = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: { 'content-type': 'application/json' },
      body: raw || undefined,
    });
    res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
  });
  // webdriverio keeps connections alive; Node's 5 s idle timeout would reset one mid-test on a loaded machine.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function fakeAdb(devices: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'heed-adb-'));
  writeFileSync(
    join(bin, 'adb'),
    `#!/usr/bin/env bash\nif [ "$1" = devices ]; then printf 'List of devices attached\\n${devices}\\n'; fi\n`,
  );
  chmodSync(join(bin, 'adb'), 0o755);
  return bin;
}

const ACTIONS: DeviceAction[] = [
  { kind: 'tap', x: 10, y: 20 },
  { kind: 'long_press', x: 10, y: 20 },
  { kind: 'type', text: 'hi' },
  { kind: 'scroll', direction: 'down' },
  { kind: 'key', key: 'back' },
  { kind: 'open_app', package: 'com.android.settings' },
];

function scripts(calls: Recorded[]): string[] {
  return calls
    .filter((c) => c.path.endsWith('/execute/sync'))
    .map((c) => `${c.body.script} ${JSON.stringify(c.body.args[0])}`);
}

describe('real devices', () => {
  const saved = {
    path: process.env.PATH,
    url: process.env.HEED_APPIUM_URL,
    serial: process.env.ANDROID_SERIAL,
    home: process.env.ANDROID_HOME,
  };
  afterEach(() => {
    process.env.PATH = saved.path;
    for (const [k, v] of [
      ['HEED_APPIUM_URL', saved.url],
      ['ANDROID_SERIAL', saved.serial],
      ['ANDROID_HOME', saved.home],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test('--device emulator: UiAutomator2 capabilities with the first booted adb device, autoGrantPermissions false', async () => {
    const wd = await fakeWebDriver();
    process.env.PATH = `${fakeAdb('emulator-5556\\toffline\\nemulator-5554\\tdevice')}:${saved.path}`;
    process.env.HEED_APPIUM_URL = wd.url;
    delete process.env.ANDROID_SERIAL;
    delete process.env.ANDROID_HOME;
    try {
      // The command line reads the environment once (src/core/config.ts); so does this test, after setting it.
      const device = await openDevice({ device: 'emulator', config: loadConfig(process.env) });
      expect(device).toBeInstanceOf(AppiumDevice);
      const caps = wd.calls.find((c) => c.path === '/session')!.body.capabilities.alwaysMatch;
      expect(caps).toMatchObject({
        platformName: 'Android',
        'appium:automationName': 'UiAutomator2',
        'appium:autoGrantPermissions': false,
        'appium:udid': 'emulator-5554',
      });
      await device.close();
    } finally {
      await wd.close();
    }
  });

  test('the same device code sends the same commands to a real Appium as to the simulated phone; only capabilities differ', async () => {
    const wd = await fakeWebDriver();
    const capsFile = join(mkdtempSync(join(tmpdir(), 'heed-caps-')), 'caps.json');
    writeFileSync(capsFile, JSON.stringify({ 'appium:udid': 'R58M123', 'appium:noReset': false }));
    try {
      const real = await openDevice({ device: wd.url, capabilitiesFile: capsFile });
      for (const a of ACTIONS) await real.perform(a);
      const caps = wd.calls.find((c) => c.path === '/session')!.body.capabilities.alwaysMatch;
      expect(caps).toMatchObject({
        'appium:automationName': 'UiAutomator2',
        'appium:udid': 'R58M123',
        'appium:noReset': false,
        'appium:autoGrantPermissions': false,
      });
      // Every command is a mobile: method that UiAutomator2 has.
      const ua2 = JSON.parse(
        execFileSync(
          process.execPath,
          [
            '-e',
            "import('appium-uiautomator2-driver').then(m=>{const D=m.AndroidUiautomator2Driver??m.default.AndroidUiautomator2Driver??m.default;process.stdout.write(JSON.stringify(Object.keys(D.executeMethodMap)))})",
          ],
          { encoding: 'utf8' },
        ),
      ) as string[];
      const sent = scripts(wd.calls);
      expect(sent).toEqual([
        'mobile: clickGesture {"x":10,"y":20}',
        'mobile: longClickGesture {"x":10,"y":20,"duration":1000}',
        'mobile: type {"text":"hi"}',
        'mobile: scrollGesture {"left":0,"top":360,"width":1080,"height":1680,"direction":"down","percent":0.7}',
        'mobile: pressKey {"keycode":4}',
        'mobile: activateApp {"appId":"com.android.settings"}',
      ]);
      for (const s of sent) expect(ua2).toContain(s.split(' {')[0]);
      await real.close();
      // The simulated phone, reached through a recording proxy, gets exactly the same calls from the same code.
      const proxy = await recordingProxy(process.env.HEED_SIM_APPIUM_URL!);
      try {
        const sim = await openDevice({ device: proxy.url, capabilities: simCapabilities() });
        for (const a of ACTIONS) await sim.perform(a);
        await sim.close();
        expect(scripts(proxy.calls)).toEqual(sent);
      } finally {
        await proxy.close();
      }
    } finally {
      await wd.close();
    }
  });

  test('no ready device and a bad capabilities file give errors that say what to do', async () => {
    process.env.PATH = `${fakeAdb('emulator-5554\\toffline')}:${saved.path}`;
    delete process.env.ANDROID_SERIAL;
    delete process.env.ANDROID_HOME;
    await expect(openDevice({ device: 'emulator' })).rejects.toThrow(
      /No ready device \(adb sees emulator-5554 offline\)[\s\S]*emulator-start\.sh/,
    );
    const bad = join(mkdtempSync(join(tmpdir(), 'heed-caps-')), 'caps.json');
    writeFileSync(bad, '[1, 2]');
    await expect(openDevice({ device: 'http://127.0.0.1:9', capabilitiesFile: bad })).rejects.toThrow(
      /Cannot use capabilities file .*not a JSON object/,
    );
    await expect(openDevice({ device: 'my-phone' })).rejects.toThrow(/Unknown device 'my-phone'/);
  });

  test('no device, or no adb: the environment would not let heed start (exit 3), not a bad command line (2)', async () => {
    delete process.env.ANDROID_SERIAL;
    delete process.env.ANDROID_HOME;
    process.env.PATH = `${fakeAdb('')}:${saved.path}`;
    const none = openDevice({ device: 'emulator' });
    await expect(none).rejects.toThrow(/No Android device is attached/);
    await expect(none).rejects.toBeInstanceOf(DeviceError);
    process.env.PATH = mkdtempSync(join(tmpdir(), 'heed-no-adb-')); // no adb anywhere
    const noAdb = openDevice({ device: 'emulator' });
    await expect(noAdb).rejects.toThrow(/adb could not be run/);
    await expect(noAdb).rejects.toBeInstanceOf(DeviceError);
    const lines: string[] = [];
    const err = jest.spyOn(console, 'error').mockImplementation((s) => lines.push(String(s)));
    try {
      const code = await main(
        [
          'run',
          '--task',
          join(ROOT, 'tasks/suite/trailcam-photo.yaml'),
          '--device',
          'emulator',
          '--user',
          'scripted',
          '--out',
          mkdtempSync(join(tmpdir(), 'heed-runs-')),
        ],
        () => {},
      );
      expect(code).toBe(3);
      expect(lines.join('\n')).toMatch(/adb could not be run[\s\S]*install platform-tools/);
    } finally {
      err.mockRestore();
    }
  });
});
