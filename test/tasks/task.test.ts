import { describe, expect, test } from '@jest/globals';
import { Task, taskInstruction } from '../../src/tasks/task.js';

const base = { id: 't', apps: ['com.heed.mail'], instruction: 'A receipt has just arrived.' };

describe('taskInstruction', () => {
  test('a proactive task is framed as KnowU frames it; other tasks are told as written', () => {
    const pro = Task.parse({ ...base, split: 'proactive', proactive: { habit: { a: true } } });
    expect(taskInstruction(pro)).toBe(
      "System Status: Background Monitor Active. A receipt has just arrived. Help only if it fits the user's routine: " +
        'you may ask first, act, or finish without doing anything.',
    );
    expect(taskInstruction(Task.parse(base))).toBe('A receipt has just arrived.');
  });

  test('clear picks the clear twin when there is one', () => {
    const t = Task.parse({ ...base, clearInstruction: 'Forward the receipt to Dad.' });
    expect(taskInstruction(t, true)).toBe('Forward the receipt to Dad.');
    expect(taskInstruction(t)).toBe('A receipt has just arrived.');
    expect(taskInstruction(Task.parse(base), true)).toBe('A receipt has just arrived.');
  });
});
