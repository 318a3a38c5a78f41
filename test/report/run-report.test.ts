// The per-run report.html: written as the run goes (after every step) from the real loop on the simulated phone,
// readable captions, decisions in words, the touched element outlined, and nothing from an app or a model reply
// able to inject markup or script.
import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { readRun } from '../../src/report/read.js';
import { runReportHtml, writeRunReport } from '../../src/report/run-report.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { HOSTILE, hostileRun, trailcamRun } from '../support/report-runs.js';

const FIXTURES = join(process.cwd(), 'fixtures', 'report', 'format-2f7e1ad');

/** The page's text with tags removed, entities decoded: what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the per-run report', () => {
  let run: { dir: string; snapshots: string[]; sent: Buffer[] };
  beforeAll(async () => {
    run = await trailcamRun();
  }, 120_000);

  test('is rewritten after every step: running while it runs, the outcome at the end', () => {
    const steps = readRun(run.dir).steps.length;
    expect(steps).toBe(8);
    // One render per step line and one for the summary.
    expect(run.snapshots).toHaveLength(steps + 1);
    const first = run.snapshots[0]!;
    expect(first).toContain('<body data-live="4">');
    expect(text(first)).toContain('running: 1 step(s) so far');
    expect(text(first)).toContain('open_app TrailCam');
    expect(text(first)).not.toContain('Don’t allow');
    const last = readFileSync(join(run.dir, 'report.html'), 'utf8');
    expect(last).toBe(run.snapshots.at(-1));
    expect(last).not.toContain('data-live');
    expect(text(last)).toContain('success: Photo taken; location stayed off.');
  });

  test('captions as the terminal prints them, decisions in words, questions with their answers', () => {
    const t = text(readFileSync(join(run.dir, 'report.html'), 'utf8'));
    for (const caption of [
      'tap [15] "Don’t allow"',
      'tap [14] "Take photo"',
      'tap [10] "Only this time"',
      'finish success',
    ])
      expect(t).toContain(caption);
    expect(t).not.toMatch(/\{"action"/); // never raw JSON
    expect(t).toContain('location · deny a protective choice: needs no consent');
    expect(t).toContain('camera · allow once asked: the user allowed it once');
    expect(t).toContain('TrailCam could take pictures and record video this time only, until you leave the app.');
    expect(t).toMatch(/Asked: Which trail is this\? \(Ridge loop \/ Lake path\) Answer: \S/);
    expect(t).toMatch(/tokens 8000 in · 160 out/);
  });

  test('each frame is the one the model saw, the touched element outlined where it is on that frame', () => {
    const html = readFileSync(join(run.dir, 'report.html'), 'utf8');
    const frames = [...html.matchAll(/<img loading="lazy" src="(frames\/step-\d{3}\.jpg)"/g)].map((m) => m[1]!);
    expect(frames).toHaveLength(8);
    // Byte for byte what the model was sent (redactions and set-of-mark numbers as sent), step by step.
    expect(run.sent).toHaveLength(8);
    frames.forEach((f, i) => expect(readFileSync(join(run.dir, f)).equals(run.sent[i]!)).toBe(true));
    // Step 4 taps "Take photo": its box, from the record, as percentages of the frame.
    const rec = readRun(run.dir).steps.find((s) => s.target?.label === 'Take photo')!;
    const [l, t] = rec.target!.box!;
    const { width, height } = rec.frameSize!;
    const card = new RegExp(`id="s-${rec.step}"[\\s\\S]*?<span class="box" style="left:([\\d.]+)%;top:([\\d.]+)%`).exec(
      html,
    )!;
    expect(Number(card[1])).toBeCloseTo((l / width) * 100, 1);
    expect(Number(card[2])).toBeCloseTo((t / height) * 100, 1);
  });

  test('an app’s texts and the model’s replies are shown as text, never as markup or script', async () => {
    const dir = await hostileRun();
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    // The only script is heed's own, pinned by its hash in the page's CSP.
    expect(html.match(/<script/g)).toHaveLength(1);
    const csp = /script-src 'sha256-([^']+)'/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(createHash('sha256').update(script).digest('base64')).toBe(csp);
    expect(html).not.toMatch(/<img src=x|<b>Notes|onerror="/);
    const t = text(html);
    expect(t).toContain(HOSTILE.message);
    expect(t).toContain(HOSTILE.question);
    expect(t).toContain('tap [6] "<script>window.__pwned=\'button\'</script>Save"');
  });
});

test('a run the model got stuck in: the report says so, and what was wrong with each reply', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heed-report-stuck-'));
  const run = await runWithScriptedModel({
    profile: 'balanced',
    dir,
    afterWrite: (d) => writeRunReport(d),
    respond: () => 'I would rather not say.',
  });
  await run.close();
  expect(run.result.outcome).toBe('stuck');
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  expect(html).toContain('<span class="status s-stuck">stuck</span>');
  const t = text(html);
  expect(t.match(/\(no valid action\) → not usable/g)).toHaveLength(3);
  expect(t).toContain('No usable action: ');
});

describe('heed report', () => {
  const copy = (what: string) => {
    const dir = mkdtempSync(join(tmpdir(), `heed-report-${what}-`));
    cpSync(join(FIXTURES, what), dir, { recursive: true });
    return dir;
  };
  const heed = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await main(['report', ...args], (s) => lines.push(s));
    return { code, out: lines.join('\n') };
  };

  test('re-renders a run folder written by an older heed (commit 2f7e1ad)', async () => {
    const dir = copy('run');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    const { code, out } = await heed(dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^run report: .*report\.html \(\d+ KB\)$/);
    const t = text(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(t).toContain('success: Photo taken; location stayed off and backup was declined.');
    expect(t).toContain('tap [15] "Don’t allow"');
    expect(t).toContain('camera · allow once asked: the user allowed it once');
  });

  test('re-renders an eval folder written by an older heed, moved away from where it was written', async () => {
    const dir = copy('eval');
    const { code, out } = await heed(dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^eval report: .*report\.html \(9 episodes; \d+ KB\)$/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    // Frames are found under episodes/<key>/, not at the dead absolute path the records hold.
    const frames = [...html.matchAll(/src="(episodes\/[^"]+\.jpg)"/g)].map((m) => m[1]!);
    expect(frames.length).toBeGreaterThan(20);
    for (const f of frames) expect(existsSync(join(dir, f))).toBe(true);
    expect(html.match(/<details class="ep /g)).toHaveLength(9);
    // Always-allow as privacy-first: its violations are marked on the steps.
    expect(text(html)).toContain('✗ violation');
    // These records hold "outcome: message" in one field.
    expect(text(html)).toContain('✗ failed — 2 of 4 checks pass. The run ended success: Photo taken;');
    // Each episode got its own report, and summary.md its legend.
    expect(existsSync(join(dir, 'episodes', 'reference__trailcam-photo__privacy-first__r0', 'report.html'))).toBe(true);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('- **PQSR@0.7**: ');
  });

  test('an eval that did not finish renders from its episodes, and says so', async () => {
    const dir = copy('eval');
    rmSync(join(dir, 'results.json'));
    rmSync(join(dir, 'episodes', 'reference__trailcam-photo__privacy-first__r0'), { recursive: true });
    const { code, out } = await heed(dir);
    expect(code).toBe(0);
    expect(out).toContain('8 episodes, rebuilt from the finished episodes: the eval did not finish');
    expect(text(readFileSync(join(dir, 'report.html'), 'utf8'))).toContain('The eval did not finish');
  });

  test('a folder that is neither, or is missing, is refused saying what to give', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await heed(join(tmpdir(), 'no-such-heed-folder'))).code).toBe(2);
      expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/is not a folder/);
      expect((await heed(mkdtempSync(join(tmpdir(), 'heed-empty-')))).code).toBe(2);
      expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/holds no run .* and no eval/);
      expect((await heed()).code).toBe(2);
      expect((await heed(copy('run'), '--port', '8080')).code).toBe(2);
      expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/--port applies to --serve/);
    } finally {
      err.mockRestore();
    }
  });

  test('renders a run that is still going without a summary, as running', () => {
    const dir = copy('run');
    rmSync(join(dir, 'summary.json'));
    const html = runReportHtml(readRun(dir));
    expect(html).toContain('data-live="4"');
    expect(text(html)).toContain('running: 7 step(s) so far');
    expect(text(runReportHtml(readRun(dir), { stopped: true }))).toContain('stopped after 7 step(s)');
  });
});
