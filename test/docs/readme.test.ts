// Every command the README shows is either run here, through bash with `npx heed` as the built bin, or named with
// the reason it cannot run on this machine and the test that covers it instead. A new command in the README that is
// neither fails this test.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The commands of every sh block: continuation lines joined, comments and `# output` lines dropped. */
function commands(): string[] {
  const out: string[] = [];
  for (const [, body] of README.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)) {
    const joined = body!.replace(/\\\n\s*/g, ' ');
    let quoted = '';
    for (const raw of joined.split('\n')) {
      // A quoted string over several lines (echo "…\n…" | heed reply) stays one command.
      const line = quoted ? `${quoted}\n${raw}` : raw;
      if ((line.match(/"/g) ?? []).length % 2 === 1) {
        quoted = line;
        continue;
      }
      quoted = '';
      const cmd = line.replace(/\s{2,}#.*$/, '').trim();
      if (cmd && !cmd.startsWith('#')) out.push(cmd);
    }
  }
  return out;
}

/** Run here: the exit code each must have (the README's own words say what it prints). */
const RUN: Record<string, { code: number; out?: RegExp; timeout?: number }> = {
  'npx heed inspect fixtures/ui-dumps/04-perm-location-precise-approx.xml': { code: 0, out: /Consent points:/ },
  'npx heed inspect fixtures/ui-dumps/04-perm-location-precise-approx.xml --json': {
    code: 0,
    out: /"consentPoints": \[/,
  },
  'npx heed inspect --live --app com.heed.trailcam': {
    code: 0,
    out: /Allow TrailCam to access this device’s location\?/,
  },
  'npx heed --version': { code: 0, out: /^\d+\.\d+\.\d+$/m },
  'npx heed doctor': { code: 0, out: /heed can run here/ },
  'npx heed doctor --real': { code: 1, out: /fix: / }, // no emulator here: every missing piece with its fix
  'npx heed memory list': { code: 0 },
  'npx heed memory forget location --profile hands-on': { code: 2, out: /hands-on has no memory/ },
  'npx heed eval --suite tasks --grep trailcam --baselines --list': { code: 0, out: /episodes; no agent episodes/ },
  'npx heed eval --suite tasks --task trailcam-photo --baselines --shard 1/2 --out runs/ci-1': {
    code: 0,
    timeout: 240,
  },
  'npx heed eval --suite tasks --task trailcam-photo --baselines --shard 2/2 --out runs/ci-2': {
    code: 0,
    timeout: 240,
  },
  'npx heed eval --merge runs/ci-1 runs/ci-2 --out runs/ci --reporter junit --fail-under sr=1': {
    code: 0,
    out: /junit\.xml/,
  },
  'echo "Thought: tap it\nAction: click(start_box=\'(177,549)\')" | npx heed reply --family ui-tars-1.5 --image 1080x2400':
    {
      code: 0,
      out: /"action":\s*"tap"/,
    },
};

/** Not run here, each with why and what covers it. */
const ELSEWHERE: Record<string, string> = {
  'npm install && npm start': '.ci/run on a fresh clone; test/cli/demo.test.ts runs the demo',
  'npm install && npm test': '.ci/run on a fresh clone (this test is part of it)',
  'npx heed eval --suite tasks --baselines':
    'minutes: test/eval/whole-suite.test.ts (npm run test:suite) runs exactly this',
  'npm run bench': 'minutes, timings: npm run bench is its own script',
  'npm run adversarial':
    'minutes: npm run test:adversarial (test/adversarial) runs the same scenarios and asserts no bypass, crash or hang',
  'npm run bench:consent':
    'prints the corpus tables: test/eval/consent-bench.test.ts runs the same scoring and asserts its floors',
  'npm run data:permissions -- <mirror git dir> > src/consent/classify/permission-requests.json':
    'needs a git mirror of AOSP PermissionController: test/consent/permission.test.ts checks the table it wrote',
  'npx heed doctor --model': 'needs a model endpoint: test/llm/preflight.test.ts runs it against a scripted one',
  'npx heed report runs/eval-2026-…': 'a placeholder folder: test/report/eval-report.test.ts',
  'npx heed report runs/eval-2026-… --open': 'opens a browser: test/report/eval-report.test.ts (the real bin)',
  'npx heed report runs/eval-2026-… --serve': 'a server: test/report/eval-report.test.ts',
  'npx heed eval --resume runs/eval-2026-…': 'a placeholder folder: test/eval/resume.test.ts',
  'npx heed eval --suite tasks --baselines --user web': 'a person in a browser: test/user/web.test.ts',
  'npx heed eval --suite tasks --split proactive --logs noisy ...': 'needs a model (the ...): test/eval/eval.test.ts',
  'HEED_AGENT_MODEL=… HEED_USER_MODEL=… HEED_JUDGE_MODEL=… npx heed eval --suite tasks --baselines --devices 2':
    'needs three models: test/eval/eval.test.ts scripts them',
  'echo "<reply>" | npx heed reply --family qwen2.5-vl --image 1080x2400':
    'a placeholder reply: test/cli/reply.test.ts',
};
/** Commands that need a model endpoint, a real emulator or an Android SDK, which this machine has not. */
const NEEDS =
  /HEED_AGENT_MODEL=gpt|HEED_AGENT_BASE_URL=|--device emulator|emulator\/scripts|ANDROID_HOME|vllm|ollama|--user web|--user terminal|--profile privacy-first$|--mode knowu/;

function bash(cmd: string, timeout: number): Promise<{ code: number; out: string }> {
  // `npx heed` is the built bin (test/package/bin.test.ts runs npx itself).
  const script = `npx() { if [ "$1" = heed ]; then shift; node dist/src/cli/main.js "$@"; else command npx "$@"; fi; }\n${cmd}`;
  return new Promise((resolve) =>
    execFile(
      'bash',
      ['-c', script],
      { cwd: ROOT, timeout: timeout * 1000, env: { ...process.env, HEED_HOME: join(ROOT, 'runs', 'docs-home') } },
      (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );
}

describe('the README', () => {
  const all = commands();

  test('opens with the two set-up commands', () => {
    expect(all.slice(0, 2)).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  test('every command is run here or named with what covers it', () => {
    const unclassified = all.filter((c) => !(c in RUN) && !(c in ELSEWHERE) && !NEEDS.test(c));
    expect(unclassified).toEqual([]);
    // And the lists hold nothing the README no longer shows.
    expect(Object.keys(RUN).filter((c) => !all.includes(c))).toEqual([]);
    expect(Object.keys(ELSEWHERE).filter((c) => !all.includes(c))).toEqual([]);
  });

  test('the commands that can run here run as the README says', async () => {
    for (const d of ['ci', 'ci-1', 'ci-2', 'docs-home'])
      rmSync(join(ROOT, 'runs', d), { recursive: true, force: true });
    for (const [cmd, want] of Object.entries(RUN)) {
      const r = await bash(cmd, want.timeout ?? 60);
      expect({ cmd, code: r.code }).toEqual({ cmd, code: want.code });
      if (want.out) expect({ cmd, out: r.out }).toEqual({ cmd, out: expect.stringMatching(want.out) });
    }
  }, 600_000);
});
