import { editDistance, nearest, optionsOf } from '../../src/core/suggest.js';
import { EVAL_HELP } from '../../src/cli/eval.js';
import { RUN_HELP } from '../../src/cli/run.js';

describe('did you mean', () => {
  test('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('modle', 'model')).toBe(1);
    expect(editDistance('eval', 'eval')).toBe(0);
    expect(editDistance('', 'run')).toBe(3);
    expect(editDistance('inspcet', 'inspect')).toBe(1);
  });

  test('suggests the nearest, a unique prefix, or nothing when nothing is close', () => {
    const cmds = ['run', 'eval', 'demo', 'inspect', 'doctor'];
    expect(nearest('evl', cmds)).toBe('eval');
    expect(nearest('insp', cmds)).toBe('inspect');
    expect(nearest('Doctr', cmds)).toBe('doctor');
    expect(nearest('report', cmds)).toBeUndefined();
    expect(nearest('x', cmds)).toBeUndefined();
  });

  test("a command's options are the ones its help documents", () => {
    const run = optionsOf(RUN_HELP);
    expect(run).toEqual(expect.arrayContaining(['--task', '--max-steps', '--no-memory', '--replay', '--help']));
    expect(nearest('--baseline', optionsOf(EVAL_HELP))).toBe('--baselines');
    expect(nearest('--max-step', run)).toBe('--max-steps');
  });
});
