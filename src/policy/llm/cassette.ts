// Cassettes: every model call recorded to JSONL (request without secrets, images replaced by their hash, response),
// and replayed deterministically for reruns and tests. A replay miss is an error, never a guess.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { HeedError } from '../../core/errors.js';
import type { Secrets } from '../../core/secrets.js';
import { LIMITS, readLimited, writableDir } from '../../core/files.js';

export interface RecordedResponse {
  text: string;
  usage: { input: number; output: number };
}

interface Line {
  key: string;
  model: string;
  request: unknown;
  response: RecordedResponse;
}

/** Messages with data URLs replaced by their SHA-256: stable keys, small files, no pixels of the user's screen. */
export function scrubRequest(messages: unknown): unknown {
  return JSON.parse(
    JSON.stringify(messages, (_k, v) =>
      typeof v === 'string' && v.startsWith('data:')
        ? `<${v.slice(5, v.indexOf(';'))} sha256:${createHash('sha256').update(v).digest('hex').slice(0, 16)}>`
        : v,
    ),
  );
}

export function requestKey(model: string, messages: unknown): string {
  return createHash('sha256')
    .update(model)
    .update(JSON.stringify(scrubRequest(messages)))
    .digest('hex');
}

export class Cassette {
  private readonly replay = new Map<string, RecordedResponse[]>();
  /** While a run's secrets guard the cassette, lines wait here until the step that produced them is classified. */
  private secrets?: Secrets;
  private pending: Line[] = [];

  constructor(
    readonly file: string,
    readonly mode: 'record' | 'replay',
  ) {
    if (mode === 'replay') {
      if (!existsSync(file)) throw new HeedError(`No cassette at ${file}`, 'record one first with --record');
      const lines = readLimited(file, 'cassette', LIMITS.cassette).split('\n');
      for (const [i, raw] of lines.entries()) {
        if (!raw.trim()) continue;
        let line: Line;
        try {
          line = JSON.parse(raw) as Line;
          if (typeof line.key !== 'string' || typeof line.response?.text !== 'string') throw new Error('not a call');
        } catch (e) {
          throw new HeedError(
            `${file}: line ${i + 1} is not a recorded call (${(e as Error).message})`,
            'record the cassette again with --record',
          );
        }
        const q = this.replay.get(line.key) ?? [];
        q.push(line.response);
        this.replay.set(line.key, q);
      }
    } else {
      const hint = 'give --record a file in a folder you can write to';
      writableDir(dirname(file), 'the folder of the cassette', hint);
      // Found now, before the phone boots, rather than at the first model call (EISDIR, ending the run as an error).
      if (existsSync(file) && statSync(file).isDirectory())
        throw new HeedError(`${file} is a folder, not a cassette file`, hint);
    }
  }

  take(model: string, messages: unknown): RecordedResponse {
    const key = requestKey(model, messages);
    const q = this.replay.get(key);
    const r = q?.shift();
    if (!r)
      throw new HeedError(
        `The cassette ${this.file} has no recorded response for this request (${key.slice(0, 12)})`,
        'the prompt changed since recording; record again',
      );
    return r;
  }

  record(model: string, messages: unknown, response: RecordedResponse): void {
    const line: Line = { key: requestKey(model, messages), model, request: scrubRequest(messages), response };
    if (this.secrets) this.pending.push(line);
    else this.write([line]);
  }

  /**
   * From now on, hold each line until `flush`, which writes it with the run's secrets redacted: a secret typed at a
   * step is known only once that step is classified, after the model's reply was recorded. A reply that typed a
   * secret literally is kept redacted, so a replay types the placeholder (facts typed by name replay exactly).
   */
  guard(secrets: Secrets): void {
    this.secrets = secrets;
  }

  flush(): void {
    if (this.mode !== 'record' || !this.pending.length) return;
    const lines = this.pending.map((l) => ({
      ...l,
      request: this.secrets!.scrub(l.request),
      response: this.secrets!.scrub(l.response),
    }));
    this.pending = [];
    this.write(lines);
  }

  private write(lines: Line[]): void {
    try {
      appendFileSync(this.file, lines.map((l) => JSON.stringify(l) + '\n').join(''));
    } catch (e) {
      throw new HeedError(
        `Cannot write the cassette ${this.file}: ${(e as Error).message}`,
        'give --record a file in a folder you can write to',
      );
    }
  }
}
