// The agent's action space, defined once. The same schemas validate model output, produce the JSON schema sent to
// endpoints with structured output, and produce the action docs in the prompt; beside each schema is the gesture it
// makes on a screen (adding an action is one `define` here). There is deliberately no action that
// grants consent: consent is decided by the gate and the user, never proposed by the model.
import { z } from 'zod';
import { Category } from '../core/vocab.js';
import type { DeviceAction, Touch } from '../device/device.js';
import { center, elementAt } from '../device/ui-tree.js';
import {
  byIndex,
  grow,
  inside,
  isTextField,
  pointOf,
  scrollableAt,
  startsOn,
  touchSlop,
  type Resolved,
  type ResolveContext,
} from './gestures.js';

export type { Resolved, ResolveContext } from './gestures.js';
export { Unusable } from './gestures.js';

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
const other: Touch = { kind: 'other' };

type Resolve<S extends z.ZodType> = (a: z.output<S>, at: ResolveContext) => Resolved | Promise<Resolved>;

interface ActionDef<S extends z.ZodType> {
  schema: S;
  /** The gesture; absent for the actions the loop handles itself (ask_user, answer, finish): they touch no device. */
  resolve?: Resolve<S>;
}

/** One action: its schema (validation, JSON schema, prompt docs) and its gesture, side by side. */
function define<S extends z.ZodType>(schema: S, resolve?: Resolve<S>): ActionDef<S> {
  return { schema, resolve };
}

export const ACTIONS = {
  tap: define(
    z
      .object({ action: z.literal('tap'), ...target, sensitive })
      .refine(hasTarget, TARGET_MSG)
      .describe('tap an element or a point'),
    (a, at) => {
      const { element, p } = pointOf(a, at);
      return { gesture: { kind: 'tap', ...p }, element, touch: { kind: 'tap', element } };
    },
  ),
  long_press: define(
    z
      .object({ action: z.literal('long_press'), ...target, sensitive })
      .refine(hasTarget, TARGET_MSG)
      .describe('press and hold an element or a point'),
    (a, at) => {
      const { element, p } = pointOf(a, at);
      return { gesture: { kind: 'long_press', ...p }, element, touch: { kind: 'long_press', element } };
    },
  ),
  double_tap: define(
    z
      .object({ action: z.literal('double_tap'), ...target, sensitive })
      .refine(hasTarget, TARGET_MSG)
      .describe('tap an element or a point twice, quickly'),
    (a, at) => {
      // Two taps on one element: consent sees a tap.
      const { element, p } = pointOf(a, at);
      return { gesture: { kind: 'double_tap', ...p }, element, touch: { kind: 'tap', element } };
    },
  ),
  type: define(
    z
      .object({
        action: z.literal('type'),
        text: z.string().optional().describe('exact text to type'),
        fact: z
          .string()
          .min(1)
          .optional()
          .describe("instead of text: the name of a fact of the user's (heed types its value; you never see it)"),
        element: target.element.describe('text field to type into; the focused field when absent'),
        x: target.x.describe('or tap this point first (x) to focus a field'),
        y: target.y.describe('and this y'),
        clear: z.boolean().optional().describe('replace what the field holds instead of appending'),
        submit: z.boolean().optional().describe('press Enter after typing'),
        sensitive,
      })
      .refine(xyPair, XY_MSG)
      .refine((a) => (a.text === undefined) !== (a.fact === undefined), 'give text or fact, not both')
      .describe('type text into a text field'),
    (a, at) => {
      // A fact is typed by name: its value comes from the profile here, and the model never sees it.
      const text = a.fact !== undefined ? at.fact(a.fact) : a.text!;
      const tapAt = a.x !== undefined && a.y !== undefined ? at.toDevice(a.x, a.y) : undefined;
      const named = byIndex(at, a.element) ?? (tapAt && elementAt(at.tree, tapAt.x, tapAt.y));
      const element = named ?? at.tree.elements.find((e) => e.focused && /EditText/.test(e.class));
      const where = named ? center(named.bounds) : tapAt;
      const gesture: DeviceAction = !where
        ? { kind: 'type', text }
        : a.clear
          ? { kind: 'clear_and_type', ...where, text }
          : { kind: 'type', text, at: where };
      // Typing taps the field first. A tap that lands on something that is not a text field (a button) is a tap on
      // it, and consent sees it so: "type into Allow" is not a way past the gate.
      const tapsOther = where !== undefined && named !== undefined && !isTextField(named);
      return {
        gesture,
        // Enter after typing submits the form: consent sees a submit (src/consent/classify.ts).
        ...(a.submit ? { then: { kind: 'key', key: 'enter' } as DeviceAction } : {}),
        element,
        touch: tapsOther
          ? { kind: 'tap', element: named }
          : {
              kind: 'type',
              element,
              text,
              ...(a.submit ? { submit: true } : {}),
              ...(a.fact !== undefined ? { fact: a.fact } : {}),
            },
      };
    },
  ),
  scroll: define(
    z
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
    (a, at) => {
      const p = a.x !== undefined && a.y !== undefined ? at.toDevice(a.x, a.y) : undefined;
      const el = byIndex(at, a.element) ?? (p && scrollableAt(at.tree, p));
      const [l, t, r, b] = el?.bounds ?? [0, 0, at.deviceSize.width, at.deviceSize.height];
      return {
        gesture: { kind: 'scroll', direction: a.direction, ...(el ? { area: el.bounds } : {}) },
        touch: other,
        activates: startsOn(at, Math.round((l + r) / 2), Math.round((t + b) / 2)),
      };
    },
  ),
  swipe: define(
    z
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
    (a, at) => {
      if (a.from && a.to) {
        const from = at.toDevice(a.from[0], a.from[1]);
        const to = at.toDevice(a.to[0], a.to[1]);
        // A swipe that starts and ends on one element is a tap on it on Android (a view stays pressed while the
        // finger stays inside it): consent sees a tap, so a short drag cannot slip a grant past the gate.
        const el = elementAt(at.tree, from.x, from.y);
        const tapLike = el && inside(grow(el.bounds, touchSlop(at.deviceSize)), to);
        return {
          gesture: { kind: 'swipe', from: [from.x, from.y], to: [to.x, to.y] },
          ...(tapLike ? { element: el } : {}),
          touch: tapLike ? { kind: 'tap', element: el } : other,
        };
      }
      const [l, t, r, b] = byIndex(at, a.element)?.bounds ?? [0, 0, at.deviceSize.width, at.deviceSize.height];
      const cx = Math.round((l + r) / 2);
      const cy = Math.round((t + b) / 2);
      const dx = Math.round((r - l) * 0.35);
      const dy = Math.round((b - t) * 0.3);
      const d = { up: [0, -dy], down: [0, dy], left: [-dx, 0], right: [dx, 0] }[a.direction!] as [number, number];
      const from: [number, number] = [cx - d[0], cy - d[1]];
      return {
        gesture: { kind: 'swipe', from, to: [cx + d[0], cy + d[1]] },
        touch: other,
        activates: startsOn(at, from[0], from[1]),
      };
    },
  ),
  back: define(z.object({ action: z.literal('back') }).describe('press the system BACK key'), () => ({
    gesture: { kind: 'key', key: 'back' },
    touch: other,
  })),
  home: define(z.object({ action: z.literal('home') }).describe('go to the home screen'), () => ({
    gesture: { kind: 'key', key: 'home' },
    touch: other,
  })),
  key: define(
    z
      .object({ action: z.literal('key'), key: z.enum(KEYS) })
      .describe('press a key: enter (submit what was typed), app_switch (recent apps), delete, menu, volume'),
    (a, at) => {
      // Enter submits what the focused field holds: consent sees a submit (it may send or post).
      const focused = at.tree.elements.find((e) => e.focused && /EditText/.test(e.class));
      return {
        gesture: { kind: 'key', key: a.key },
        touch: a.key === 'enter' ? { kind: 'submit', element: focused } : other,
      };
    },
  ),
  open_app: define(
    z
      .object({ action: z.literal('open_app'), app: z.string().min(1).describe('app name or package') })
      .describe('open an app'),
    async (a, at) => ({ gesture: { kind: 'open_app', package: await at.packageOf(a.app) }, touch: other }),
  ),
  wait: define(
    z
      .object({ action: z.literal('wait'), seconds: z.number().positive().max(30).optional() })
      .describe('wait for the screen to change'),
    (a) => ({ wait: a.seconds ?? 1, touch: other }),
  ),
  ask_user: define(
    z
      .object({
        action: z.literal('ask_user'),
        question: z.string().min(1),
        options: z
          .array(z.string().min(1))
          .max(8)
          .optional()
          .describe('choices to offer, if the answer is one of a few'),
      })
      .describe('ask the user a clarifying question; never guess personal information'),
  ),
  answer: define(
    z
      .object({ action: z.literal('answer'), text: z.string().min(1) })
      .describe('give the user the answer the task asked for'),
  ),
  finish: define(
    z
      .object({
        action: z.literal('finish'),
        status: z.enum(['success', 'infeasible']),
        message: z.string().min(1),
        answer: z.string().min(1).optional().describe('the answer, when the task asked a question and none was given'),
      })
      .describe('end the task: success, or infeasible with the reason'),
  ),
} as const;

export type ActionName = keyof typeof ACTIONS;
export const Action = z.discriminatedUnion(
  'action',
  Object.values(ACTIONS).map((d) => d.schema) as unknown as [typeof ACTIONS.tap.schema, typeof ACTIONS.back.schema],
);
export type Action = { [K in ActionName]: z.infer<(typeof ACTIONS)[K]['schema']> }[ActionName];
/** The actions the loop handles itself: they touch no device. */
export type ControlAction = Extract<Action, { action: 'ask_user' | 'answer' | 'finish' }>;

/** The gesture an action makes on this screen, or undefined for a control action (ask_user, answer, finish). */
export function resolveAction(a: Action, at: ResolveContext): Promise<Resolved> | undefined {
  const resolve = ACTIONS[a.action].resolve as Resolve<z.ZodType> | undefined;
  return resolve && Promise.resolve(resolve(a, at));
}

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
    .map(([name, { schema }]) => {
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
