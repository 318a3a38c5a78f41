import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { taskFieldsTable, withFieldsTable } from '../../src/tasks/doc.js';
import { Task } from '../../src/tasks/task.js';

const readme = readFileSync(join(import.meta.dirname ?? '', '..', '..', 'tasks', 'README.md'), 'utf8');

describe('tasks/README.md', () => {
  test('its field table is the one the schema generates (run npm run docs after changing the schema)', () => {
    expect(withFieldsTable(readme)).toBe(readme);
  });

  test('the table has a row for every field, required ones marked', () => {
    const table = taskFieldsTable();
    for (const key of Object.keys(Task.shape)) expect(table).toContain(`| \`${key}\` |`);
    expect(table).toMatch(/\| `instruction` \| yes \|/);
    expect(table).toMatch(/\| `split` \| {2}\| `"general"` \|/);
  });

  test('the example task in it loads', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const t = Task.parse(YAML.parse(example));
    expect(t.personas).toHaveLength(5);
    expect(t.reference.default!.length).toBeGreaterThan(0);
  });

  test('a README without the generated block is an error, not a silent no-op', () => {
    expect(() => withFieldsTable('# nothing here')).toThrow(/task-fields:begin/);
  });
});
