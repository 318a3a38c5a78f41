// Python-style literals and calls, as GUI models write them: `click(point='<point>1 2</point>')`,
// `do(action="Tap", element=[x,y])`, `mobile.swipe(from_coord=[…], to_coord=[…])`, `{'action': 'TAP', 'value': None}`.
// JSON is a subset. Lenient where real replies are sloppy: a quote inside a string closes it only when what follows
// could end a value (so `type(content='it's')` reads "it's"), a missing final `)` is tolerated, bare words are strings.

export interface Call {
  name: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** Offsets of the call in the text it was read from. */
  start: number;
  end: number;
}

export class LiteralError extends Error {}

const WS = /\s/;
const IDENT = /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/y;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '/': '/' };
const CONSTANTS: Record<string, unknown> = {
  True: true,
  False: false,
  None: null,
  true: true,
  false: false,
  null: null,
};

function skip(s: string, i: number): number {
  while (i < s.length && WS.test(s[i]!)) i++;
  return i;
}

/** Can a string end before position i (what follows is a separator, a closer, or the end)? */
function endsValue(s: string, i: number): boolean {
  const j = skip(s, i);
  return j >= s.length || ',)]}:'.includes(s[j]!);
}

function readString(s: string, i: number): [string, number] {
  const q = s[i]!;
  let out = '';
  let j = i + 1;
  for (; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === '\\' && j + 1 < s.length) {
      const n = s[j + 1]!;
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
        out += String.fromCharCode(parseInt(s.slice(j + 2, j + 6), 16));
        j += 5;
      } else {
        out += ESCAPES[n] ?? `\\${n}`;
        j++;
      }
    } else if (ch === q && endsValue(s, j + 1)) return [out, j + 1];
    else out += ch;
  }
  // Unclosed: the reply was cut off. Take what is there.
  return [out, j];
}

function readSequence(s: string, i: number, close: string): [unknown[], number] {
  const out: unknown[] = [];
  let j = skip(s, i + 1);
  while (j < s.length && s[j] !== close) {
    const [v, k] = readValue(s, j);
    out.push(v);
    j = skip(s, k);
    if (s[j] === ',') j = skip(s, j + 1);
    else if (s[j] !== close) throw new LiteralError(`expected "," or "${close}" at ${j}`);
  }
  return [out, Math.min(j + 1, s.length)];
}

function readDict(s: string, i: number): [Record<string, unknown>, number] {
  const out: Record<string, unknown> = {};
  let j = skip(s, i + 1);
  while (j < s.length && s[j] !== '}') {
    const [k, kEnd] = readValue(s, j);
    j = skip(s, kEnd);
    if (s[j] !== ':') throw new LiteralError(`expected ":" after a key at ${j}`);
    const [v, vEnd] = readValue(s, skip(s, j + 1));
    out[String(k)] = v;
    j = skip(s, vEnd);
    if (s[j] === ',') j = skip(s, j + 1);
    else if (s[j] !== '}') throw new LiteralError(`expected "," or "}" at ${j}`);
  }
  return [out, Math.min(j + 1, s.length)];
}

/** One value at position i: string, number, list, tuple, dict, constant, call or bare word. */
export function readValue(s: string, i: number): [unknown, number] {
  i = skip(s, i);
  const ch = s[i];
  if (ch === undefined) throw new LiteralError('a value is missing');
  if (ch === '"' || ch === "'") return readString(s, i);
  if (ch === '[') return readSequence(s, i, ']');
  if (ch === '(') return readSequence(s, i, ')');
  if (ch === '{') return readDict(s, i);
  NUMBER.lastIndex = i;
  const num = NUMBER.exec(s);
  if (num) return [Number(num[0]), i + num[0].length];
  IDENT.lastIndex = i;
  const id = IDENT.exec(s);
  if (id) {
    const call = readCallAt(s, i);
    if (call) return [call, call.end];
    const word = id[0];
    return [word in CONSTANTS ? CONSTANTS[word] : word, i + word.length];
  }
  throw new LiteralError(`unexpected "${ch}" at ${i}`);
}

/** Parse a literal (JSON or Python) that is the whole text, or throw. */
export function parseLiteral(text: string): unknown {
  const [v, end] = readValue(text, 0);
  if (skip(text, end) < text.length) throw new LiteralError(`unexpected text after the value at ${end}`);
  return v;
}

/** A call `name(...)` or `a.b(...)` starting exactly at i, or undefined. */
export function readCallAt(s: string, i: number): Call | undefined {
  IDENT.lastIndex = i;
  let m = IDENT.exec(s);
  if (!m) return undefined;
  let name = m[0];
  let j = i + name.length;
  while (s[j] === '.') {
    IDENT.lastIndex = j + 1;
    m = IDENT.exec(s);
    if (!m) return undefined;
    name += `.${m[0]}`;
    j += 1 + m[0].length;
  }
  j = skip(s, j);
  if (s[j] !== '(') return undefined;
  const args: unknown[] = [];
  const kwargs: Record<string, unknown> = {};
  j = skip(s, j + 1);
  while (j < s.length && s[j] !== ')') {
    IDENT.lastIndex = j;
    const kw = IDENT.exec(s);
    const after = kw ? skip(s, j + kw[0].length) : -1;
    if (kw && s[after] === '=' && s[after + 1] !== '=') {
      const [v, end] = readValue(s, after + 1);
      kwargs[kw[0]] = v;
      j = skip(s, end);
    } else {
      const [v, end] = readValue(s, j);
      args.push(v);
      j = skip(s, end);
    }
    if (s[j] === ',') j = skip(s, j + 1);
    else if (j < s.length && s[j] !== ')') throw new LiteralError(`expected "," or ")" in ${name}(…) at ${j}`);
  }
  return { name, args, kwargs, start: i, end: Math.min(j + 1, s.length) };
}

/**
 * Calls written one after another (separated by blank lines, commas or semicolons), starting at the first identifier
 * of `text`. Stops at the first thing that is not a call.
 */
export function readCalls(text: string): Call[] {
  const out: Call[] = [];
  let i = skip(text, 0);
  while (i < text.length) {
    const c = readCallAt(text, i);
    if (!c) break;
    out.push(c);
    i = c.end;
    while (i < text.length && (WS.test(text[i]!) || ',;'.includes(text[i]!))) i++;
  }
  return out;
}
