// Before the phone boots: can this model slot work at all? A key for a remote endpoint, the endpoint answering,
// the model among those it serves (GET /models), and an image accepted (one tiny chat call). Each failure says
// what to fix, so a typo in a model name costs a second, not a booted phone and a timed-out first step.
import OpenAI from 'openai';
import sharp from 'sharp';
import { nearest } from '../../core/suggest.js';
import type { LlmConfig } from './config.js';

export interface PreflightCheck {
  name: 'key' | 'endpoint' | 'model' | 'image';
  status: 'ok' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}

/** Sent with the preflight's own chat call, so a scripted test endpoint can tell it from the agent's calls. */
export const PREFLIGHT_HEADER = 'x-heed-preflight';

/** Loopback and private networks: a local server (vLLM, Ollama, LM Studio) usually needs no key. */
export function isLocal(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.local') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host === 'host.docker.internal'
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0).replace(/\.0$/, '');
const tooSlow = (c: LlmConfig, ms: number) =>
  ms < c.timeoutMs
    ? `the run's time budget (HEED_MAX_SECONDS) cut each request at ${seconds(ms)} s: raise it if the model is slow to load, or check the server`
    : `raise HEED_${c.slot.toUpperCase()}_TIMEOUT_MS (now ${c.timeoutMs} ms) if the model is slow to load, or check the server`;
const keyVar = (c: LlmConfig) => `HEED_${c.slot.toUpperCase()}_API_KEY`;
const hasKey = (c: LlmConfig) => Boolean(c.apiKey) && c.apiKey !== 'not-needed';

/** A tiny PNG with something on it, as a data URL. */
async function probeImage(): Promise<string> {
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

function why(e: unknown): string {
  const err = e as Error & { status?: number; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return `${err.message}${cause && !err.message.includes(cause) ? ` (${cause})` : ''}`.split('\n')[0]!;
}

/**
 * One request within `ms`, its body included: the SDK's own timeout stops at the headers, so an endpoint that sends
 * them and then stalls would hold the preflight forever. A deadline that passes is a timeout, as in LlmClient.
 */
async function within<T>(ms: number, call: (o: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  try {
    return await call({ signal });
  } catch (e) {
    throw signal.aborted ? new OpenAI.APIConnectionTimeoutError({ message: `no complete reply within ${ms} ms` }) : e;
  }
}

/** `timeoutMs` caps each request's timeout (a run's time budget: the preflight keeps to it too). */
export async function preflight(c: LlmConfig, o: { timeoutMs?: number } = {}): Promise<PreflightCheck[]> {
  const checks: PreflightCheck[] = [];
  const where = `${c.model} at ${c.baseURL}`;
  const local = isLocal(c.baseURL);
  if (!hasKey(c) && !local) {
    checks.push({
      name: 'key',
      status: 'fail',
      detail: `no API key for the remote endpoint ${c.baseURL}`,
      fix: `set ${keyVar(c)} (or OPENAI_API_KEY); a local server (127.0.0.1, localhost) needs none`,
    });
    return checks;
  }
  checks.push({ name: 'key', status: 'ok', detail: hasKey(c) ? 'set' : 'none needed (local endpoint)' });

  const timeout = Math.min(o.timeoutMs ?? c.timeoutMs, c.timeoutMs);
  const client = new OpenAI({ baseURL: c.baseURL, apiKey: c.apiKey || 'not-needed', maxRetries: 0, timeout });
  let served: string[] | undefined;
  try {
    served = await within(timeout, async (r) => {
      const ids: string[] = [];
      for await (const m of client.models.list(r)) ids.push(m.id);
      return ids;
    });
    checks.push({ name: 'endpoint', status: 'ok', detail: `${c.baseURL} answers (${served.length} models)` });
  } catch (e) {
    if (e instanceof OpenAI.AuthenticationError || e instanceof OpenAI.PermissionDeniedError) {
      checks.push({
        name: 'endpoint',
        status: 'fail',
        detail: `${c.baseURL} refused the key (${(e as { status?: number }).status})`,
        fix: `check ${keyVar(c)} / OPENAI_API_KEY`,
      });
      return checks;
    }
    if (e instanceof OpenAI.APIError && e.status !== undefined) {
      // It answered, but lists no models (some servers have no /models): the chat call below decides.
      served = undefined;
      checks.push({ name: 'endpoint', status: 'ok', detail: `${c.baseURL} answers (GET /models: ${e.status})` });
    } else {
      const slow = e instanceof OpenAI.APIConnectionTimeoutError;
      checks.push({
        name: 'endpoint',
        status: 'fail',
        detail: slow
          ? `${c.baseURL} did not answer within ${seconds(timeout)} s`
          : `cannot reach ${c.baseURL}: ${why(e)}`,
        fix: slow
          ? tooSlow(c, timeout)
          : local
            ? 'start the server (vllm serve …, ollama serve, LM Studio’s server) or fix the URL'
            : `check ${c.baseURL} (HEED_${c.slot.toUpperCase()}_BASE_URL / OPENAI_BASE_URL) and the network`,
      });
      return checks;
    }
  }
  if (served === undefined)
    checks.push({ name: 'model', status: 'warn', detail: `the endpoint does not list its models; ${c.model} assumed` });
  else if (!served.includes(c.model)) {
    const near = nearest(c.model, served);
    checks.push({
      name: 'model',
      status: 'fail',
      detail: `${c.model} is not served at ${c.baseURL}${served.length ? ` (it serves ${served.slice(0, 8).join(', ')}${served.length > 8 ? ', …' : ''})` : ''}`,
      fix: near
        ? `did you mean ${near}? set HEED_${c.slot.toUpperCase()}_MODEL=${near}`
        : `set HEED_${c.slot.toUpperCase()}_MODEL to a model it serves`,
    });
    return checks;
  } else checks.push({ name: 'model', status: 'ok', detail: `${c.model} is served` });

  const image = await probeImage();
  const sent = Date.now();
  try {
    await within(timeout, (r) =>
      client.chat.completions.create(
        {
          model: c.model,
          max_tokens: 8,
          temperature: 0,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'heed preflight: what colour is this image? One word.' },
                { type: 'image_url', image_url: { url: image } },
              ],
            },
          ],
        },
        { headers: { [PREFLIGHT_HEADER]: '1' }, ...r },
      ),
    );
    checks.push({ name: 'image', status: 'ok', detail: `${where} accepts an image` });
  } catch (e) {
    const timedOut =
      e instanceof OpenAI.APIConnectionTimeoutError ||
      (e instanceof OpenAI.APIConnectionError && Date.now() - sent >= timeout * 0.95);
    const imageRefused = e instanceof OpenAI.BadRequestError && /image|vision|multimodal|content/i.test(e.message);
    checks.push({
      name: 'image',
      status: 'fail',
      detail: timedOut
        ? `${where} did not answer within ${seconds(timeout)} s`
        : imageRefused
          ? `${where} does not take image input: ${why(e)}`
          : `${where} failed a one-image chat call: ${why(e)}`,
      fix: timedOut
        ? tooSlow(c, timeout)
        : imageRefused
          ? 'use a vision-language model (heed sends a screenshot every step)'
          : 'check the model name and the server’s log',
    });
  }
  return checks;
}

export const preflightFailed = (checks: PreflightCheck[]) => checks.some((x) => x.status === 'fail');
