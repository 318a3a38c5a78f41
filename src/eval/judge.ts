// The LLM judge: the task's rubric and the trajectory in, a structured score out. A failure is recorded as a judge
// error and reported; it is never turned into a score (KnowU imputed 0.5).
import { z } from 'zod';
import type { LlmClient } from '../policy/llm/client.js';
import { extractJson } from '../policy/llm/parse.js';
import type { HistoryItem } from '../policy/policy.js';

const Verdict = z.object({ score: z.number().min(0).max(1), reason: z.string().optional() });

export async function judge(
  llm: LlmClient,
  o: { rubric: string; instruction: string; persona: string; history: HistoryItem[]; answer?: string },
): Promise<{ score: number } | { error: string }> {
  try {
    const r = await llm.complete(
      [
        {
          role: 'system',
          content:
            'You grade a phone agent\'s episode against a rubric. Reply with JSON {"score": number from 0 to 1, "reason": "..."} only.',
        },
        {
          role: 'user',
          content:
            `Task: ${o.instruction}\nUser (hidden persona): ${o.persona}\nRubric: ${o.rubric}\n` +
            `Trajectory:\n${o.history.map((h) => `${h.step}. ${h.action} → ${h.outcome}`).join('\n')}\n${o.answer ? `Answer given: ${o.answer}\n` : ''}`,
        },
      ],
      { name: 'judge_verdict', schema: z.toJSONSchema(Verdict) as Record<string, unknown> },
    );
    return { score: Verdict.parse(extractJson(r.text)).score };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0]! };
  }
}
