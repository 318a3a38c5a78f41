// Tolerant JSON extraction from model text: code fences, prose around the object, trailing commas, single quotes,
// unquoted keys. What cannot be repaired is an error with a message the model can act on when re-asked.

export class ReplyParseError extends Error {}

function firstObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

function repair(s: string): string {
  return s
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/([{,]\s*)([A-Za-z_][\w-]*)\s*:/g, '$1"$2":')
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_m, body: string) => JSON.stringify(body.replace(/\\'/g, "'")));
}

export function extractJson(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?\s*([\s\S]*?)```/i, '$1');
  const candidate = firstObject(unfenced);
  if (!candidate) throw new ReplyParseError('no JSON object found in the reply; answer with one JSON object');
  try {
    return JSON.parse(candidate);
  } catch {
    try {
      return JSON.parse(repair(candidate));
    } catch (e) {
      throw new ReplyParseError(`the reply is not valid JSON (${(e as Error).message}); answer with one JSON object`);
    }
  }
}
