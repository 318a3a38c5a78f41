// ModelPolicy: one step's prompt in the model family's own template, the reply read in the family's own grammar,
// every action validated by heed's one action schema, and the model's coordinates mapped to image pixels through
// coords.ts. A reply heed cannot use (no action, a placeholder point, a point outside the image, an unknown action)
// is re-asked in the family's words a bounded number of times and never executed. A reply with several actions
// executes the first; the rest are recorded, not run.
import { fromModel, insideModelSpace, modelSpace, type Regime, type Size } from '../device/coords.js';
import type { FrameOptions } from '../vision/frame.js';
import { validateAction, type Action } from './actions.js';
import { resolveFamily } from './families/index.js';
import { ReplyError, type Family, type PastStep } from './families/types.js';
import type { LlmClient } from './llm/client.js';
import type { Secrets } from '../core/secrets.js';
import { actionJsonSchema } from './actions.js';
import { describeAction, type Policy, type Proposal, type StepContext } from './policy.js';

export { systemPrompt } from './families/json.js';

export interface Interpreted {
  action: Action;
  /** Further actions the reply had, in image pixels: recorded, never executed. */
  ignored: Action[];
  thought?: string;
}

type Pt = { x: number; y: number };

/** Map one action's points from the model's regime to image pixels, refusing points outside the image. */
function toImage(a: Action, image: Size, regime: Regime): Action {
  const space = modelSpace(image, regime);
  const geometry = { device: image, screenshot: image, image };
  const map = (p: Pt, what: string): Pt => {
    if (!insideModelSpace(image, p, regime))
      throw new ReplyError(
        `${what} (${p.x}, ${p.y}) is outside the image, whose coordinates run 0–${space.width} × 0–${space.height}`,
      );
    return fromModel(geometry, p, regime);
  };
  const o = { ...a } as Record<string, unknown>;
  if (typeof o.x === 'number' && typeof o.y === 'number')
    Object.assign(o, map({ x: o.x, y: o.y }, `the point of ${a.action}`));
  for (const k of ['from', 'to'] as const) {
    const v = o[k] as [number, number] | undefined;
    if (v) {
      const p = map({ x: v[0], y: v[1] }, `the swipe's ${k}`);
      o[k] = [p.x, p.y];
    }
  }
  return o as Action;
}

/**
 * What heed would do with a raw reply of this family to an image of this size: the first action in image pixels, or
 * a ReplyError saying why not. This is `heed reply` and every step of ModelPolicy.
 */
export function interpret(family: Family, reply: string, image: Size, elements?: Set<number>): Interpreted {
  const reading = family.read(reply);
  if (!reading.actions.length) throw new ReplyError('the reply has no action');
  const actions = reading.actions.map((raw) => {
    const v = validateAction(raw);
    if (!v.ok) throw new ReplyError(v.error);
    const el = (v.action as { element?: number }).element;
    if (el !== undefined && elements && !elements.has(el))
      throw new ReplyError(`element ${el} is not in the element list`);
    return toImage(v.action, image, family.regime);
  });
  return { action: actions[0]!, ignored: actions.slice(1), ...(reading.thought ? { thought: reading.thought } : {}) };
}

export class ModelPolicy implements Policy {
  readonly name: string;
  /** Actions come out in image pixels whatever the family's regime. */
  readonly convention = 'pixels' as const;
  readonly family: Family;
  private past: PastStep[] = [];
  /** The run's secrets: no prompt carries one (the model's own earlier replies included). */
  private secrets?: Secrets;

  constructor(
    private readonly llm: LlmClient,
    private readonly maxRepairs = 2,
    family?: Family,
  ) {
    this.family = family ?? resolveFamily(llm.config);
    this.name = `model:${llm.config.model}${this.family.name === 'json' ? '' : ` (${this.family.name})`}`;
  }

  /** The image the family's model expects: the frame stage makes exactly this. */
  get frame(): FrameOptions {
    return this.family.frame;
  }

  guard(secrets: Secrets): void {
    this.secrets = secrets;
    this.llm.guard(secrets);
  }

  flush(): void {
    this.llm.flush();
  }

  buildMessages(ctx: StepContext) {
    const m = this.family.messages({ ...ctx, image: dataUrl(ctx.frame.jpeg), past: this.past, now: new Date() });
    return this.secrets?.size ? this.secrets.scrub(m) : m;
  }

  async propose(ctx: StepContext): Promise<Proposal> {
    // A new run starts at step 1 (a policy may be reused across episodes); outcomes come from the loop's history.
    if (ctx.step <= (this.past.at(-1)?.step ?? 0)) this.past = [];
    for (const p of this.past) p.outcome = ctx.history.find((h) => h.step === p.step)?.outcome ?? p.outcome;
    const messages = this.buildMessages(ctx);
    const p: Proposal = { attempts: 0, raw: [], usage: { input: 0, output: 0 }, latencyMs: 0, cost: 0 };
    const indexes = new Set(ctx.frame.elements.map((e) => e.index));
    const schema = this.family.structured ? { name: 'heed_action', schema: actionJsonSchema() } : undefined;
    for (;;) {
      p.attempts++;
      const r = await this.llm.complete(messages, schema, { signal: ctx.signal });
      p.raw.push(r.text);
      p.usage.input += r.usage.input;
      p.usage.output += r.usage.output;
      p.latencyMs += r.latencyMs;
      p.cost += r.cost;
      try {
        const got = interpret(this.family, r.text, ctx.frame.geometry.image, indexes);
        this.remember(ctx, r.text, got);
        delete p.error;
        return {
          ...p,
          action: got.action,
          ...(got.ignored.length ? { ignored: got.ignored.map(describeAction) } : {}),
        };
      } catch (e) {
        if (!(e instanceof ReplyError)) throw e;
        p.error = e.message;
      }
      if (p.attempts > this.maxRepairs) {
        this.remember(ctx, r.text);
        return p;
      }
      messages.push({ role: 'assistant', content: r.text });
      messages.push({ role: 'user', content: this.family.reask(p.error) });
    }
  }

  private remember(ctx: StepContext, reply: string, got?: Interpreted): void {
    this.past.push({
      step: ctx.step,
      image: dataUrl(ctx.frame.jpeg),
      package: ctx.package,
      reply,
      ...(got?.thought ? { thought: got.thought } : {}),
      ...(got ? { action: describeAction(got.action) } : {}),
      outcome: '',
    });
  }
}

function dataUrl(jpeg: Buffer): string {
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
