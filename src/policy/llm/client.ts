// One client for every OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, LM Studio …), on the openai SDK.
// Structured output where the endpoint takes it, falling back once to json_object and then to plain text;
// backoff retries on 429 / 5xx / timeouts; usage, latency and cost per call; optional cassette.
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { HeedError } from '../../core/errors.js';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryable(e: unknown): boolean {
  if (e instanceof OpenAI.APIConnectionTimeoutError || e instanceof OpenAI.APIConnectionError) return true;
  if (e instanceof OpenAI.APIError) return e.status === 429 || (e.status !== undefined && e.status >= 500);
  return false;
}

export class LlmClient {
  private readonly openai: OpenAI;
  private structured: Structured;

  constructor(
    readonly config: LlmConfig,
    private readonly cassette?: Cassette,
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

  async complete(messages: Message[], schema?: JsonSchemaSpec): Promise<LlmResult> {
    const t0 = performance.now();
    if (this.cassette?.mode === 'replay') {
      const r = this.cassette.take(this.config.model, messages);
      return { ...r, latencyMs: performance.now() - t0, cost: this.cost(r.usage), retries: 0 };
    }
    let retries = 0;
    for (;;) {
      try {
        const res = await this.openai.chat.completions.create({
          model: this.config.model,
          messages,
          temperature: this.config.temperature,
          max_tokens: this.config.maxTokens,
          ...this.responseFormat(schema),
        });
        const text = res.choices[0]?.message?.content ?? '';
        const usage = { input: res.usage?.prompt_tokens ?? 0, output: res.usage?.completion_tokens ?? 0 };
        this.cassette?.record(this.config.model, messages, { text, usage });
        return { text, usage, latencyMs: performance.now() - t0, cost: this.cost(usage), retries };
      } catch (e) {
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
          await sleep(this.config.backoffMs * 2 ** retries);
          retries++;
          continue;
        }
        throw new HeedError(
          `The ${this.config.slot} model (${this.config.model} at ${this.config.baseURL}) failed: ${(e as Error).message}`,
          e instanceof OpenAI.AuthenticationError
            ? `check HEED_${this.config.slot.toUpperCase()}_API_KEY / OPENAI_API_KEY`
            : undefined,
        );
      }
    }
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
