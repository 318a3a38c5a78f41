// The gate records what settled each decision itself: its own verdict, or the user's answer (session, memory, ledger).
import { ConsentGate } from '../../src/consent/consent-gate.js';
import { Ledger } from '../../src/consent/ledger.js';
import type { Sensitivity } from '../../src/consent/types.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';

const camera = (
  grant: Sensitivity['grant'] = 'allow_foreground',
  category: Sensitivity['category'] = 'camera',
): Sensitivity => ({
  category,
  grant,
  exposing: grant !== 'deny',
  irreversible: false,
  evidence: { text: 'While using the app', resourceId: '', reason: 'test' },
  source: 'rules',
});
const at = (step: number, app = 'com.x') => ({ step, app, instruction: 'Take a photo' });
const gateFor = (profile = 'balanced') => {
  const memory = Memory.inMemory();
  const ledger = new Ledger();
  return { memory, ledger, gate: new ConsentGate({ profile: loadProfile(profile), memory, ledger }) };
};

describe('ConsentGate', () => {
  test('an allow or block is in the ledger at once; an ask only when answered', () => {
    const { gate, ledger } = gateFor('hands-on');
    expect(gate.decide(camera('deny'), at(1))).toMatchObject({ verdict: 'allow', source: 'protective' });
    expect(ledger.entries).toHaveLength(1);
    const ask = gate.decide(camera(), at(2));
    expect(ask.verdict).toBe('ask');
    expect(ledger.entries).toHaveLength(1);
    expect(gate.answered(camera(), at(2), { kind: 'allow' }, 'terminal')).toMatchObject({
      verdict: 'allow',
      source: 'user',
    });
    expect(ledger.entries[1]).toMatchObject({
      step: 2,
      verdict: 'allow',
      source: 'user',
      answer: 'allow',
      answerSource: 'user',
    });
  });

  test('"allow once" on a lasting grant takes the one-time choice, or does not grant (issue #10 item 7)', () => {
    const { gate, ledger } = gateFor('hands-on');
    const once = {
      ...camera('allow_once'),
      evidence: { index: 7, text: 'Only this time', resourceId: '', reason: 'test' },
    };
    expect(gate.answered(camera(), at(1), { kind: 'allow_once' }, 'terminal', once)).toMatchObject({
      verdict: 'allow',
      narrowed: { grant: 'allow_once' },
    });
    expect(ledger.entries[0]).toMatchObject({ grant: 'allow_once', verdict: 'allow', answer: 'allow_once' });
    // No one-time choice on the screen: "only this time" cannot be honoured by a lasting grant.
    expect(gate.answered(camera(), at(2), { kind: 'allow_once' }, 'terminal')).toMatchObject({ verdict: 'block' });
    expect(ledger.entries[1]).toMatchObject({ grant: 'allow_foreground', verdict: 'block' });
    // A one-time grant itself is just allowed.
    expect(gate.answered(camera('allow_once'), at(3), { kind: 'allow_once' }, 'terminal')).toMatchObject({
      verdict: 'allow',
    });
  });

  test('no answer is recorded as no answer: a timeout or a closed channel, never "the user answered deny"', () => {
    const { gate, ledger } = gateFor('hands-on');
    expect(gate.answered(camera(), at(1), { kind: 'deny', source: 'timeout' }, 'web')).toMatchObject({
      verdict: 'block',
      source: 'no-answer',
    });
    expect(ledger.entries[0]).toMatchObject({ source: 'no-answer', answerSource: 'timeout' });
    expect(ledger.entries[0]!.reason).not.toMatch(/user answered/);
    gate.answered(camera(), at(2), { kind: 'deny', source: 'channel-closed' }, 'terminal');
    expect(ledger.entries[1]).toMatchObject({ source: 'no-answer', answerSource: 'channel-closed' });
    // Unanswered is not a refusal by the user: the next request for the camera is asked again.
    expect(gate.decide(camera(), at(3)).verdict).toBe('ask');
    gate.answered(camera(), at(3), { kind: 'deny', source: 'default' }, 'terminal');
    expect(ledger.entries.at(-1)).toMatchObject({ source: 'user', answerSource: 'default' });
  });

  test('"allow once" covers one step; "always" covers the run and goes to memory', () => {
    const { gate, memory } = gateFor(); // balanced: ask about the microphone
    const mic = camera('allow_foreground', 'microphone');
    expect(gate.decide(mic, at(1)).verdict).toBe('ask');
    gate.answered(mic, at(1), { kind: 'allow' }, 'scripted');
    expect(gate.decide(mic, at(2)).verdict).toBe('ask');
    expect(memory.rules()).toEqual([]);
    gate.answered(mic, at(2), { kind: 'always' }, 'scripted');
    expect(gate.decide(mic, at(3))).toMatchObject({ verdict: 'allow', source: 'session' });
    expect(memory.rules()).toMatchObject([
      { app: 'com.x', category: 'microphone', decision: 'allow', provenance: 'asked' },
    ]);
  });

  test('a refusal stays refused in this app; "never" is remembered; a simulated user is recorded as one', () => {
    const { gate, memory, ledger } = gateFor('utility-first');
    expect(gate.answered(camera(), at(1), { kind: 'deny' }, 'simulated')).toMatchObject({ verdict: 'block' });
    expect(ledger.entries[0]).toMatchObject({ source: 'simulated-user', answer: 'deny' });
    expect(gate.decide(camera('allow_once'), at(2))).toMatchObject({ verdict: 'block', source: 'session' });
    expect(memory.rules()).toEqual([]);
    gate.answered(camera(), at(3, 'com.y'), { kind: 'never' }, 'terminal');
    expect(memory.rules()).toMatchObject([{ app: 'com.y', decision: 'deny' }]);
    gate.answered(camera(), at(4, 'com.z'), { kind: 'instead', instruction: 'use the gallery' }, 'terminal');
    expect(ledger.entries.at(-1)).toMatchObject({ verdict: 'block', answer: 'instead: use the gallery' });
  });

  test('bypass (the always-allow baseline) allows everything and says so in the ledger', () => {
    const ledger = new Ledger();
    const gate = new ConsentGate({
      profile: loadProfile('privacy-first'),
      memory: Memory.inMemory(),
      ledger,
      bypass: true,
    });
    expect(gate.decide(camera(), at(1))).toMatchObject({ verdict: 'allow', source: 'bypass' });
    expect(ledger.entries[0]).toMatchObject({ source: 'bypass' });
  });
});
