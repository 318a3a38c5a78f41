import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSuite } from '../../src/tasks/suite.js';

const root = join(import.meta.dirname ?? '', '..', '..', 'tasks');
const task = (id: string, extra = '') =>
  `id: ${id}\napps: [com.android.deskclock]\ninstruction: do it\n${extra}reference:\n  default:\n    - finish: success\n`;

describe('loadSuite', () => {
  test('the whole tasks folder: profiles are not tasks, android tasks wait for a real device', () => {
    const sim = loadSuite(root, { device: 'simulated' });
    const real = loadSuite(root, { device: 'android' });
    expect(sim.tasks.length).toBeGreaterThan(0);
    expect(sim.tasks.every((t) => t.device === 'simulated')).toBe(true);
    expect(sim.skipped.map((s) => s.id)).toEqual(real.tasks.map((t) => t.id));
    expect(real.tasks.every((t) => t.id.startsWith('android-'))).toBe(true);
    expect(sim.skipped[0]!.why).toMatch(/needs a real Android device/);
  });

  test('a duplicate id names both files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-suite-'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a.yaml'), task('same'));
    writeFileSync(join(dir, 'b', 'c.yaml'), task('same'));
    expect(() => loadSuite(dir, { device: 'simulated' })).toThrow(/'same' is used by .*a\.yaml and .*c\.yaml/);
  });

  test('split and persona filters; a task with none of the personas is dropped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-suite-'));
    writeFileSync(join(dir, 'a.yaml'), task('a', 'split: privacy\npersonas: [privacy-first, balanced]\n'));
    writeFileSync(join(dir, 'b.yaml'), task('b', 'personas: [utility-first]\n'));
    expect(loadSuite(dir, { device: 'simulated', splits: ['privacy'] }).tasks.map((t) => t.id)).toEqual(['a']);
    const s = loadSuite(dir, { device: 'simulated', personas: ['balanced'] });
    expect(s.tasks.map((t) => [t.id, t.personas])).toEqual([['a', ['balanced']]]);
  });

  test('a missing path says so', () => {
    expect(() => loadSuite('/nope/tasks', { device: 'simulated' })).toThrow(/No such suite/);
  });
});
