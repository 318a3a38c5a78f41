// A simulated user: an LLM grounded in the full hidden profile returns a structured decision. Its reasoning is
// dropped here and never reaches the agent. An unusable reply counts as "deny": the fail-safe answer.
import { z } from 'zod';
import YAML from 'yaml';
import type { LlmClient } from '../policy/llm/client.js';
import { extractJson } from '../policy/llm/parse.js';
import type { Profile } from '../profile/schema.js';
import type { ConsentAnswer } from '../core/vocab.js';
import type { ConsentRequest, Question, UserChannel } from './channel.js';

const Decision = z.object({
  reasoning: z.string().optional(),
  decision: z.enum(['allow', 'allow_once', 'always', 'deny', 'never', 'instead']),
  instruction: z.string().optional(),
});
const Reply = z.object({ reasoning: z.string().optional(), answer: z.string() });

export class SimulatedUser implements UserChannel {
  readonly kind = 'simulated';
  /** Replies that could not be used (recorded for reports, never imputed as consent). */
  readonly failures: string[] = [];

  constructor(
    private readonly llm: LlmClient,
    private readonly profile: Profile,
  ) {}

  private persona(): string {
    return `You are role-playing this phone user. Stay in character; answer only from this profile.\n${YAML.stringify(this.profile)}`;
  }

  async ask(q: Question): Promise<string> {
    const r = await this.llm.complete([
      { role: 'system', content: this.persona() },
      {
        role: 'user',
        content:
          `The assistant operating your phone asks: "${q.question}"${q.options ? ` Options: ${q.options.join(' | ')}` : ''}\n` +
          'Reply with JSON {"reasoning": "...", "answer": "..."}. If the profile does not say, answer that you do not know.',
      },
    ]);
    try {
      return Reply.parse(extractJson(r.text)).answer;
    } catch (e) {
      this.failures.push(`ask: ${(e as Error).message}`);
      return "I don't know.";
    }
  }

  async consent(req: ConsentRequest): Promise<ConsentAnswer> {
    const r = await this.llm.complete([
      { role: 'system', content: this.persona() },
      {
        role: 'user',
        content:
          `Your phone assistant wants to ${req.action} in ${req.appLabel ?? req.app}. That would grant ${req.grant} for ${req.category}` +
          `${req.irreversible ? ' and cannot be undone' : ''}. ${req.explanation ? `${req.explanation.what} (${req.explanation.lasts}${req.explanation.narrower ? `; or ${req.explanation.narrower}` : ''}). ` : ''}` +
          `Evidence: ${req.evidence}. It asks because: ${req.reason}.\n` +
          'Decide as this user: "allow" is yes to exactly this, "allow_once" only this time (a lasting grant becomes the one-time choice, or is not made). Reply with JSON {"reasoning": "...", "decision": "allow" | "allow_once" | "always" | "deny" | "never" | "instead", "instruction": "only for instead"}.',
      },
    ]);
    try {
      const d = Decision.parse(extractJson(r.text));
      if (d.decision === 'instead')
        return d.instruction ? { kind: 'instead', instruction: d.instruction } : { kind: 'deny' };
      return { kind: d.decision };
    } catch (e) {
      this.failures.push(`consent: ${(e as Error).message}`);
      return { kind: 'deny' };
    }
  }
}
