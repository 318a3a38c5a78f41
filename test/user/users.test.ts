import { PassThrough } from 'node:stream';
import { LlmClient } from '../../src/policy/llm/client.js';
import { resolveLlmConfig } from '../../src/policy/llm/config.js';
import { loadProfile } from '../../src/profile/load.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { SimulatedUser } from '../../src/user/simulated.js';
import { TerminalUser } from '../../src/user/terminal.js';
import type { ConsentRequest } from '../../src/user/channel.js';
import { startFakeLlm } from '../support/fake-llm.js';

const req: ConsentRequest = {
  app: 'com.x',
  category: 'camera',
  grant: 'allow_foreground',
  irreversible: false,
  action: 'tap element=3',
  evidence: 'dialog',
  reason: 'the profile says to ask',
};

describe('user channels', () => {
  test('scripted: answers from the profile, deterministically', async () => {
    const p = new ScriptedUser(loadProfile('privacy-first'));
    expect(await p.consent(req)).toEqual({ kind: 'allow_once' }); // camera: ask, answer allow_once
    expect(await p.consent({ ...req, category: 'location' })).toEqual({ kind: 'deny' });
    expect(await p.consent({ ...req, category: 'payment_purchase' })).toEqual({ kind: 'allow_once' }); // ask, with an answer
    expect(await p.consent({ ...req, category: 'destructive' })).toEqual({ kind: 'deny' }); // ask, no answer: persona default
    const u = new ScriptedUser(loadProfile('utility-first'));
    expect(await u.ask({ question: 'Which email should I use?' })).toBe('uli.trails@gmail.com');
    expect(await u.ask({ question: 'What is your passport number?' })).toMatch(/don't know/);
    // Questions of taste: the stated preference that shares most words with the question.
    const kai = new ScriptedUser(loadProfile('student-knowu'));
    expect(await kai.ask({ question: 'Who should see this post?' })).toBe('Share posts with friends, never publicly.');
    expect(await kai.ask({ question: 'Accept the cookies on this site?' })).toBe('Reject all cookies.');
    expect(await kai.ask({ question: 'What time is it?' })).toMatch(/don't know/);
  });

  test('simulated: structured decisions; the reasoning never reaches the agent; unusable replies deny', async () => {
    const replies = [
      '<think>she hates tracking</think>{"reasoning": "Priya keeps location off, I never agree", "decision": "never"}',
      '{"reasoning": "she likes family photos", "answer": "Famille"}',
      'Sure, go ahead!',
    ];
    const llm = await startFakeLlm((_r, n) => replies[n]!);
    try {
      const u = new SimulatedUser(
        new LlmClient(resolveLlmConfig('user', { model: 'sim', baseURL: llm.baseURL }, {})!),
        loadProfile('privacy-first'),
      );
      const a = await u.consent(req);
      expect(a).toEqual({ kind: 'never' });
      expect(JSON.stringify(a)).not.toContain('Priya keeps');
      expect(await u.ask({ question: 'Which group?' })).toBe('Famille');
      expect(await u.consent(req)).toEqual({ kind: 'deny' });
      expect(u.failures).toHaveLength(1);
      // The hidden persona went to the simulator, not anywhere else.
      expect(JSON.stringify(llm.requests[0]!.messages)).toContain('scriptedDefault');
    } finally {
      await llm.close();
    }
  });

  test('terminal: shows the request and reads the answer; an empty answer denies', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d.toString()));
    const t = new TerminalUser(input, output);
    const first = t.consent(req);
    input.write('a\n');
    expect(await first).toEqual({ kind: 'always' });
    expect(shown).toContain('heed needs your consent (camera)');
    expect(shown).toContain('why ask:  the profile says to ask');
    const second = t.consent(req);
    input.write('\n');
    // Enter takes the default, which the prompt shows; the answer says it was the default, not a typed "deny".
    expect(await second).toEqual({ kind: 'deny', source: 'default' });
    expect(shown).toContain('Enter = d, the default: heed will not do it');
    const q = t.ask({ question: 'Which one?', options: ['Home', 'Work'] });
    input.write('2\n');
    expect(await q).toBe('Work');
    await t.close();
  });

  test('terminal: the request in words; a step heed cannot name offers no "always" or "never"', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d.toString()));
    const t = new TerminalUser(input, output);
    const words = { what: 'TrailCam would sign in with your account.', lasts: 'until you undo it', defaultText: '' };
    const signIn = t.consent({ ...req, category: 'account_signin', grant: 'accept', explanation: words });
    input.write('o\n');
    expect(await signIn).toEqual({ kind: 'allow_once' });
    expect(shown).toContain('heed needs your consent (sign-in)');
    expect(shown).toContain('  TrailCam would sign in with your account. (until you undo it)');
    shown = '';
    const unknown = t.consent({ ...req, category: 'unknown', grant: 'accept' });
    // One line at a time, each after the prompt it answers (readline drops lines nobody is asking for).
    const asked = async (n: number) => {
      while ((shown.match(/do something else \(no answer/g) ?? []).length < n)
        await new Promise((r) => setImmediate(r));
    };
    for (const [i, line] of ['a', 'n', 'd'].entries()) {
      await asked(i + 1);
      input.write(`${line}\n`);
    }
    expect(await unknown).toEqual({ kind: 'deny' }); // "a" and "n" were asked again, not taken
    expect(shown).toContain('[o] only this time  [d] deny  [i] do something else (no answer about a step heed cannot');
    expect(shown).not.toContain('[a] always');
    expect(shown.match(/please answer y, o, d or i /g)).toHaveLength(2);
    await t.close();
  });
});
