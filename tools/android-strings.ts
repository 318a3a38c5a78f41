// Reading Android string resources out of a git mirror: which locale a values folder is, and a string's text as a
// device shows it (placeholders named, markup and escapes resolved). Shared by the data generators in tools/.
import { execFileSync, spawnSync } from 'node:child_process';

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** The locale of a values folder: "values-zh-rCN-v33" → "zh-CN"; TV, car and watch variants are left out. */
export function locale(folder: string): string | undefined {
  if (/-(car|television|watch)\b|-h\d+dp|-land|-night|-rXC/.test(folder)) return undefined;
  const m = /^values(?:-([a-z]{2,3}|b\+[a-z]+\+[A-Za-z]+)(?:-r([A-Z]{2}))?)?(?:-v\d+)?$/.exec(folder);
  if (!m) return undefined;
  return m[1] ? (m[2] ? `${m[1]}-${m[2]}` : m[1].replace(/^b\+(\w+)\+(\w+)$/, '$1-$2')) : 'en';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** An Android string resource's text as the dialog shows it, with placeholders named. */
export function resourceText(raw: string, second: '{device}' | '{action}'): string {
  let s = raw.trim();
  // xliff:g marks a placeholder for translators; its content is the placeholder.
  s = s.replace(/<xliff:g[^>]*>([\s\S]*?)<\/xliff:g>/g, '$1');
  const quoted = /^"([\s\S]*)"$/.exec(s);
  if (quoted) s = quoted[1]!;
  else s = s.replace(/\s+/g, ' ');
  s = s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
  s = s.replace(/&#(x?)([0-9a-fA-F]+);/g, (_, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)));
  // Markup the dialog renders (bold app name, a settings link) is not in the text a dump shows.
  s = s.replace(/<\/?(b|i|u|annotation)\b[^>]*>/g, '');
  s = s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  s = s
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\(['"@?\\])/g, '$1');
  return s.replace(/%1\$s/g, '{app}').replace(/%2\$s/g, second).trim();
}

/** Every `<string>` of every blob, by path: one `git cat-file --batch` for all of them. */
export function readBlobs(dir: string, blobs: string[]): Map<string, string> {
  const out = spawnSync('git', ['-C', dir, 'cat-file', '--batch'], {
    input: blobs.join('\n') + '\n',
    maxBuffer: 1 << 30,
  }).stdout;
  const texts = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(10, at);
    const [blob, , size] = out.subarray(at, nl).toString().split(' ');
    texts.set(blob!, out.subarray(nl + 1, nl + 1 + Number(size)).toString('utf8'));
    at = nl + 1 + Number(size) + 1;
  }
  return texts;
}

/** The `<string name="…">` entries of a strings.xml. */
export function strings(xml: string): [name: string, raw: string][] {
  return [...xml.matchAll(/<string\s+name="([^"]+)"[^>]*>([\s\S]*?)<\/string>/g)].map((m) => [m[1]!, m[2]!]);
}

/** JSON with one table row per line: small, and a regenerated table diffs row by row. */
export function tableJson(data: Record<string, unknown>): string {
  const field = ([k, v]: [string, unknown]) =>
    Array.isArray(v) && typeof v[0] === 'object'
      ? `  ${JSON.stringify(k)}: [\n${v.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  return `{\n${Object.entries(data).map(field).join(',\n')}\n}\n`;
}
