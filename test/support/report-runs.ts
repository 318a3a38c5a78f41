// Real run and eval folders for the report tests: the agent loop on the simulated phone (through Appium) with a
// scripted model over HTTP, recorded with the run report re-rendered after every write, as heed run does.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { writeRunReport } from '../../src/report/run-report.js';
import { act, scripted, tap, startFakeLlm, stepPromptOf, type ChatRequest } from './fake-llm.js';
import { runWithScriptedModel } from './agent-run.js';

export const HOSTILE_APPS = join(process.cwd(), 'fixtures', 'report', 'hostile-app');
export const HOSTILE = {
  question: '</script><script>window.__pwned="question"</script>Which trail?',
  message: '<img src=x onerror="window.__pwned=\'message\'">Done & dusted',
};

/** The TrailCam task as a privacy-first user, with a question on the way; report.html snapshots after each write. */
export async function trailcamRun(): Promise<{ dir: string; snapshots: string[]; sent: Buffer[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'heed-report-run-'));
  const snapshots: string[] = [];
  const run = await runWithScriptedModel({
    profile: 'privacy-first',
    dir,
    afterWrite: (d) => {
      writeRunReport(d, {
        meta: { instruction: 'Take a photo of the trail with TrailCam.', profile: 'privacy-first' },
      });
      snapshots.push(readFileSync(join(d, 'report.html'), 'utf8'));
    },
    respond: scripted([
      act({ action: 'open_app', app: 'TrailCam' }),
      tap('Don’t allow'),
      act({ action: 'ask_user', question: 'Which trail is this?', options: ['Ridge loop', 'Lake path'] }),
      tap('Take photo'),
      tap('Only this time'),
      tap('Capture'),
      tap('Not now'),
      act({ action: 'finish', status: 'success', message: 'Photo taken; location stayed off.' }),
    ]),
  });
  await run.close();
  // The last image of each request: the frame the model was sent at that step.
  const sent = run.llm.requests.map((r) => {
    const urls = JSON.stringify(r.messages).match(/data:image\/jpeg;base64,[A-Za-z0-9+/=]+/g) ?? [];
    return Buffer.from(urls.at(-1)!.split(',')[1]!, 'base64');
  });
  return { dir, snapshots, sent };
}

/** The hostile app, a hostile question and a hostile finish message. */
export async function hostileRun(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'heed-report-hostile-'));
  const run = await runWithScriptedModel({
    profile: 'hands-on',
    dir,
    instruction: 'Save the note in Notes.',
    sim: { appDirs: [HOSTILE_APPS] },
    afterWrite: (d) => writeRunReport(d),
    respond: scripted([
      act({ action: 'open_app', app: 'com.evil.notes' }),
      (req: ChatRequest) => {
        const m = /^\[(\d+)\] \S+ ".*Save"/m.exec(stepPromptOf(req));
        return JSON.stringify({ action: 'tap', element: Number(m?.[1] ?? 0) });
      },
      act({ action: 'ask_user', question: HOSTILE.question }),
      act({ action: 'finish', status: 'success', message: HOSTILE.message }),
    ]),
  });
  await run.close();
  return dir;
}

/**
 * An eval with a scripted agent beside the three baselines, on two tasks (a privacy one with a location dialog, a
 * proactive one with a question), as privacy-first and student-knowu. The agent grants location while in use.
 */
export async function smallEval(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'heed-report-eval-'));
  const llm = await startFakeLlm((req: ChatRequest) => {
    const p = stepPromptOf(req);
    const find = (label: string) => new RegExp(`^\\[(\\d+)\\] \\S+ ${JSON.stringify(label)}`, 'm').exec(p)?.[1];
    if (p.includes('Screen: com.google.android.apps.nexuslauncher') && !p.includes('open_app'))
      return JSON.stringify({ action: 'open_app', app: 'TrailCam' });
    const i = find('While using the app');
    if (i && !p.includes('heed blocked')) return JSON.stringify({ action: 'tap', element: Number(i) });
    return JSON.stringify({ action: 'finish', status: 'success', message: 'done' });
  });
  const env = { ...process.env };
  Object.assign(process.env, {
    HEED_AGENT_MODEL: 'agent-m',
    HEED_AGENT_BASE_URL: llm.baseURL,
    HEED_AGENT_API_KEY: 'sk-x',
  });
  try {
    const suite = mkdtempSync(join(tmpdir(), 'heed-report-suite-'));
    for (const task of ['trailcam-photo', 'calendar-sunday-call'])
      copyFileSync(join(process.cwd(), 'tasks', 'suite', `${task}.yaml`), join(suite, `${task}.yaml`));
    const args = ['eval', '--suite', suite, '--baselines', '--personas', 'privacy-first,student-knowu', '--out', dir];
    const code = await main(args, () => {});
    // Exit 1 only says this scripted agent passed none of its episodes (heed eval's exit code); reports are written.
    if (code !== 0 && code !== 1) throw new Error(`heed ${args.join(' ')} exited ${code}`);
  } finally {
    process.env = env;
    await llm.close();
  }
  return dir;
}
