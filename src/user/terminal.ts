// Asking the person at the terminal. Shows, in plain words, what heed is about to do and what it would grant for how
// long, the narrower choice the screen has, the evidence and why it asks. Enter takes the default, which is shown
// and said (deny: heed does not do it); a terminal whose input ends answers as a closed channel, never as the person.
import { createInterface, type Interface } from 'node:readline/promises';
import { categoryWords, type ConsentAnswer } from '../core/vocab.js';
import type { ConsentRequest, Question, UserChannel } from './channel.js';

export class TerminalUser implements UserChannel {
  readonly kind = 'terminal';
  private rl: Interface;
  private closed = false;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.rl = createInterface({ input, output, terminal: false });
    this.rl.on('close', () => (this.closed = true));
  }

  /** One line from the person, or undefined when the input has ended. */
  private async line(prompt: string): Promise<string | undefined> {
    if (this.closed) return undefined;
    const ended = new Promise<undefined>((r) => this.rl.once('close', () => r(undefined)));
    try {
      return await Promise.race([this.rl.question(prompt), ended]);
    } catch {
      return undefined; // the interface closed under the question
    }
  }

  async ask(q: Question): Promise<string> {
    const opts = q.options?.length ? `\n${q.options.map((o, i) => `  ${i + 1}) ${o}`).join('\n')}` : '';
    const a = (await this.line(`\n? heed asks: ${q.question}${opts}\n> `))?.trim();
    if (a === undefined) return '(the terminal closed before an answer)';
    const n = Number(a);
    return q.options && Number.isInteger(n) && n >= 1 && n <= q.options.length ? q.options[n - 1]! : a;
  }

  async consent(r: ConsentRequest): Promise<ConsentAnswer> {
    const x = r.explanation;
    const label = r.appLabel ? `${r.appLabel} (${r.app})` : r.app;
    this.output.write(
      `\n! heed needs your consent (${categoryWords(r.category)}${r.irreversible ? ', irreversible' : ''})\n` +
        (x ? `  ${x.what} (${x.lasts})\n` : '') +
        (x?.narrower ? `  Narrower: ${x.narrower}.\n` : '') +
        `  app:      ${label}\n  action:   ${r.action}\n  grants:   ${r.grant}\n  evidence: ${r.evidence}\n  why ask:  ${r.reason}\n`,
    );
    // heed remembers no answer about a step it cannot name (memory and the gate refuse to): no "always" or "never"
    // is offered that would promise it does.
    const remembers = r.category !== 'unknown';
    const choices = remembers
      ? '  [y] allow  [o] only this time  [a] always allow  [d] deny  [n] never  [i] do something else'
      : '  [y] allow  [o] only this time  [d] deny  [i] do something else (no answer about a step heed cannot name is remembered)';
    for (;;) {
      const line = await this.line(`${choices}  (Enter = d, the default: heed will not do it) > `);
      if (line === undefined) {
        this.output.write('\n  (the terminal closed: heed denies)\n');
        return { kind: 'deny', source: 'channel-closed' };
      }
      const a = line.trim().toLowerCase();
      if (a === '') {
        this.output.write('  → deny (the default): heed will not do it\n');
        return { kind: 'deny', source: 'default' };
      }
      if (a === 'y' || a === 'allow' || a === 'yes') return { kind: 'allow' };
      if (a === 'o' || a === 'allow once' || a === 'once') return { kind: 'allow_once' };
      if (remembers && (a === 'a' || a === 'always')) return { kind: 'always' };
      if (a === 'd' || a === 'deny' || a === 'no') return { kind: 'deny' };
      if (remembers && (a === 'n' || a === 'never')) return { kind: 'never' };
      if (a === 'i') {
        const instead = (await this.line('  what should heed do instead? > '))?.trim();
        if (instead) return { kind: 'instead', instruction: instead };
        this.output.write('  (no instruction given)\n');
        continue;
      }
      this.output.write(
        `  please answer ${remembers ? 'y, o, a, d, n or i' : 'y, o, d or i'} (or Enter for the default, deny)\n`,
      );
    }
  }

  async close(): Promise<void> {
    this.rl.close();
  }
}
