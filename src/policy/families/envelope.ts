// The wrappers around a model's action: reasoning blocks, labelled sections, tags and special tokens. Real replies vary
// (model-grammars.md §15): `<think>`, `<thinkt>`, `<think_never_used_…>`, `<thinking>`, `<grounding_think>`, a lone
// `</think>` whose opening tag was in the prompt, `Thought:` / `Reflection:` / `Action_Summary:` / `Memory:` sections,
// fullwidth colons, tags left unclosed, box tokens.
import { LiteralError, parseLiteral } from './pylit.js';
import { ReplyError } from './types.js';

const THINK = /<(think(?:t|_never_used[\w]*)?|thinking|grounding_think)>([\s\S]*?)(?:<\/\1>|$)/gi;

/** Reasoning blocks removed: what is left, and the reasoning (joined). */
export function stripThinking(text: string): { rest: string; thought?: string } {
  const thoughts: string[] = [];
  let rest = text.replace(THINK, (_m, _tag: string, body: string) => {
    thoughts.push(body.trim());
    return '\n';
  });
  // Thinking models whose chat template opens <think> in the prompt: only the closing tag arrives.
  const close = /<\/(think|thinking)>/i.exec(rest);
  if (close) {
    thoughts.unshift(rest.slice(0, close.index).trim());
    rest = rest.slice(close.index + close[0].length);
  }
  const thought = thoughts.filter(Boolean).join('\n');
  return { rest, ...(thought ? { thought } : {}) };
}

/** Special tokens that chat templates leave in decoded text, and the box wrappers of GLM and Qwen2-VL. */
export function stripTokens(text: string): string {
  return text
    .replace(/<\|(?:begin_of_box|end_of_box|im_end|im_start|endoftext|diff_marker|recipient|user|assistant)\|>/g, '')
    .replace(/<\/?\|?end_of_box\|?>/g, '');
}

/**
 * Where `Label:` (or `Label：`) starts a section, at the text's start or after whitespace or a tag; undefined when
 * absent. The boundary is a lookbehind, so a search that starts exactly at a label (where the previous section
 * ended) still finds it: a second `Action:` right after the first is seen, not swallowed.
 */
function labelAt(text: string, label: string, from = 0): { index: number; end: number } | undefined {
  const re = new RegExp(`(?<=^|[\\s>])${label}\\s*[:：]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : undefined;
}

/** Every occurrence of a labelled section's body, up to the next of `stops` (or the end). */
export function sections(text: string, label: string, stops: string[]): string[] {
  const out: string[] = [];
  let at = labelAt(text, label);
  while (at) {
    let end = text.length;
    for (const s of [label, ...stops]) {
      const n = labelAt(text, s, at.end);
      if (n && n.index < end) end = n.index;
    }
    out.push(text.slice(at.end, end).trim());
    at = labelAt(text, label, end);
  }
  return out;
}

/** Bodies of `<tag>…</tag>`; an unclosed last tag runs to the end (models stop before closing it). */
export function tags(text: string, tag: string): string[] {
  const re = new RegExp(`<${tag}>([\\s\\S]*?)(?:</${tag}>|(?=<${tag}>)|$)`, 'gi');
  return [...text.matchAll(re)].map((m) => m[1]!.trim());
}

/** A JSON (or Python-dict) object in text, tolerant of fences, doubled braces and prose around it. */
export function objectIn(text: string, what = 'a JSON object'): Record<string, unknown> {
  const unfenced = text.replace(/```(?:json|python)?\s*([\s\S]*?)```/i, '$1');
  const start = unfenced.indexOf('{');
  if (start < 0) throw new ReplyError(`no ${what} found`);
  let body = unfenced.slice(start).trim();
  // A doubled brace ({{ … }}) is a template the model copied: read the inner object.
  if (body.startsWith('{{')) body = body.replace(/^\{\{/, '{').replace(/\}\}(?=[^}]*$)/, '}');
  const end = matchingBrace(body);
  try {
    const v = parseLiteral(body.slice(0, end));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof LiteralError)) throw e;
    throw new ReplyError(`${what} could not be read (${e.message})`);
  }
  throw new ReplyError(`no ${what} found`);
}

/** Every top-level {…} object in text, in order (ShowUI and Qwen write several). */
export function objectsIn(text: string): string[] {
  const out: string[] = [];
  let i = text.indexOf('{');
  while (i >= 0) {
    const end = matchingBrace(text.slice(i));
    out.push(text.slice(i, i + end));
    i = text.indexOf('{', i + end);
  }
  return out;
}

function matchingBrace(s: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"') quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}
