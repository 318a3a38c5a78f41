// The run's secrets and the one place they are scrubbed: every artifact heed writes (steps.jsonl, ledger.jsonl,
// summary.json, cassettes, reports), every later prompt and every line the user's channel shows passes through
// `scrub` on its way out. Secrets are the profile's secret facts (known from the start) and what the classifier
// found secret in typed text (a password, a PIN, a card number …), added the moment it is classified.

export const REDACTED = '[redacted secret]';

/** Facts whose values are secrets by their name: passwords, PINs, card data, account and identity numbers. */
const SECRET_FACT =
  /pass|\bpin\b|pin_|_pin|cvv|cvc|card|iban|account.?(no|number)|ssn|social|passport|secret|token|otp|code|key|answer|recovery|phrase|seed|mnemonic|security|private|maiden|memorable|\bpuk\b|\btan\b/i;

export function isSecretFact(name: string): boolean {
  return SECRET_FACT.test(name);
}

const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export class Secrets {
  /** Longest first, so a card number is replaced before any chunk of it. */
  private values: string[] = [];
  /**
   * Secrets too short to find inside text (a password typed a letter at a time): replaced where a whole string is
   * one, or where one stands quoted (`"text":"T"` in a model's reply).
   */
  private short: string[] = [];
  /** Numbers and codes people write with or without separators ("4111-1111-…", an IBAN without its spaces). */
  private spaced: RegExp[] = [];

  /** Profile facts that are secrets by name. */
  static fromFacts(facts: Record<string, string>): Secrets {
    const s = new Secrets();
    for (const [k, v] of Object.entries(facts)) if (isSecretFact(k)) s.add(v);
    return s;
  }

  /** Remember a secret (and, for a number, the same digits without their spaces and dashes). */
  add(value: string | undefined): void {
    const v = value?.trim() ?? '';
    if (!v || v === REDACTED) return;
    if (v.length < 3) {
      if (!this.short.includes(v)) this.short.push(v);
      return;
    }
    const forms = new Set([v]);
    if (/^[\d\s.\-\u00a0]+$/.test(v)) forms.add(v.replace(/[\s.\-\u00a0]/g, ''));
    for (const f of forms) if (f.length >= 3 && !this.values.includes(f)) this.values.push(f);
    this.values.sort((a, b) => b.length - a.length);
    // Letters and digits with separators or none (card numbers, IBANs, account numbers): any separators match.
    const bare = v.replace(/[\s.\-\u00a0/]/g, '');
    if (bare.length >= 8 && bare.length <= 64 && /^[A-Za-z0-9]+$/.test(bare) && /\d/.test(bare)) {
      const source = [...bare].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s.\\-\\u00a0/]?');
      if (!this.spaced.some((r) => r.source === source)) this.spaced.push(new RegExp(source, 'gi'));
    }
  }

  get size(): number {
    return this.values.length + this.short.length;
  }

  /** `text` with every secret replaced; a short or all-digit secret only where it is not part of a longer word. */
  text(text: string): string {
    if (!text || !this.size) return text;
    let out = text;
    for (const v of this.short) {
      if (out === v) return REDACTED;
      // Quoted as a JSON string, or in single quotes as native grammars type it (`type(content='T')`).
      out = out.split(JSON.stringify(v)).join(JSON.stringify(REDACTED));
      out = out.split(`'${v}'`).join(`'${REDACTED}'`);
    }
    // Each pattern is a fixed sequence with at most one optional separator between characters: linear.
    for (const re of this.spaced) out = out.replace(re, REDACTED);
    for (const v of this.values) {
      if (!out.includes(v)) continue;
      const bounded = v.length <= 8 || /^\d+$/.test(v);
      if (!bounded) {
        out = out.split(v).join(REDACTED);
        continue;
      }
      let res = '';
      let from = 0;
      for (let i = out.indexOf(v); i >= 0; i = out.indexOf(v, i + v.length)) {
        const before = i > 0 ? out.charCodeAt(i - 1) : -1;
        const after = i + v.length < out.length ? out.charCodeAt(i + v.length) : -1;
        if (alnum(before) || alnum(after)) continue;
        res += out.slice(from, i) + REDACTED;
        from = i + v.length;
      }
      out = res + out.slice(from);
    }
    return out;
  }

  /** A copy of a JSON-like value with every string scrubbed (numbers are left alone: bounds are not secrets). */
  scrub<T>(value: T): T {
    if (!this.size) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object' && !Buffer.isBuffer(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }

  /** Escaped regular expressions, one per secret: the frame blacks out any element that shows one. */
  patterns(): string[] {
    return [...this.values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), ...this.spaced.map((r) => r.source)];
  }
}
