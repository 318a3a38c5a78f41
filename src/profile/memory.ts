// Learned preferences per user. Answers like "always" and "never" become rules; a later answer that contradicts an
// earlier one replaces it (preferences drift) while the old one stays in the history with what superseded it.
import { existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Category, Grant, UNKNOWN_RULE } from '../core/vocab.js';
import { HeedError } from '../core/errors.js';
import { fsReason, LIMITS, readLimited } from '../core/files.js';

export const MemoryEntry = z.strictObject({
  id: z.number().int(),
  /** The app the rule is about; undefined means every app. */
  app: z.string().optional(),
  category: Category.refine((c) => c !== 'unknown', UNKNOWN_RULE),
  decision: z.enum(['allow', 'deny']),
  /**
   * allow only: the broadest grant the rule covers ("always" given to "Only this time" covers one-time grants, not
   * "While using the app"). Unset: every grant (rules written by hand, and those saved before grants were kept).
   */
  grant: Grant.optional(),
  provenance: z.enum(['asked', 'feedback', 'explicit']),
  at: z.string(),
  /** The user's words, when there were any. */
  text: z.string().optional(),
  supersededBy: z.number().int().optional(),
});
export type MemoryEntry = z.infer<typeof MemoryEntry>;

const MemoryFile = z.strictObject({ version: z.literal(1), entries: z.array(MemoryEntry) });

export interface MemoryOptions {
  /**
   * Told when an answer could not be saved (a read-only HEED_HOME, a full disk): the answer still holds for this
   * run, and the user must hear that it will not outlive it.
   */
  onUnsaved?: (message: string) => void;
}

export class Memory {
  /** Told about every answer that became a rule and was saved, so the user hears "remembered: …" when it happens. */
  onRemember?: (e: MemoryEntry) => void;
  /** Answers that hold for this run but could not be written to the file, said in words. */
  readonly unsaved: string[] = [];

  private constructor(
    readonly file: string | undefined,
    private entries: MemoryEntry[],
    private readonly o: MemoryOptions = {},
  ) {}

  /** Memory kept only for this process (evaluation episodes that must not learn across runs). */
  static inMemory(): Memory {
    return new Memory(undefined, []);
  }

  static open(file: string, o: MemoryOptions = {}): Memory {
    if (!existsSync(file)) return new Memory(file, [], o);
    const text = readLimited(file, 'memory', LIMITS.memory);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new HeedError(
        `${file}: memory file is not valid JSON: ${(e as Error).message}`,
        'fix or move the file; heed will not overwrite it',
      );
    }
    const r = MemoryFile.safeParse(raw);
    if (!r.success) throw new HeedError(`${file}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
    return new Memory(file, r.data.entries, o);
  }

  /** Rules in force: the newest entry per (app, category). */
  rules(): MemoryEntry[] {
    return this.entries.filter((e) => e.supersededBy === undefined);
  }

  history(): MemoryEntry[] {
    return [...this.entries];
  }

  /** The rule for this app and category: an app-specific rule first, then one for every app. Never for `unknown`. */
  lookup(app: string, category: Category): MemoryEntry | undefined {
    if (category === 'unknown') return undefined;
    const live = this.rules().filter((e) => e.category === category);
    return live.find((e) => e.app === app) ?? live.find((e) => e.app === undefined);
  }

  /**
   * Stores an answer as a rule. An answer about an `unknown` step is not remembered: "always" for one screen heed
   * could not name would cover every other such screen (the run's own refusal still holds, in the Session).
   */
  remember(
    e: Omit<MemoryEntry, 'id' | 'at' | 'supersededBy' | 'category'> & { category: Category },
    at = new Date(),
  ): MemoryEntry | undefined {
    const category = e.category;
    if (category === 'unknown') return undefined;
    const id = Math.max(0, ...this.entries.map((x) => x.id)) + 1;
    const entry: MemoryEntry = { ...e, category, id, at: at.toISOString() };
    for (const old of this.rules()) {
      if (old.category === e.category && old.app === e.app) old.supersededBy = entry.id;
    }
    this.entries.push(entry);
    try {
      this.save();
      this.onRemember?.(entry);
    } catch (e) {
      const said = `${entry.decision === 'allow' ? 'always allow' : 'never allow'} ${entry.category}${entry.app ? ` in ${entry.app}` : ''}`;
      const message = `your answer "${said}" holds for this run but could not be saved to ${this.file} (${fsReason(e)}); set HEED_HOME to a folder heed can write, or answer again next time`;
      this.unsaved.push(message);
      this.o.onUnsaved?.(message);
    }
    return entry;
  }

  /**
   * Forgets rules in force: by id, or every one for a category (in one app, or in all). Rules they replaced stay
   * history: forgetting "never" does not bring back an older "always". Returns what was forgotten.
   */
  forget(what: { id: number } | { category: Category; app?: string }): MemoryEntry[] {
    const gone = this.rules().filter((e) =>
      'id' in what ? e.id === what.id : e.category === what.category && (what.app === undefined || e.app === what.app),
    );
    this.entries = this.entries.filter((e) => !gone.includes(e));
    if (gone.length) this.save();
    return gone;
  }

  /** Forgets everything, history included. Returns how many entries there were. */
  clear(): number {
    const n = this.entries.length;
    this.entries = [];
    this.save();
    return n;
  }

  /** One line per rule, for the prompt. */
  describe(): string[] {
    return this.rules().map(describeEntry);
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written memory.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, entries: this.entries }, null, 2));
    renameSync(tmp, this.file);
  }
}

/** "Never allow camera in com.heed.trailcam" — the prompt's words and the user's. */
export function describeEntry(e: MemoryEntry): string {
  const grant = e.decision === 'allow' && e.grant ? ` (up to ${e.grant})` : '';
  return `${e.decision === 'allow' ? 'Allow' : 'Never allow'} ${e.category}${e.app ? ` in ${e.app}` : ''}${grant}${e.text ? ` ("${e.text}")` : ''}`;
}
