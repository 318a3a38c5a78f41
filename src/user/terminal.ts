// Asking the person at the terminal. Shows what heed is about to do, the category, the evidence and why it asks.
import { createInterface, type Interface } from 'node:readline/promises';
import { categoryWords, type ConsentAnswer } from '../core/vocab.js';
import type { ConsentRequest, Question, UserChannel } from './channel.js';

export class TerminalUser implements UserChannel {
  readonly kind = 'terminal';
  private rl: Interface;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.rl = createInterface({ input, output, terminal: false });
  }

  async ask(q: Question): Promise<string> {
    const opts = q.options?.length ? `\n${q.options.map((o, i) => `  ${i + 1}) ${o}`).join('\n')}` : '';
    const a = (await this.rl.question(`\n? heed asks: ${q.question}${opts}\n> `)).trim();
    const n = Number(a);
    return q.options && Number.isInteger(n) && n >= 1 && n <= q.options.length ? q.options[n - 1]! : a;
  }

  async consent(r: ConsentRequest): Promise<ConsentAnswer> {
    const means = r.explanation ? `  means:    ${r.explanation.what} That lasts ${r.explanation.lasts}.\n` : '';
    this.output.write(
      `\n! heed needs your consent (${categoryWords(r.category)}${r.irreversible ? ', irreversible' : ''})\n` +
        means +
        `  app:      ${r.app}\n  action:   ${r.action}\n  grants:   ${r.grant}\n  evidence: ${r.evidence}\n  why ask:  ${r.reason}\n`,
    );
    // heed remembers no answer about a step it cannot name (memory and the gate refuse to): no "always" or "never"
    // is offered that would promise it does.
    const remembers = r.category !== 'unknown';
    const prompt = remembers
      ? '  [o] allow once  [a] always allow  [d] deny  [n] never  [i] do something else > '
      : '  [o] allow once  [d] deny  [i] do something else (no answer about a step heed cannot name is remembered) > ';
    for (;;) {
      const a = (await this.rl.question(prompt)).trim().toLowerCase();
      if (a === 'o' || a === 'allow once') return { kind: 'allow_once' };
      if (remembers && (a === 'a' || a === 'always')) return { kind: 'always' };
      if (a === 'd' || a === 'deny' || a === '') return { kind: 'deny' }; // an empty answer never allows
      if (remembers && (a === 'n' || a === 'never')) return { kind: 'never' };
      if (a === 'i')
        return { kind: 'instead', instruction: (await this.rl.question('  what should heed do instead? > ')).trim() };
      this.output.write(remembers ? '  please answer o, a, d, n or i\n' : '  please answer o, d or i\n');
    }
  }

  async close(): Promise<void> {
    this.rl.close();
  }
}
