// `npm run docs`: rewrites the generated tables — the task fields in tasks/README.md (from the task schema) and the
// environment variables in README.md (from src/core/config.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEnvTable } from '../core/env-doc.js';
import { withFieldsTable } from './doc.js';

const root = join(import.meta.dirname, '..', '..', '..');
for (const [file, rewrite] of [
  [join(root, 'tasks', 'README.md'), withFieldsTable],
  [join(root, 'README.md'), withEnvTable],
] as const) {
  writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
  console.log(`updated ${file}`);
}
