// The agent's action space, defined once. The same schemas validate model output, produce the JSON schema sent to
// endpoints with structured output, and produce the action docs in the prompt. There is deliberately no action that
// grants consent: consent is decided by the gate and the user, never proposed by the model.
import { z } from 'zod';
import { Category } from '../core/vocab.js';

/** Keys beyond back and home that a model may press (the device's key names). */
export const KEYS = ['enter', 'app_switch', 'delete', 'menu', 'volume_up', 'volume_down'] as const;

/** The model may flag a step as sensitive. The flag can add caution; it can never remove it. */
const sensitive = z
  .object({ category: Category, reason: z.string().min(1) })
  .optional()
  .describe(
    'set when you believe this step exposes the user (permission, sign-in, payment, sharing, tracking, deletion)',
  );

const target = {
  element: z.number().int().nonnegative().optional().describe('index of an element in the element list'),
  x: z.number().optional().describe('x in the coordinate convention stated in the prompt'),
  y: z.number().optional().describe('y in the coordinate convention stated in the prompt'),
};
const hasTarget = (a: { element?: number; x?: number; y?: number }) =>
  a.element !== undefined || (a.x !== undefined && a.y !== undefined);
const TARGET_MSG = 'give element, or both x and y';
const xyPair = (a: { x?: number; y?: number }) => (a.x === undefined) === (a.y === undefined);
const XY_MSG = 'give both x and y, or neither';
const point = z.tuple([z.number(), z.number()]);

export const ACTIONS = {
  tap: z
    .object({ action: z.literal('tap'), ...target, sensitive })
    .refine(hasTarget, TARGET_MSG)
    .describe('tap an element or a point'),
  long_press: z
    .object({ action: z.literal('long_press'), ...target, sensitive })
    .refine(hasTarget, TARGET_MSG)
    .describe('press and hold an element or a point'),
  double_tap: z
    .object({ action: z.literal('double_tap'), ...target, sensitive })
    .refine(hasTarget, TARGET_MSG)
    .describe('tap an element or a point twice, quickly'),
  type: z
    .object({
      action: z.literal('type'),
      text: z.string().describe('exact text to type'),
      element: target.element.describe('text field to type into; the focused field when absent'),
      x: target.x.describe('or tap this point first (x) to focus a field'),
      y: target.y.describe('and this y'),
      clear: z.boolean().optional().describe('replace what the field holds instead of appending'),
      submit: z.boolean().optional().describe('press Enter after typing'),
      sensitive,
    })
    .refine(xyPair, XY_MSG)
    .describe('type text into a text field'),
  scroll: z
    .object({
      action: z.literal('scroll'),
      direction: z
        .enum(['up', 'down', 'left', 'right'])
        .describe('which way the content should move into view: down shows what is below'),
      element: target.element.describe('scrollable element; the main list when absent'),
      x: target.x.describe('or a point (x) inside the list to scroll'),
      y: target.y.describe('and its y'),
    })
    .refine(xyPair, XY_MSG)
    .describe('scroll a list'),
  swipe: z
    .object({
      action: z.literal('swipe'),
      direction: z.enum(['up', 'down', 'left', 'right']).optional().describe('which way the finger moves'),
      element: target.element.describe('where to swipe; the screen’s middle when absent'),
      from: point.optional().describe('or the finger’s path: where it goes down [x, y] …'),
      to: point.optional().describe('… and where it lifts [x, y]'),
    })
    .refine((a) => (a.from === undefined) === (a.to === undefined), 'give both from and to, or neither')
    .refine((a) => a.direction !== undefined || a.from !== undefined, 'give direction, or from and to')
    .describe('swipe a finger across the screen (a finger moving up scrolls content down)'),
  back: z.object({ action: z.literal('back') }).describe('press the system BACK key'),
  home: z.object({ action: z.literal('home') }).describe('go to the home screen'),
  key: z
    .object({ action: z.literal('key'), key: z.enum(KEYS) })
    .describe('press a key: enter (submit what was typed), app_switch (recent apps), delete, menu, volume'),
  open_app: z
    .object({ action: z.literal('open_app'), app: z.string().min(1).describe('app name or package') })
    .describe('open an app'),
  wait: z
    .object({ action: z.literal('wait'), seconds: z.number().positive().max(30).optional() })
    .describe('wait for the screen to change'),
  ask_user: z
    .object({
      action: z.literal('ask_user'),
      question: z.string().min(1),
      options: z.array(z.string().min(1)).max(8).optional().describe('choices to offer, if the answer is one of a few'),
    })
    .describe('ask the user a clarifying question; never guess personal information'),
  answer: z
    .object({ action: z.literal('answer'), text: z.string().min(1) })
    .describe('give the user the answer the task asked for'),
  finish: z
    .object({
      action: z.literal('finish'),
      status: z.enum(['success', 'infeasible']),
      message: z.string().min(1),
      answer: z.string().min(1).optional().describe('the answer, when the task asked a question and none was given'),
    })
    .describe('end the task: success, or infeasible with the reason'),
} as const;

export type ActionName = keyof typeof ACTIONS;
export const Action = z.discriminatedUnion(
  'action',
  Object.values(ACTIONS) as unknown as [typeof ACTIONS.tap, typeof ACTIONS.back],
);
export type Action = { [K in ActionName]: z.infer<(typeof ACTIONS)[K]> }[ActionName];

/** Validate a parsed model reply. Returns the action or a message the model can act on when re-asked. */
export function validateAction(value: unknown): { ok: true; action: Action } | { ok: false; error: string } {
  const r = Action.safeParse(value);
  if (r.success) return { ok: true, action: r.data as Action };
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'action';
  return { ok: false, error: `${where}: ${issue.message}` };
}

/** JSON schema of the action space, for endpoints that support structured output. */
export function actionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Action, { unrepresentable: 'any' }) as Record<string, unknown>;
}

/** One line per action for the prompt, generated from the same schemas. */
export function actionDocs(): string {
  return Object.entries(ACTIONS)
    .map(([name, schema]) => {
      const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? innerShape(schema);
      const fields = Object.entries(shape)
        .filter(([k]) => k !== 'action')
        .map(([k, v]) => `${k}${v.safeParse(undefined).success ? '?' : ''}`);
      return `- ${name}${fields.length ? ` {${fields.join(', ')}}` : ''}: ${schema.description ?? ''}`;
    })
    .join('\n');
}

function innerShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = (schema as unknown as { def?: { in?: z.ZodType; schema?: z.ZodType } }).def;
  const inner = def?.in ?? def?.schema;
  return ((inner as unknown as { shape?: Record<string, z.ZodType> })?.shape ?? {}) as Record<string, z.ZodType>;
}
