// Building blocks of heed's HTML reports: escaping, embedded data, and the page shell. Every report is one static file
// with no external assets (it works from file://); its Content-Security-Policy lets only heed's own script run
// (pinned by hash), so a hostile app's text or a model reply that slipped past escaping still could not run script.
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { STYLE } from './style.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Data for the page's script: JSON that cannot close its <script> element or start a comment. */
export function jsonData(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${esc(id)}">${json}</script>`;
}

/** A relative link to a file of the run (a frame): only heed's own file names, never a URL from the data. */
export function safeHref(path: string): string | undefined {
  if (!/^[\w./-]+$/.test(path) || path.startsWith('/') || path.split('/').includes('..')) return undefined;
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface PageOptions {
  title: string;
  body: string;
  /** The page's one script (no external code). */
  script?: string;
  /** Reload every this many seconds (a run still going). */
  live?: number;
}

export function page(o: PageOptions): string {
  const hash = o.script ? createHash('sha256').update(o.script).digest('base64') : '';
  const csp = [
    "default-src 'none'",
    'img-src * data: file:',
    "style-src 'unsafe-inline'",
    `script-src ${o.script ? `'sha256-${hash}'` : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="heed">
<title>${esc(o.title)}</title>
<style>${STYLE}</style>
</head>
<body${o.live ? ` data-live="${o.live}"` : ''}>
${o.body}
${o.script ? `<script>${o.script}</script>` : ''}
</body>
</html>
`;
}

/** Write a report so that a reader (or a page reloading itself while a run goes on) never sees half a file. */
export function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
