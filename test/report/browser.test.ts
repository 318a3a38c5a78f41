// The reports in real Chromium at 1280 and 390 px: nothing wider than the screen, nothing clipped, no chart label over
// another, frames enlarge, filters, sorting and the side-by-side view work, a hostile app's text runs no script, a
// running report reloads itself. Screenshots of every view go to runs/report-screenshots/ for people to look at.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Results } from '../../src/eval/results.js';
import { writeRunReport } from '../../src/report/run-report.js';
import { launchChromium, shoot } from '../support/chromium.js';
import { hostileRun, smallEval, trailcamRun } from '../support/report-runs.js';

const SHOTS = join(process.cwd(), 'runs', 'report-screenshots');
const WIDTHS = [1280, 390] as const;

let browser: Browser;
let runDir: string;
let evalDir: string;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  runDir = (await trailcamRun()).dir;
  evalDir = await smallEval();
}, 300_000); // two real runs and an eval on the simulated phone: room on a loaded machine
afterAll(async () => {
  await browser?.close();
});

/** Load every lazy image now, so screenshots and measurements see the page as a reader scrolling through would. */
async function loadImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const imgs = Array.from(document.images);
    for (const i of imgs) i.loading = 'eager';
    await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => ((i.onload = r), (i.onerror = r))))));
  });
}

/** What sticks out: wider than the viewport, or cut by its own box (ellipsis with a title excepted). */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > innerWidth)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
    for (const e of Array.from(document.querySelectorAll('body *'))) {
      if (e.closest('dialog:not([open]), [hidden], details:not([open]) > :not(summary)')) continue;
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      if (r.right > innerWidth + 1) out.push(`${name(e)} ends at ${Math.round(r.right)}`);
      const s = getComputedStyle(e);
      const clips = s.overflowX !== 'visible' && !(s.textOverflow === 'ellipsis' && e.hasAttribute('title'));
      if (clips && e.scrollWidth > e.clientWidth + 1 && !['auto', 'scroll'].includes(s.overflowX))
        out.push(`${name(e)} is cut: ${e.scrollWidth} > ${e.clientWidth}`);
    }
    return out;
  });
}

/** Texts of the charts that cover one another (a tick label under an axis title, two labels on one spot). */
async function chartClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of Array.from(document.querySelectorAll('.charts svg'))) {
      const texts = Array.from(svg.querySelectorAll('text'))
        .map((t) => ({ s: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter((t) => t.r.width > 0);
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i]!.r, texts[j]!.r];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            out.push(`"${texts[i]!.s}" × "${texts[j]!.s}"`);
        }
    }
    return out;
  });
}

async function open(file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 844 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(pathToFileURL(file).href);
  await loadImages(page);
  return page;
}

const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

describe('the run report in Chromium', () => {
  for (const width of WIDTHS)
    test(`at ${width} px: fits, frames enlarge with the touched element outlined`, async () => {
      const page = await open(join(runDir, 'report.html'), width);
      try {
        expect(await overflows(page)).toEqual([]);
        await shoot(page, { path: join(SHOTS, `run-${width}.png`), fullPage: true });
        // Step 4 ("Take photo"): its frame enlarges in a dialog, outline and all; arrows step through the run.
        await page.locator('#s-4 a.shot').click();
        const dialog = page.locator('dialog#zoom');
        await dialog.waitFor();
        expect(await page.locator('#zcap').textContent()).toMatch(/^4\. tap \[14\] "Take photo"/);
        const img = (await dialog.locator('img').boundingBox())!;
        const box = (await dialog.locator('.box').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(img.x - 3);
        expect(box.x + box.width).toBeLessThanOrEqual(img.x + img.width + 3);
        expect(img.height).toBeGreaterThan(width > 500 ? 600 : 500);
        await shoot(page, { path: join(SHOTS, `run-zoom-${width}.png`) });
        await page.keyboard.press('ArrowRight');
        expect(await page.locator('#zcap').textContent()).toMatch(/^5\. tap \[10\] "Only this time"/);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

  test('a hostile app and hostile model replies run no script, and read as text', async () => {
    const dir = await hostileRun();
    const page = await open(join(dir, 'report.html'), 1280);
    try {
      await page.getByText('<img src=x onerror="window.__pwned=\'message\'">Done & dusted').first().waitFor();
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('body img:not([src^="frames/"])').count()).toBe(0);
      expect(errorsOf(page)).toEqual([]);
      await shoot(page, { path: join(SHOTS, 'run-hostile-1280.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  test('a report of a run still going reloads itself and shows the new step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-live-'));
    cpSync(runDir, dir, { recursive: true });
    const lines = readFileSync(join(dir, 'steps.jsonl'), 'utf8').trim().split('\n');
    rmSync(join(dir, 'summary.json'));
    writeFileSync(join(dir, 'steps.jsonl'), lines.slice(0, 3).join('\n') + '\n');
    writeRunReport(dir);
    const page = await open(join(dir, 'report.html'), 390);
    try {
      await page.getByText('running: 3 step(s) so far').waitFor();
      expect(await page.locator('#s-4').count()).toBe(0);
      appendFileSync(join(dir, 'steps.jsonl'), lines[3] + '\n');
      writeRunReport(dir);
      await page.locator('#s-4').waitFor({ timeout: 10_000 });
      await page.getByText('running: 4 step(s) so far').waitFor();
    } finally {
      await page.close();
    }
  });
});

describe('the eval report in Chromium', () => {
  const results = () => JSON.parse(readFileSync(join(evalDir, 'results.json'), 'utf8')) as Results;
  const visible = (page: Page) =>
    page.$$eval('details.ep:not([hidden])', (els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));

  for (const width of WIDTHS)
    test(`at ${width} px: fits; an episode opens on its steps; two policies side by side`, async () => {
      const page = await open(join(evalDir, 'report.html'), width);
      try {
        expect(await overflows(page)).toEqual([]);
        expect(await chartClashes(page)).toEqual([]);
        await shoot(page, { path: join(SHOTS, `eval-${width}.png`), fullPage: true });
        // Always-allow as privacy-first on TrailCam: its violations are marked on the steps, against the persona.
        const ep = page.locator(
          'details.ep[data-policy="always-allow"][data-task="trailcam-photo"][data-persona="privacy-first"]',
        );
        await ep.locator('summary').click();
        await loadImages(page);
        await ep.getByText('✗ violation: privacy-first denies location').first().waitFor();
        expect(await overflows(page)).toEqual([]);
        await ep.screenshot({ path: join(SHOTS, `eval-episode-${width}.png`) });
        await ep.getByRole('button', { name: 'reference' }).click();
        const cmp = page.locator('#compare');
        await cmp.waitFor();
        expect(await cmp.locator('#cmp-cols > div').count()).toBe(2);
        expect(await cmp.locator('#cmp-cols > div').nth(1).locator('li.card').count()).toBeGreaterThan(3);
        expect(page.url()).toContain(
          'cmp=always-allow__trailcam-photo__privacy-first__r0+reference__trailcam-photo__privacy-first__r0',
        );
        await loadImages(page);
        expect(await overflows(page)).toEqual([]);
        await cmp.screenshot({ path: join(SHOTS, `eval-compare-${width}.png`) });
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

  test('filters, search and sorting work, and the filtered view is a link', async () => {
    const r = results();
    const page = await open(join(evalDir, 'report.html'), 1280);
    try {
      expect(await page.locator('#shown').textContent()).toBe(`${r.episodes.length} of ${r.episodes.length} episodes`);
      await page.getByLabel('failures only').check();
      const failed = r.episodes.filter((e) => !e.success).length;
      expect(failed).toBeGreaterThan(0);
      expect(await visible(page)).toHaveLength(failed);
      expect((await visible(page)).every((e) => e.success === '0')).toBe(true);
      await page.getByLabel('failures only').uncheck();
      await page.getByLabel('with violations').check();
      expect((await visible(page)).map((e) => e.policy)).toEqual(
        r.episodes.filter((e) => e.violations > 0).map((e) => e.policy),
      );
      await page.getByLabel('with violations').uncheck();
      await page.locator('select[name="policy"]').selectOption('agent');
      expect(new Set((await visible(page)).map((e) => e.policy))).toEqual(new Set(['agent']));
      await page.locator('select[name="policy"]').selectOption('');
      await page.getByLabel('search').fill('calendar');
      expect(new Set((await visible(page)).map((e) => e.task))).toEqual(new Set(['calendar-sunday-call']));
      await page.getByLabel('search').fill('');
      await page.locator('select[name="sort"]').selectOption('violations-desc');
      const v = (await visible(page)).map((e) => Number(e.violations));
      expect(v).toEqual([...v].sort((a, b) => b - a));
      expect(v[0]).toBe(Math.max(...r.episodes.map((e) => e.violations)));
      // The state is in the URL: reloading (or sharing the link) shows the same view.
      await page.locator('select[name="split"]').selectOption('proactive');
      const url = page.url();
      expect(url).toContain('#split=proactive&sort=violations-desc');
      await page.reload();
      expect(await page.locator('select[name="split"]').inputValue()).toBe('proactive');
      expect(new Set((await visible(page)).map((e) => e.split))).toEqual(new Set(['proactive']));
      await shoot(page, { path: join(SHOTS, 'eval-filtered-1280.png'), fullPage: true });
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
