// The few adb facts heed needs on the host: where adb is and which devices are attached.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function adbPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.ANDROID_HOME ?? env.ANDROID_SDK_ROOT;
  const inSdk = root ? join(root, 'platform-tools', 'adb') : undefined;
  return inSdk && existsSync(inSdk) ? inSdk : 'adb';
}

export interface AdbDevice {
  serial: string;
  state: string;
}

/** `adb devices`; throws when adb cannot be run. */
export async function adbDevices(env: NodeJS.ProcessEnv = process.env): Promise<AdbDevice[]> {
  const { stdout } = await run(adbPath(env), ['devices'], { env, timeout: 10_000 });
  return stdout
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 2 && p[0])
    .map(([serial, state]) => ({ serial: serial!, state: state! }));
}

export async function adbShell(serial: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { stdout } = await run(adbPath(env), ['-s', serial, 'shell', ...args], { env, timeout: 10_000 });
  return stdout;
}
