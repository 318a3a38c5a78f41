// The approval page in real Chromium (a system one, or the one npm installs: test/support/chromium.ts).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { explain } from '../../src/consent/explain.js';
import { WebUser } from '../../src/user/web.js';
import type { ConsentRequest } from '../../src/user/channel.js';
import { act, scripted, tap } from '../support/fake-llm.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { launchChromium, shoot } from '../support/chromium.js';

const SHOTS = join(process.cwd(), 'runs', 'web-screenshots');
const TRAILCAM = 'com.heed.trailcam';
const req: ConsentRequest = {
  app: 'com.x',
  category: 'camera',
  grant: 'allow_foreground',
  irreversible: false,
  action: 'tap',
  evidence: 'e',
  reason: 'r',
};

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 120_000); // the first launch inflates the bundled Chromium; a loaded machine needs the room
afterAll(async () => {
  await browser?.close();
});

/** Start a hands-on run that will ask about location, with the web page as the user. */
async function pausedRun(web: WebUser) {
  return runWithScriptedModel({
    profile: 'hands-on',
    user: () => web,
    respond: scripted([
      act({ action: 'open_app', app: 'TrailCam' }),
      tap('While using the app'),
      act({ action: 'finish', status: 'success', message: 'ok' }),
    ]),
  });
}

describe('the browser approval page', () => {
  test('a run paused on the location dialog is approved from the page and proceeds; screenshots at phone and desktop size', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const running = pausedRun(web);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    let finished = false;
    try {
      await page.goto(web.url);
      // The question in the user's words: what the tap grants and for how long; the enum names only in details.
      await page.getByRole('heading', { name: 'Let heed tap “While using the app” in TrailCam?' }).waitFor();
      await page.getByText('TrailCam could use your precise location whenever the app is open.').waitFor();
      await page.getByText('That lasts until you change it in Settings.').waitFor();
      expect(await page.locator('#req-details').getByText('allow_foreground', { exact: true }).isVisible()).toBe(false);
      // "While using the app" lasts: the yes says what it taps, never "only this time" (it is answer `allow`) …
      const yes = page.locator('button[data-answer="allow"]', { hasText: 'Yes, tap “While using the app”' });
      await yes.waitFor();
      await page.getByText('TrailCam keeps it until you change it in Settings; heed asks again next time').waitFor();
      expect(await yes.getByText(/this time/i).count()).toBe(0);
      // … and the narrower choice the dialog has is its own answer (issue #10: "allow once" never grants lasting).
      await page.locator('button[data-answer="allow_once"]', { hasText: 'Only this time instead' }).waitFor();
      await page.getByText(/^\d+ s left\. No answer means deny: heed will not do it\.$/).waitFor();
      // The token left the address bar; the frame shows, with the target marked.
      expect(page.url()).not.toContain(web.token);
      await page.locator('#frame').waitFor({ state: 'visible' });
      await page.waitForFunction(() => (document.getElementById('frame') as HTMLImageElement).naturalWidth > 0);
      expect(await page.locator('#mark').isVisible()).toBe(true);
      // On a phone the question and its answers come first, the screen below them, and nothing is wider than it.
      const top = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
      expect(await top('#req-buttons')).toBeLessThan(await top('#screen'));
      expect(await top('#req-buttons')).toBeLessThan(844);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shoot(page, { path: join(SHOTS, 'approval-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      // On a desktop the screen sits beside the question.
      expect((await page.locator('#screen').boundingBox())!.x).toBeLessThan(
        (await page.locator('#request').boundingBox())!.x,
      );
      await shoot(page, { path: join(SHOTS, 'approval-desktop.png'), fullPage: true });
      // Keyboard: focus is on the request, and "o" answers "only this time": heed taps "Only this time" instead.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('req-title');
      await page.keyboard.press('o');
      await page.getByText('Answer sent.').waitFor();
      const run = await running;
      finished = true;
      try {
        expect(run.result.outcome).toBe('success');
        expect(run.result.ledger.entries[0]).toMatchObject({
          category: 'location',
          verdict: 'allow',
          source: 'user',
          answer: 'allow_once',
          grant: 'allow_once',
        });
        // Granted for this time only: the one-time flag, not a lasting grant.
        expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toMatch(
          /ACCESS_FINE_LOCATION: granted=true, flags=\[[^\]]*ONE_TIME/,
        );
        // The timeline on the page shows the run's steps.
        await page.getByText(/finish .*→ finish: success/).waitFor();
      } finally {
        await run.close();
      }
    } finally {
      await page.close();
      await web.close();
      if (!finished) await (await running).close(); // a failed expectation must not leave the run waiting
    }
  });

  test('Deny from the page blocks the step', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const running = pausedRun(web);
    const page = await browser.newPage();
    try {
      await page.goto(web.url);
      await page.locator('button[data-answer="deny"]', { hasText: 'No' }).click();
      const run = await running;
      try {
        expect(run.result.ledger.entries[0]).toMatchObject({ verdict: 'block', source: 'user', answer: 'deny' });
        expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
      } finally {
        await run.close();
      }
    } finally {
      await page.close();
      await web.close();
    }
  });

  test('a wrong token gets 403; a cross-origin POST is refused, from Node and from a page on another origin', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const pending = web.consent(req);
    try {
      expect((await fetch(`${web.origin}/?token=nope`)).status).toBe(403);
      expect((await fetch(`${web.origin}/`)).status).toBe(403);
      const post = (headers: Record<string, string>) =>
        fetch(`${web.origin}/answer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ id: 1, answer: 'allow_once' }),
        });
      expect((await post({ origin: web.origin, 'x-heed-token': 'wrong' })).status).toBe(403);
      expect((await post({ origin: 'http://evil.example', 'x-heed-token': web.token })).status).toBe(403);
      expect((await post({ 'x-heed-token': web.token })).status).toBe(403); // no Origin at all
      // A page served from another origin that somehow knows the token still cannot answer.
      const evil = createServer((_q, s) => s.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'));
      await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
      const page = await browser.newPage();
      try {
        await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
        const outcome = await page.evaluate(
          async ([url, token]) => {
            try {
              const r = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-heed-token': token },
                body: JSON.stringify({ id: 1, answer: 'always' }),
              });
              return `status ${r.status}`;
            } catch (e) {
              return `blocked: ${(e as Error).message}`;
            }
          },
          [`${web.origin}/answer`, web.token] as const,
        );
        expect(outcome).toMatch(/^blocked/);
      } finally {
        await page.close();
        await new Promise((r) => evil.close(r));
      }
      // Still pending: nothing above answered it. The right answer from the right origin does.
      expect((await post({ origin: web.origin, 'x-heed-token': web.token })).status).toBe(200);
      expect(await pending).toEqual({ kind: 'allow_once' });
      // A second answer is refused clearly.
      const again = await post({ origin: web.origin, 'x-heed-token': web.token });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('already answered');
    } finally {
      await web.close();
    }
  });

  test('if nobody answers, the request is denied at the timeout, and a late answer is refused', async () => {
    const web = await new WebUser({ announce: () => {}, timeoutS: 0.3 }).start();
    try {
      // Denied, and said to be a timeout: the ledger records no answer, not the user's deny.
      expect(await web.consent(req)).toEqual({ kind: 'deny', source: 'timeout' });
      const late = await fetch(`${web.origin}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: web.origin, 'x-heed-token': web.token },
        body: JSON.stringify({ id: 1, answer: 'always' }),
      });
      expect(late.status).toBe(410);
      expect(await late.text()).toContain('timed out and was denied');
    } finally {
      await web.close();
    }
  });

  test('questions: options by number key, or free text', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const q = web.ask({ question: 'Which group should see the photo?', options: ['Family', 'Friends', 'Only me'] });
      await page.goto(web.url);
      await page.getByRole('heading', { name: 'heed asks: Which group should see the photo?' }).waitFor();
      await page.keyboard.press('2');
      expect(await q).toBe('Friends');
      const q2 = web.ask({ question: 'What should the post say?' });
      await page.getByRole('heading', { name: 'heed asks: What should the post say?' }).waitFor();
      await page.keyboard.press('i');
      await page.keyboard.type('Sunset at the lake');
      await page.keyboard.press('Enter');
      expect(await q2).toBe('Sunset at the lake');
    } finally {
      await page.close();
      await web.close();
    }
  });
});

describe('the approval page in the user’s words', () => {
  const trailcamSignIn: ConsentRequest = {
    ...req,
    app: 'com.heed.trailcam',
    appLabel: 'TrailCam',
    category: 'account_signin',
    grant: 'accept',
    label: 'Sign in with Google',
    explanation: explain({ category: 'account_signin', grant: 'accept', irreversible: false }, 'TrailCam'),
  };

  test('categories as people say them, decisions in words, the countdown with the request, no broken image', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // What the countdown said at the moment each request's title was painted (the same update, or half a second late).
    await page.addInitScript(() => {
      const seen: { title: string; countdown: string }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      document.addEventListener('DOMContentLoaded', () => {
        const title = document.getElementById('req-title')!;
        const record = () =>
          seen.push({
            title: title.textContent ?? '',
            countdown: document.getElementById('countdown')!.textContent ?? '',
          });
        new MutationObserver(record).observe(title, { childList: true, characterData: true, subtree: true });
      });
    });
    try {
      web.notify({ step: 1, action: 'tap [15] "Don’t allow"', outcome: 'done', decision: 'allow by protective' });
      web.notify({ step: 2, action: 'tap [10] "Only this time"', outcome: 'done', decision: 'allow by user' });
      web.notify({ step: 3, action: 'tap [4] "Pay"', outcome: 'blocked', decision: 'block by profile' });
      const signIn = web.consent(trailcamSignIn); // no screen comes with it
      await page.goto(web.url);
      await page.getByRole('heading', { name: 'Let heed tap “Sign in with Google” in TrailCam?' }).waitFor();
      expect(await page.locator('#req-topic').textContent()).toBe('sign-in · TrailCam');
      const shown = await page.locator('#request').innerText(); // what a reader sees: "Details" stays folded
      expect(shown).not.toMatch(/account.signin/);
      expect(shown).toContain('does not ask about sign-in in TrailCam again');
      expect(shown).toContain('always says no to sign-in in TrailCam');
      const seen = await page.evaluate(
        () => (window as unknown as { seen: { title: string; countdown: string }[] }).seen,
      );
      expect(seen.find((s) => s.title.includes('Sign in with Google'))?.countdown).toMatch(
        /^\d+ s left\. No answer means deny: heed will not do it\.$/,
      );
      // No screen came: the page says so, with no broken image beside it.
      expect(await page.locator('#noframe').isVisible()).toBe(true);
      expect(await page.locator('#frame').isVisible()).toBe(false);
      const timeline = await page.locator('#timeline').innerText();
      expect(timeline).toContain('a protective choice: needs no consent');
      expect(timeline).toContain('you allowed it');
      expect(timeline).toContain('blocked by the profile');
      expect(timeline).not.toMatch(/allow by|block by/);
      await shoot(page, { path: join(SHOTS, 'approval-words-phone.png'), fullPage: true });
      await page.keyboard.press('o');
      expect(await signIn).toEqual({ kind: 'allow_once' });
    } finally {
      await page.close();
      await web.close();
    }
  });

  test('a step heed cannot name offers no "always" or "never": heed remembers no answer about it', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const unknown = web.consent({
        ...trailcamSignIn,
        category: 'unknown',
        label: 'Continue',
        explanation: explain({ category: 'unknown', grant: 'accept', irreversible: false }, 'TrailCam'),
      });
      await page.goto(web.url);
      await page.getByRole('heading', { name: 'Let heed tap “Continue” in TrailCam?' }).waitFor();
      expect(await page.locator('#req-buttons button').evaluateAll((b) => b.map((x) => x.dataset.answer))).toEqual([
        'allow_once',
        'deny',
      ]);
      await page.getByText('no answer about it is remembered after this run').waitFor();
      // The keys of the answers it does not offer send nothing.
      await page.keyboard.press('a');
      await page.keyboard.press('n');
      await new Promise((r) => setTimeout(r, 300));
      expect(await page.locator('#status').textContent()).toBe('');
      await page.keyboard.press('d');
      expect(await unknown).toEqual({ kind: 'deny' });
    } finally {
      await page.close();
      await web.close();
    }
  });
});

describe('the approval page behind heed eval', () => {
  test('requests from parallel episodes queue up and are answered one at a time', async () => {
    const web = await new WebUser({ announce: () => {} }).start();
    try {
      const first = web.consent(req);
      const second = web.consent({ ...req, category: 'location' });
      const post = (id: number, answer: string) =>
        fetch(`${web.origin}/answer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: web.origin, 'x-heed-token': web.token },
          body: JSON.stringify({ id, answer }),
        });
      expect((await post(2, 'deny')).status).toBe(409); // not shown yet
      expect((await post(1, 'allow_once')).status).toBe(200);
      expect(await first).toEqual({ kind: 'allow_once' });
      await new Promise((r) => setTimeout(r, 20));
      expect((await post(2, 'deny')).status).toBe(200);
      expect(await second).toEqual({ kind: 'deny' });
    } finally {
      await web.close();
    }
  });

  test('heed eval --user web: a person answers the consent requests of every episode', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'heed-eval-web-'));
    let url = '';
    const lines: string[] = [];
    const running = main(
      [
        'eval',
        '--suite',
        join(process.cwd(), 'tasks', 'suite', 'shop-guest-checkout.yaml'),
        '--baselines',
        '--user',
        'web',
        '--personas',
        'privacy-first',
        '--out',
        out,
      ],
      (s) => {
        lines.push(s);
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\w+)/.exec(s);
        if (m) url = s;
      },
    );
    let finished = false;
    void running.then(() => (finished = true));
    let answered = 0;
    for (let id = 1; !finished;) {
      await new Promise((r) => setTimeout(r, 25));
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\w+)/.exec(url);
      if (!m) continue;
      const r = await fetch(`${m[1]}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: m[1]!, 'x-heed-token': m[2]! },
        body: JSON.stringify({ id, answer: 'allow_once' }),
      }).catch(() => undefined);
      if (r?.status === 200) {
        answered++;
        id++;
      }
    }
    expect(await running).toBe(0);
    expect(answered).toBeGreaterThan(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const ref = results.episodes.find((e: { policy: string }) => e.policy === 'reference');
    expect(ref.success).toBe(true);
    expect(ref.consentRequests).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('Answer for the personas in a browser: http://127.0.0.1:');
  }, 120_000);
});

describe('the approval page from heed run and heed eval', () => {
  const TASK = join(process.cwd(), 'tasks', 'suite', 'trailcam-photo.yaml');

  /**
   * Start a heed command that prints the page's URL; answer every consent request with "o" from the page. A command
   * that ends without printing the URL, or that is still going after `withinMs`, fails with what it printed (a hang
   * would otherwise be jest's bare timeout, saying nothing of where it stood).
   */
  async function supervise(
    args: string[],
    shots: string,
    during: (page: import('playwright-core').Page) => Promise<void>,
    withinMs: number,
  ) {
    const { main } = await import('../../src/cli/main.js');
    const deadline = Date.now() + withinMs;
    const lines: string[] = [];
    let url = '';
    let code: number | undefined;
    let crash: unknown;
    const running = main(args, (s) => {
      lines.push(s);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(s);
      if (m) url = m[1]!;
    }).then(
      (c) => (code = c),
      (e: unknown) => ((crash = e), (code = -1)),
    );
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const stuck = async (where: string) => {
      const status = await page
        .locator('#request')
        .innerText({ timeout: 1000 })
        .catch(() => '(no page)');
      // "… no longer updates" once the page's event stream closed: heed closed the approval page (then a hang is in
      // what heed closes after it, the phone); "the run has ended" alone: the stream is still open.
      const conn = await page
        .locator('#conn')
        .innerText({ timeout: 1000 })
        .catch(() => '(no page)');
      return new Error(
        `heed ${args[0]} ${where} (exit ${code ?? 'none yet'}${crash ? `, threw ${String(crash)}` : ''}).\n` +
          `It printed:\n${lines.slice(-20).join('\n')}\nThe page's request box:\n${status}\nIts connection line: ${conn}`,
      );
    };
    try {
      while (!url && code === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (!url) throw await stuck('printed no approval page URL');
      await page.goto(url);
      let answered = 0;
      let looked = false;
      while (code === undefined) {
        if (Date.now() > deadline) throw await stuck(`had not ended after ${withinMs / 1000} s`);
        const pending = await page
          .locator('#request[data-kind="consent"]')
          .waitFor({ timeout: 300 })
          .then(() => true)
          .catch(() => false);
        if (!pending) continue;
        if (!looked) {
          looked = true;
          await during(page);
          await shoot(page, { path: join(SHOTS, `${shots}-phone.png`), fullPage: true });
          await page.setViewportSize({ width: 1280, height: 800 });
          await shoot(page, { path: join(SHOTS, `${shots}-desktop.png`), fullPage: true });
          await page.setViewportSize({ width: 390, height: 844 });
        }
        await page.keyboard.press('o'); // the page shows "Sending…" at once, then how the POST went
        // Wait for the answer's reply, not for an empty request box: the next request can replace this one before a
        // "nothing to approve" state is ever painted (on a loaded machine, the wait for it never ended).
        await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'Sending…');
        expect(await page.locator('#status').textContent()).toMatch(/^(Answer sent\.)?$/);
        answered++;
      }
      await running;
      if (crash) throw crash;
      return { page, code: code!, answered };
    } catch (e) {
      await page.close();
      throw e;
    }
  }

  test('heed run --user web: when the run ends, the page says how, instead of "disconnected"', async () => {
    const out = mkdtempSync(join(tmpdir(), 'heed-web-run-'));
    const { page, code, answered } = await supervise(
      ['run', '--task', TASK, '--profile', 'hands-on', '--user', 'web', '--no-memory', '--out', out],
      'approval-run',
      async () => {},
      90_000,
    );
    try {
      expect(code).toBe(0);
      expect(answered).toBe(4); // location, camera, sign-in, the account to sign in with
      await page.getByText('The run has ended: success').waitFor();
      await page.getByText('✓ a photo was saved').waitFor();
      await page.getByText('the run has ended; this page no longer updates').waitFor();
      expect(await page.getByText('disconnected').count()).toBe(0);
      await shoot(page, { path: join(SHOTS, 'approval-ended-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await shoot(page, { path: join(SHOTS, 'approval-ended-desktop.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 120_000);

  test('heed eval --user web: each request names its task, persona and policy; the timeline is grouped per episode', async () => {
    const out = mkdtempSync(join(tmpdir(), 'heed-web-eval-'));
    const { page, code } = await supervise(
      ['eval', '--suite', TASK, '--baselines', '--user', 'web', '--personas', 'hands-on', '--out', out],
      'approval-eval',
      async (p) => {
        await p
          .locator('#episode')
          .getByText('For task trailcam-photo · persona hands-on · policy reference')
          .waitFor();
        // The episodes before this one (the baselines that never ask) are their own groups, with how they ended.
        await p.locator('#timeline summary', { hasText: 'trailcam-photo · hands-on · do-nothing' }).waitFor();
        expect(await p.locator('#timeline summary', { hasText: 'do-nothing ✗ failed' }).count()).toBe(1);
      },
      150_000,
    );
    try {
      expect(code).toBe(0);
      await page.getByText('The run has ended: finished').waitFor();
      const groups = await page.locator('#timeline details summary').allTextContents();
      expect(groups).toEqual([
        expect.stringMatching(/^trailcam-photo · hands-on · do-nothing ✗ failed/),
        expect.stringMatching(/^trailcam-photo · hands-on · always-allow ✓ success/),
        expect.stringMatching(/^trailcam-photo · hands-on · reference ✓ success/),
      ]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
