// The run's lifecycle on the real bin: SIGINT / SIGTERM stop it at once with a summary and exit 130 / 143; the time
// budget holds against an endpoint that stalls; Appium dying mid-run ends it as device-lost, and the failing close
// does not hide that.
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeLlm, type Reply } from '../support/fake-llm.js';
import { runDirWith, spawnHeed, until } from '../support/bin.js';

const ROOT = join(import.meta.dirname ?? '', '..', '..');
const open = JSON.stringify({ action: 'open_app', app: 'Settings' });
const back = JSON.stringify({ action: 'back' });
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
const stepsOf = (dir: string) =>
  readFileSync(join(dir, 'steps.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

async function heedRun(respond: (n: number) => Reply | Promise<Reply>, env: Record<string, string | undefined> = {}) {
  const llm = await startFakeLlm((_req, n) => respond(n));
  const out = mkdtempSync(join(tmpdir(), 'heed-life-'));
  const p = spawnHeed(
    [
      'run',
      'Open Settings and look around',
      '--profile',
      'balanced',
      '--user',
      'scripted',
      '--no-memory',
      '--out',
      out,
    ],
    { HEED_AGENT_MODEL: 'scripted-vlm', HEED_AGENT_BASE_URL: llm.baseURL, HEED_AGENT_MAX_RETRIES: '0', ...env },
  );
  return { llm, out, p };
}

describe('heed run stops cleanly', () => {
  test.each([
    ['SIGINT', 130, 'the shared Appium'],
    ['SIGTERM', 143, 'the shared Appium'],
    // Without HEED_SIM_APPIUM_URL heed embeds its own Appium server, as every user's `heed run` does; Appium's main()
    // adds SIGINT/SIGTERM handlers of its own that exit 0 before heed writes anything, unless heed removes them.
    ['SIGINT', 130, 'its own embedded Appium'],
    ['SIGTERM', 143, 'its own embedded Appium'],
  ] as const)(
    '%s mid-run: summary.json says interrupted, the phone is closed, exit %d (%s)',
    async (sig, code, via) => {
      // Step 1 opens Settings; step 2's model call never returns.
      const env = via === 'the shared Appium' ? {} : { HEED_SIM_APPIUM_URL: undefined };
      const { llm, out, p } = await heedRun((n) => (n === 0 ? open : { stall: 'silent' }), env);
      try {
        const dir = await until(() => runDirWith(out, 1), 60_000, 'the first step');
        await until(() => llm.requests.length >= 2, 30_000, 'the second model call');
        p.child.kill(sig);
        const { code: got, ms } = await p.exited;
        expect(got).toBe(code);
        expect(summaryOf(dir)).toMatchObject({ outcome: 'interrupted', message: `interrupted by ${sig}`, steps: 2 });
        expect(stepsOf(dir).at(-1)).toMatchObject({ step: 2, status: 'error', error: { stage: 'propose' } });
        expect(p.output()).toContain(`${sig}: stopping`);
        expect(p.output()).toMatch(/■ interrupted: interrupted by SIG/);
        expect(p.output()).toContain('stopped and closed the phone');
        expect(p.output()).toContain('run the command again');
        expect(p.output()).not.toContain('warning: closing failed');
        expect(p.output()).not.toMatch(/\n\s+at /); // no stack
        expect(ms).toBeLessThan(60_000);
      } finally {
        p.child.kill('SIGKILL');
        await llm.close();
      }
    },
  );
});

describe('a signal while the task sets up or checks the device', () => {
  test.each([
    ['its setup', 'reset-permissions', { steps: 0 }],
    ['a check', 'trailcam.photos/photos', { claimed: 'success' }],
  ] as const)('SIGINT while %s waits on the device: interrupted, exit 130', async (_when, needle, more) => {
    // A proxy in front of jest's Appium that never answers one `mobile: shell` command (a device that hangs there).
    const target = process.env.HEED_SIM_APPIUM_URL!;
    let stalled = 0;
    const proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      if (body.includes(needle)) return void stalled++;
      const up = request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const out = mkdtempSync(join(tmpdir(), 'heed-life-'));
    const p = spawnHeed(
      ['run', '--task', join(ROOT, 'tasks/suite/trailcam-photo.yaml'), '--profile', 'privacy-first'].concat([
        '--user',
        'scripted',
        '--no-memory',
        '--out',
        out,
      ]),
      { HEED_SIM_APPIUM_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
    );
    try {
      await until(() => stalled > 0, 60_000, 'the stalled command');
      p.child.kill('SIGINT');
      const { code } = await p.exited;
      expect(code).toBe(130);
      const dir = join(out, readdirSync(out)[0]!);
      expect(summaryOf(dir)).toMatchObject({
        outcome: 'interrupted',
        message: 'interrupted by SIGINT',
        ...more,
      });
      expect(p.output()).toMatch(/■ interrupted: interrupted by SIGINT/);
    } finally {
      p.child.kill('SIGKILL');
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});

describe('the time budget holds whatever the endpoint does', () => {
  test('HEED_MAX_SECONDS=30 with an endpoint that sends headers and stalls: ends within 35 s as budget', async () => {
    const { llm, out, p } = await heedRun(() => ({ stall: 'headers' }), {
      HEED_MAX_SECONDS: '30',
      HEED_AGENT_MAX_RETRIES: '3',
      HEED_AGENT_TIMEOUT_MS: '60000',
    });
    try {
      const { code, ms } = await p.exited;
      const dir = runDirWith(out, 1)!;
      expect(summaryOf(dir)).toMatchObject({ outcome: 'budget', message: 'time budget of 30 s used up' });
      expect(stepsOf(dir)[0]).toMatchObject({ status: 'error', error: { stage: 'propose', outcome: 'budget' } });
      expect(code).toBe(1);
      // The run (from its first step) ends within 35 s; the process also boots a phone first.
      expect(summaryOf(dir).wallMs).toBeLessThan(35_000);
      expect(ms).toBeLessThan(60_000);
    } finally {
      p.child.kill('SIGKILL');
      await llm.close();
    }
  }, 60_000);
});

describe('the device going away', () => {
  test('Appium killed mid-run: device-lost with its cause in summary.json; the failing close does not mask it', async () => {
    // An Appium server of its own, in a process this test can kill.
    const appium = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { startAppium } = await import(${JSON.stringify(join(import.meta.dirname ?? '', '..', '..', 'dist', 'src', 'device', 'appium-server.js'))}); const s = await startAppium(); console.log('URL ' + s.url);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let log = '';
    appium.stdout!.on('data', (d) => (log += String(d)));
    try {
      const url = await until(() => /URL (\S+)/.exec(log)?.[1], 60_000, 'Appium to start');
      // The model answers slowly enough for the kill to land between steps.
      const { llm, out, p } = await heedRun(
        async (n) => {
          await new Promise((r) => setTimeout(r, 300));
          return n === 0 ? open : back;
        },
        { HEED_SIM_APPIUM_URL: url },
      );
      try {
        const dir = await until(() => runDirWith(out, 1), 60_000, 'the first step');
        appium.kill('SIGKILL');
        const { code } = await p.exited;
        expect(code).toBe(3);
        expect(summaryOf(dir)).toMatchObject({ outcome: 'device-lost' });
        expect(summaryOf(dir).message).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|socket|session/);
        expect(stepsOf(dir).at(-1)).toMatchObject({ status: 'error', error: { outcome: 'device-lost' } });
        expect(p.output()).toMatch(/■ device-lost: /);
        expect(p.output()).toMatch(/warning: closing failed/);
        expect(p.output()).not.toMatch(/\n\s+at /);
      } finally {
        p.child.kill('SIGKILL');
        await llm.close();
      }
    } finally {
      appium.kill('SIGKILL');
    }
  }, 120_000);
});
