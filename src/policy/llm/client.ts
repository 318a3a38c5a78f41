// One client for every OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, LM Studio …), on the openai SDK.
// Structured output where the endpoint takes it, falling back once to json_object and then to plain text;
// backoff retries on 429 / 5xx / timeouts; usage, latency and cost per call; optional cassette.
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { sleep } from '../../core/abort.js';
import { ModelError } from '../../core/errors.js';
import type { Cassette } from './cassette.js';
import type { Secrets } from '../../core/secrets.js';
import type { LlmConfig, Structured } from './config.js';

export type Message = ChatCompletionMessageParam;

export interface LlmResult {
  text: string;
  usage: { input: number; output: number };
  latencyMs: number;
  cost: number;
  retries: number;
}

export interface JsonSchemaSpec {
  name: string;
  schema: Record<string, unknown>;
}

function retryable(e: unknown): boolean {
  if (e instanceof OpenAI.APIUserAbortError) return false;
  if (e instanceof OpenAI.APIConnectionTimeoutError || e instanceof OpenAI.APIConnectionError) return true;
  if (e instanceof OpenAI.APIError) return e.status === 429 || (e.status !== undefined && e.status >= 500);
  return false;
}

/** A token count as the endpoint reported it, or 0: strings, negatives and NaN never reach the totals. */
export function tokenCount(v: unknown): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/**
 * The reply's text, whatever shape the endpoint sent: a string, content parts (their text joined), or anything else
 * as JSON, so a malformed reply is re-asked as unusable instead of crashing the parser. No choices: empty text.
 */
export function replyText(res: unknown): string {
  const content = (res as { choices?: { message?: { content?: unknown } }[] } | undefined)?.choices?.[0]?.message
    ?.content;
  if (typeof content === 'string') return content;
  if (content === undefined || content === null) return '';
  if (Array.isArray(content))
    return content
      .map((p) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? (p.text as string) : ''))
      .join('');
  return JSON.stringify(content);
}

export interface CompleteOptions {
  /** Aborts the call, its retries and its backoff (a run's budget, a signal); the abort's reason is thrown. */
  signal?: AbortSignal;
}

export class LlmClient {
  private readonly openai: OpenAI;
  private structured: Structured;

  constructor(
    readonly config: LlmConfig,
    private readonly cassette?: Cassette,
    /** Told about each retry (why, which attempt, how long until it), so a slow endpoint is never silent. */
    private readonly notify?: (line: string) => void,
  ) {
    // Our own retry loop (below) sees every attempt; the SDK's would hide them.
    this.openai = new OpenAI({
      baseURL: config.baseURL,
      apiKey: config.apiKey,
      maxRetries: 0,
      timeout: config.timeoutMs,
    });
    this.structured = config.structured;
  }

  /** The run's secrets: recorded calls are held and written redacted (see Cassette.guard). */
  guard(secrets: Secrets): void {
    this.cassette?.guard(secrets);
  }

  flush(): void {
    this.cassette?.flush();
  }

  async complete(messages: Message[], schema?: JsonSchemaSpec, o: CompleteOptions = {}): Promise<LlmResult> {
    const t0 = performance.now();
    const { signal } = o;
    if (this.cassette?.mode === 'replay') {
      const r = this.cassette.take(this.config.model, messages);
      return { ...r, latencyMs: performance.now() - t0, cost: this.cost(r.usage), retries: 0 };
    }
    let retries = 0;
    for (;;) {
      const attempt = performance.now();
      // The SDK's own timeout stops at the headers; an endpoint that sends them and then stalls would hold the call
      // until the run's budget. This one covers the whole reply, body included, and counts as a timeout.
      const deadline = AbortSignal.timeout(this.config.timeoutMs);
      let res: unknown;
      try {
        res = await this.openai.chat.completions.create(
          {
            model: this.config.model,
            messages,
            temperature: this.config.temperature,
            max_tokens: this.config.maxTokens,
            ...this.responseFormat(schema),
          },
          { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
        );
      } catch (caught) {
        if (signal?.aborted) throw signal.reason as Error;
        const e = deadline.aborted
          ? new OpenAI.APIConnectionTimeoutError({ message: `no complete reply within ${this.config.timeoutMs} ms` })
          : caught;
        if (
          schema &&
          this.structured !== 'none' &&
          e instanceof OpenAI.BadRequestError &&
          /response_format|json_schema|json_object/i.test(e.message)
        ) {
          // The endpoint does not take this kind of structured output: step down once and remember.
          this.structured = this.structured === 'json_schema' ? 'json_object' : 'none';
          continue;
        }
        if (retryable(e) && retries < this.config.maxRetries) {
          const wait = this.config.backoffMs * 2 ** retries;
          this.notify?.(
            `  … the ${this.config.slot} model ${this.trouble(e, performance.now() - attempt)}; retry ${retries + 1} of ${this.config.maxRetries} in ${(wait / 1000).toFixed(1)} s`,
          );
          await sleep(wait, signal);
          retries++;
          continue;
        }
        throw new ModelError(
          `The ${this.config.slot} model (${this.config.model} at ${this.config.baseURL}) failed${retries ? ` after ${retries + 1} attempts` : ''}: ${(e as Error).message}`,
          e instanceof OpenAI.AuthenticationError
            ? `check HEED_${this.config.slot.toUpperCase()}_API_KEY / OPENAI_API_KEY`
            : retries
              ? `it failed ${retries + 1} times; check the endpoint, or raise HEED_${this.config.slot.toUpperCase()}_MAX_RETRIES`
              : undefined,
        );
      }
      // A body without `choices` is no model reply: an error the endpoint or a proxy sent with status 200, or a URL
      // that is not a chat-completions endpoint. It is the endpoint's failure, retried like one, never the model's.
      if (!Array.isArray((res as { choices?: unknown } | undefined)?.choices)) {
        const body = JSON.stringify(res ?? null).slice(0, 200);
        if (retries < this.config.maxRetries) {
          const wait = this.config.backoffMs * 2 ** retries;
          this.notify?.(
            `  … the ${this.config.slot} model's endpoint answered without choices; retry ${retries + 1} of ${this.config.maxRetries} in ${(wait / 1000).toFixed(1)} s`,
          );
          await sleep(wait, signal);
          retries++;
          continue;
        }
        throw new ModelError(
          `The ${this.config.slot} model (${this.config.model} at ${this.config.baseURL}) answered without choices${retries ? ` ${retries + 1} times` : ''}: ${body}`,
          `check that HEED_${this.config.slot.toUpperCase()}_BASE_URL / OPENAI_BASE_URL is an OpenAI-compatible /v1 endpoint and what it says in that body`,
        );
      }
      const text = replyText(res);
      const u = (res as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
      const usage = { input: tokenCount(u?.prompt_tokens), output: tokenCount(u?.completion_tokens) };
      // Outside the try: a cassette that cannot be written is heed's failure, not the model's.
      this.cassette?.record(this.config.model, messages, { text, usage });
      return { text, usage, latencyMs: performance.now() - t0, cost: this.cost(usage), retries };
    }
  }

  /** What went wrong with one attempt, in words, naming the setting that governs it. */
  private trouble(e: unknown, ms: number): string {
    const S = `HEED_${this.config.slot.toUpperCase()}_`;
    // By the clock as well as by class: an aborted fetch is not always reported as a timeout.
    if (
      e instanceof OpenAI.APIConnectionTimeoutError ||
      (e instanceof OpenAI.APIConnectionError && ms >= this.config.timeoutMs * 0.95)
    )
      return `did not answer within ${(this.config.timeoutMs / 1000).toFixed(this.config.timeoutMs < 10_000 ? 1 : 0)} s (${S}TIMEOUT_MS)`;
    if (e instanceof OpenAI.APIConnectionError) return `could not be reached at ${this.config.baseURL}`;
    if (e instanceof OpenAI.APIError && e.status === 429) return 'is rate-limited (429)';
    if (e instanceof OpenAI.APIError) return `answered ${e.status}`;
    return 'failed';
  }

  private responseFormat(schema?: JsonSchemaSpec): Record<string, unknown> {
    if (!schema || this.structured === 'none') return {};
    if (this.structured === 'json_object') return { response_format: { type: 'json_object' } };
    return {
      response_format: {
        type: 'json_schema',
        json_schema: { name: schema.name, schema: schema.schema, strict: false },
      },
    };
  }

  private cost(u: { input: number; output: number }): number {
    return (u.input * this.config.pricing.input + u.output * this.config.pricing.output) / 1e6;
  }
}
