// `npm run docs`: rewrites the field table in tasks/README.md from the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFieldsTable } from './doc.js';

const file = join(import.meta.dirname, '..', '..', '..', 'tasks', 'README.md');
writeFileSync(file, withFieldsTable(readFileSync(file, 'utf8')));
console.log(`updated ${file}`);
