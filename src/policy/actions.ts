// The agent's action space, defined once. The same schemas validate model output, produce the JSON schema sent to
// endpoints with structured output, and produce the action docs in the prompt; beside each schema is the gesture it
// makes on a screen (adding an action is one `define` here). There is deliberately no action that
// grants consent: consent is decided by the gate and the user, never proposed by the model.
import { z } from 'zod';
import { Category } from '../core/vocab.js';
import type { Size } from '../device/coords.js';
import type { DeviceAction, Touch } from '../device/device.js';
import { center, elementAt, type UiElement, type UiTree } from '../device/ui-tree.js';

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
const other: Touch = { kind: 'other' };

/** What a resolved action needs to know of the screen it is aimed at. */
export interface ResolveContext {
  tree: UiTree;
  deviceSize: Size;
  /** A model coordinate (in the policy's convention, on the model's image) in device pixels: src/device/coords.ts. */
  toDevice(x: number, y: number): { x: number; y: number };
  /** The package of an installed app, by name or package. */
  packageOf(app: string): Promise<string>;
  /** The value of a fact of the user's profile, typed by name (the model never sees it); throws when there is none. */
  fact(name: string): string;
}

/** An action turned into what the device does and what consent classifies. */
export interface Resolved {
  /** The gesture; none for `wait`. */
  gesture?: DeviceAction;
  /** Seconds to wait (`wait` only). */
  wait?: number;
  /** The element the gesture lands on: the one named, else the one under the finger. */
  element?: UiElement;
  touch: Touch;
  /** What else the gesture activates on its way: the focus tap of typing, the element a swipe or scroll starts on. */
  activates?: Touch[];
}

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

/** A finger that goes down on a control may activate it (a short drag is a tap): classified as a tap on it. */
const startsOn = (e?: UiElement): Touch[] => (e ? [{ kind: 'tap', element: e }] : []);

const byIndex = (at: ResolveContext, i?: number) => (i === undefined ? undefined : at.tree.elements[i]);

/** Where a tap or press lands. A coordinate tap is classified by the element under the finger, so coordinates
 * cannot slip past the gate. */
function pointOf(a: { element?: number; x?: number; y?: number }, at: ResolveContext) {
  const named = byIndex(at, a.element);
  if (named) return { element: named, p: center(named.bounds) };
  const p = at.toDevice(a.x!, a.y!);
  return { element: elementAt(at.tree, p.x, p.y), p };
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
        clear: z.boolean().optional().describe('replace what the field holds instead of appending'),
        sensitive,
      })
      .refine((a) => (a.text === undefined) !== (a.fact === undefined), 'give text or fact, not both')
      .describe('type text into a text field'),
    (a, at) => {
      const text = a.fact !== undefined ? at.fact(a.fact) : a.text!;
      const named = byIndex(at, a.element);
      const element = named ?? at.tree.elements.find((e) => e.focused && /EditText/.test(e.class));
      const gesture: DeviceAction = !named
        ? { kind: 'type', text }
        : a.clear
          ? { kind: 'clear_and_type', ...center(named.bounds), text }
          : { kind: 'type', text, at: center(named.bounds) };
      const touch: Touch = { kind: 'type', element, text, ...(a.fact !== undefined ? { fact: a.fact } : {}) };
      // Typing into a named element taps it first: that tap is classified like any other.
      return { gesture, element, touch, activates: named ? [{ kind: 'tap', element: named }] : [] };
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
      })
      .describe('scroll a list'),
    (a, at) => {
      const el = byIndex(at, a.element);
      const [l, t, r, b] = el?.bounds ?? [0, 0, at.deviceSize.width, at.deviceSize.height];
      const start = elementAt(at.tree, Math.round((l + r) / 2), Math.round((t + b) / 2));
      return {
        gesture: { kind: 'scroll', direction: a.direction, ...(el ? { area: el.bounds } : {}) },
        touch: other,
        activates: startsOn(start),
      };
    },
  ),
  swipe: define(
    z
      .object({
        action: z.literal('swipe'),
        direction: z.enum(['up', 'down', 'left', 'right']).describe('which way the finger moves'),
        element: target.element.describe('where to swipe; the screen’s middle when absent'),
      })
      .describe('swipe a finger across the screen (a finger moving up scrolls content down)'),
    (a, at) => {
      const [l, t, r, b] = byIndex(at, a.element)?.bounds ?? [0, 0, at.deviceSize.width, at.deviceSize.height];
      const cx = Math.round((l + r) / 2);
      const cy = Math.round((t + b) / 2);
      const dx = Math.round((r - l) * 0.35);
      const dy = Math.round((b - t) * 0.3);
      const d = { up: [0, -dy], down: [0, dy], left: [-dx, 0], right: [dx, 0] }[a.direction] as [number, number];
      const from: [number, number] = [cx - d[0], cy - d[1]];
      const start = elementAt(at.tree, from[0], from[1]);
      return { gesture: { kind: 'swipe', from, to: [cx + d[0], cy + d[1]] }, touch: other, activates: startsOn(start) };
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
      .object({ action: z.literal('finish'), status: z.enum(['success', 'infeasible']), message: z.string().min(1) })
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
