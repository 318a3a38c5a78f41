// Where heed is installed: the folder holding heed's package.json (works from src/ under ts-jest and from dist/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'heed') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("Cannot find heed's package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const ROOT = findRoot();
