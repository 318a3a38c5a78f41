import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile, parseProfile, profileNames } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { profileView } from '../../src/profile/view.js';

describe('profiles', () => {
  test('every bundled profile loads; at least privacy-first, utility-first, balanced and two KnowU personas with logs', () => {
    const names = profileNames();
    expect(names).toEqual(expect.arrayContaining(['privacy-first', 'utility-first', 'balanced']));
    const knowu = names.map(loadProfile).filter((p) => p.behaviourLogs.length >= 8);
    expect(knowu.length).toBeGreaterThanOrEqual(2);
  });

  test('a bad file gets one error naming the file and the field', () => {
    expect(() =>
      parseProfile('id: x\nname: X\nsummary: s\nconsent:\n  location: { decision: maybe }\n', 'me.yaml'),
    ).toThrow(/^me\.yaml: consent\.location\.decision: /);
    expect(() =>
      parseProfile('id: x\nname: X\nsummary: s\nconsent:\n  weather: { decision: deny }\n', 'me.yaml'),
    ).toThrow(/^me\.yaml: consent: Unrecognized key: "weather"/);
    // heed always asks about a step it cannot name: a profile rule may not cover "unknown", not even one that allows.
    expect(() =>
      parseProfile('id: x\nname: X\nsummary: s\nconsent:\n  unknown: { decision: allow }\n', 'me.yaml'),
    ).toThrow(/^me\.yaml: consent\.unknown: no rule may cover "unknown"/);
    expect(() => loadProfile('nobody')).toThrow(/No profile 'nobody'[\s\S]*privacy-first/);
  });

  test('KnowU mode shows only behaviour logs; personal mode shows the rules', () => {
    const p = loadProfile('grandma-knowu');
    const knowu = profileView(p, 'knowu');
    expect(knowu).toContain('[2026-03-02 07:41]');
    expect(knowu).not.toContain('deny');
    expect(knowu).not.toContain(p.summary);
    expect(profileView(p, 'personal')).toContain('- location: allow (at most once)');
  });
});

describe('memory', () => {
  test('persists, keeps history across drift, and refuses a corrupt file without overwriting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-mem-'));
    const file = join(dir, 'm.json');
    const m = Memory.open(file);
    m.remember({ app: 'a', category: 'camera', decision: 'allow', provenance: 'asked' });
    m.remember({ category: 'location', decision: 'deny', provenance: 'explicit', text: 'never track me' });
    m.remember({ app: 'a', category: 'camera', decision: 'deny', provenance: 'feedback' });
    const again = Memory.open(file);
    expect(again.lookup('a', 'camera')).toMatchObject({ decision: 'deny', provenance: 'feedback' });
    expect(again.lookup('b', 'location')).toMatchObject({ decision: 'deny' });
    expect(again.lookup('b', 'camera')).toBeUndefined();
    expect(again.history()).toHaveLength(3);
    expect(again.describe()).toEqual(['Never allow location ("never track me")', 'Never allow camera in a']);
    // An answer about an unknown step is never remembered, and a hand-written rule for it is refused.
    expect(again.remember({ app: 'a', category: 'unknown', decision: 'allow', provenance: 'asked' })).toBeUndefined();
    expect(again.lookup('a', 'unknown')).toBeUndefined();
    expect(Memory.open(file).history()).toHaveLength(3);
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entries: [{ id: 1, category: 'unknown', decision: 'allow', provenance: 'asked', at: '' }],
      }),
    );
    expect(() => Memory.open(file)).toThrow(/entries\.0\.category: no rule may cover "unknown"/);
    writeFileSync(file, '{ nope');
    expect(() => Memory.open(file)).toThrow(/not valid JSON/);
  });
});
