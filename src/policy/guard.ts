// The optional guard model (HEED_GUARD_MODEL): a second look at steps heed's rules did not flag. It sees the screen
// and the step, and may say the step is consent-sensitive; it can add a sensitivity, never remove one (it is never
// asked about steps the rules flagged). Its verdict and reasoning go to the ledger, never to the agent.
import { z } from 'zod';
import { Category } from '../core/vocab.js';
import type { LlmClient } from './llm/client.js';
import { extractJson } from './llm/parse.js';

export const GuardReply = z.object({
  sensitive: z.boolean(),
  category: Category.optional(),
  reason: z.string().default(''),
});

/** What the guard is shown: the step and the screen it happens on. */
export interface GuardInput {
  instruction: string;
  /** The app the step belongs to. */
  app: string;
  /** The step in words ("tap [12] \"Continue\""). */
  action: string;
  /** What the finger lands on, when anything. */
  target?: { label: string; resourceId: string; class: string };
  /** The texts on the screen, in document order. */
  screen: string[];
  /** The frame the agent saw (JPEG). */
  jpeg: Buffer;
}

/** One review, as the ledger keeps it. An error is recorded and adds nothing: the rules stand. */
export interface GuardReview {
  model: string;
  verdict: 'sensitive' | 'clear' | 'error';
  category?: Category;
  reasoning: string;
}

export interface Guard {
  readonly model: string;
  /** The signal cancels the model call itself (a run's budget, Ctrl-C), not only the wait for it. */
  review(i: GuardInput, signal?: AbortSignal): Promise<GuardReview>;
}

const SYSTEM = [
  'You check one step a phone agent is about to take for its user, before it happens.',
  'A step is sensitive when it would grant a permission, sign in or create an account, pay or buy or subscribe,',
  'send, post, share or upload, agree to terms, tracking or cookies, or delete, remove or log out.',
  `Categories: ${Category.options.join(', ')} (unknown when sensitive but none fits).`,
  'Reply with JSON only: {"sensitive": true|false, "category": "<category when sensitive>", "reason": "<one sentence>"}.',
].join(' ');

export class GuardModel implements Guard {
  constructor(private readonly llm: LlmClient) {}

  get model(): string {
    return this.llm.config.model;
  }

  async review(i: GuardInput, signal?: AbortSignal): Promise<GuardReview> {
    const text = [
      `The user asked: ${i.instruction}`,
      `App: ${i.app}`,
      `Step: ${i.action}`,
      i.target
        ? `It touches: "${i.target.label}" (${i.target.class}${i.target.resourceId ? `, id ${i.target.resourceId}` : ''})`
        : 'It touches no element.',
      `Texts on the screen:\n${i.screen.map((s) => `- ${s}`).join('\n')}`,
    ].join('\n');
    try {
      const r = await this.llm.complete(
        [
          { role: 'system', content: SYSTEM },
          {
            role: 'user',
            content: [
              { type: 'text', text },
              { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${i.jpeg.toString('base64')}` } },
            ],
          },
        ],
        { name: 'guard_verdict', schema: z.toJSONSchema(GuardReply) as Record<string, unknown> },
        signal ? { signal } : {},
      );
      const v = GuardReply.parse(extractJson(r.text));
      return v.sensitive
        ? { model: this.model, verdict: 'sensitive', category: v.category ?? 'unknown', reasoning: v.reason }
        : { model: this.model, verdict: 'clear', reasoning: v.reason };
    } catch (e) {
      // An aborted run is no guard error: the abort goes on to end the run.
      if (signal?.aborted) throw signal.reason;
      return { model: this.model, verdict: 'error', reasoning: (e as Error).message.split('\n')[0]! };
    }
  }
}
