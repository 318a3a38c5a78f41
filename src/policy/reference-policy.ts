// ReferencePolicy: plays a task's reference steps, written with selectors (resource-id suffix, text, description)
// rather than coordinates, so they survive layout changes. Used by the demo without a model and to validate tasks.
import { z } from 'zod';
import { idSuffix } from '../device/ui-tree.js';
import type { FrameElement } from '../vision/frame.js';
import type { Action } from './actions.js';
import { emptyProposal, type Policy, type Proposal, type StepContext } from './policy.js';

export const Selector = z
  .strictObject({ id: z.string().optional(), text: z.string().optional(), desc: z.string().optional() })
  .refine((s) => s.id || s.text || s.desc, 'a selector needs id, text or desc');
export type Selector = z.infer<typeof Selector>;

export const RefStep = z.union([
  z.strictObject({ tap: Selector }),
  z.strictObject({ long_press: Selector }),
  z.strictObject({
    type: z.strictObject({ text: z.string(), into: Selector.optional(), clear: z.boolean().optional() }),
  }),
  z.strictObject({ scroll: z.enum(['up', 'down', 'left', 'right']) }),
  z.strictObject({ key: z.enum(['back', 'home']) }),
  z.strictObject({ open_app: z.string() }),
  z.strictObject({ ask_user: z.string() }),
  z.strictObject({ answer: z.string() }),
  z.strictObject({ wait: z.number().positive().nullable() }),
  z.strictObject({ finish: z.enum(['success', 'infeasible']), message: z.string().optional() }),
]);
export type RefStep = z.infer<typeof RefStep>;

export function findElement(elements: FrameElement[], s: Selector): FrameElement | undefined {
  return elements.find(
    (e) =>
      (s.id === undefined || idSuffix(e.resourceId) === s.id) &&
      (s.text === undefined || e.label === s.text || e.label.split(' · ').includes(s.text)) &&
      (s.desc === undefined || e.label === s.desc),
  );
}

/** Why reference steps cannot go on, said to the user (the demo without a model), ending the run cleanly. */
const NO_MODEL = 'reference steps cannot adapt; with a model (HEED_AGENT_MODEL) the agent would look for another way';
const end = (message: string): Proposal => emptyProposal({ action: 'finish', status: 'infeasible', message });

export class ReferencePolicy implements Policy {
  readonly name = 'reference';
  readonly convention = 'pixels' as const;
  private next = 0;
  private instruction?: string;

  constructor(private readonly steps: RefStep[]) {}

  async propose(ctx: StepContext): Promise<Proposal> {
    // The steps were written for one path through the task. When the user takes another (refuses a step, tells
    // heed to do something else), end the run and say why, rather than tap at a screen that is not there.
    this.instruction ??= ctx.instruction;
    const blocked = ctx.notes.find((n) => n.startsWith('heed blocked'));
    if (blocked)
      return end(
        `stopped: ${blocked.replace(/^heed blocked /, '').replace(/\. Do not retry it.*$/, '')}; the rest of this persona's ${NO_MODEL}`,
      );
    if (ctx.instruction !== this.instruction)
      return end(
        `stopped: you asked for something else ("${ctx.instruction.slice(this.instruction.length).replace(/^\s*The user now says:\s*/, '')}"); ${NO_MODEL}`,
      );
    const step = this.steps[this.next];
    if (!step) return emptyProposal({ action: 'finish', status: 'infeasible', message: 'the reference steps ran out' });
    const resolve = (s: Selector) => findElement(ctx.frame.elements, s);
    let action: Action;
    if ('tap' in step || 'long_press' in step) {
      const sel = 'tap' in step ? step.tap : step.long_press;
      const e = resolve(sel);
      if (!e)
        return end(
          `stopped at reference step ${this.next + 1}: nothing on screen matches ${JSON.stringify(sel)} (the screen went another way, e.g. after an answer of yours); ${NO_MODEL}`,
        );
      action = { action: 'tap' in step ? 'tap' : 'long_press', element: e.index };
    } else if ('type' in step) {
      const e = step.type.into ? resolve(step.type.into) : undefined;
      if (step.type.into && !e)
        return end(
          `stopped at reference step ${this.next + 1}: no field matches ${JSON.stringify(step.type.into)}; ${NO_MODEL}`,
        );
      action = {
        action: 'type',
        text: step.type.text,
        ...(e ? { element: e.index } : {}),
        ...(step.type.clear ? { clear: true } : {}),
      };
    } else if ('scroll' in step) action = { action: 'scroll', direction: step.scroll };
    else if ('key' in step) action = { action: step.key };
    else if ('open_app' in step) action = { action: 'open_app', app: step.open_app };
    else if ('ask_user' in step) action = { action: 'ask_user', question: step.ask_user };
    else if ('answer' in step) action = { action: 'answer', text: step.answer };
    else if ('wait' in step) action = { action: 'wait', ...(step.wait ? { seconds: step.wait } : {}) };
    else action = { action: 'finish', status: step.finish, message: step.message ?? 'reference steps done' };
    this.next++;
    return emptyProposal(action);
  }
}
