// The data format of a simulated app. Apps are YAML files validated by these schemas, so adding an app never
// needs code. Authors describe what is on a screen and what a tap does; the phone computes all pixel geometry.
import { z } from 'zod';

/**
 * A condition string: `[!]kind:arg[=value]`, e.g. `state:geotag`, `!granted:camera`, `setting:secure/location_mode=3`,
 * `level:{param.pkg}/location=ask`. Templates (`{param.pkg}`) are filled in before the condition is read.
 */
export const Cond = z.string().regex(/^!?(state|granted|denied|level|setting|param|item|installed):[^\s=]*(=.*)?$/, {
  message: 'condition must look like "[!]state|granted|denied|level|setting|param|item|installed:arg[=value]"',
});
export type Cond = z.infer<typeof Cond>;

export type Op =
  | { go: string | { screen: string; params?: Record<string, string> } }
  | { replace: string }
  | { back: true }
  | { home: true }
  | { finish: true }
  | { open: string }
  | { stop: string }
  | { set: Record<string, unknown> }
  | { toggle: string }
  | { inc: string }
  | { append: { list: string; item: Record<string, unknown> } }
  | { request: string[] }
  | { grant: { pkg?: string; group: string; level: string } }
  | { settings: { namespace: 'global' | 'secure' | 'system'; key: string; value: string } }
  | { toast: string }
  | { if: Cond; then: Op[]; else?: Op[] };

export const Op: z.ZodType<Op> = z.lazy(() =>
  z.union([
    z.strictObject({
      go: z.union([
        z.string(),
        z.strictObject({ screen: z.string(), params: z.record(z.string(), z.string()).optional() }),
      ]),
    }),
    z.strictObject({ replace: z.string() }),
    z.strictObject({ back: z.literal(true) }),
    z.strictObject({ home: z.literal(true) }),
    z.strictObject({ finish: z.literal(true) }),
    z.strictObject({ open: z.string() }),
    z.strictObject({ stop: z.string() }),
    z.strictObject({ set: z.record(z.string(), z.unknown()) }),
    z.strictObject({ toggle: z.string() }),
    z.strictObject({ inc: z.string() }),
    z.strictObject({ append: z.strictObject({ list: z.string(), item: z.record(z.string(), z.unknown()) }) }),
    z.strictObject({ request: z.array(z.string()).min(1) }),
    z.strictObject({ grant: z.strictObject({ pkg: z.string().optional(), group: z.string(), level: z.string() }) }),
    z.strictObject({
      settings: z.strictObject({
        namespace: z.enum(['global', 'secure', 'system']),
        key: z.string(),
        value: z.string(),
      }),
    }),
    z.strictObject({ toast: z.string() }),
    z.strictObject({ if: Cond, then: z.array(Op), else: z.array(Op).optional() }),
  ]),
);

export const ElementType = z.enum([
  'text',
  'heading',
  'button',
  'textbutton',
  'switch',
  'checkbox',
  'radio',
  'input',
  'item',
  'image',
  'icon',
  'divider',
]);
export type ElementType = z.infer<typeof ElementType>;

export interface ElementSpec {
  type: ElementType;
  id?: string;
  text?: string;
  summary?: string;
  desc?: string;
  hint?: string;
  /** State key a switch / checkbox / input reads and writes. */
  bind?: string;
  /** Condition deciding `checked` for switches, checkboxes and radios that are not bound to state. */
  checked?: Cond;
  password?: boolean;
  enabled?: Cond;
  visible?: Cond;
  /** Repeat this element for every item of a source: `apps`, `permissionGroups`, `list:<stateKey>`. */
  each?: string;
  onTap?: Op[];
  onLongTap?: Op[];
  /** Ops run when ENTER is pressed in this input. */
  onSubmit?: Op[];
  color?: string;
}

export const ElementSpec: z.ZodType<ElementSpec> = z.strictObject({
  type: ElementType,
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'resource ids are lower_snake_case names; the phone adds "<pkg>:id/"')
    .optional(),
  text: z.string().optional(),
  summary: z.string().optional(),
  desc: z.string().optional(),
  hint: z.string().optional(),
  bind: z.string().optional(),
  checked: Cond.optional(),
  password: z.boolean().optional(),
  enabled: Cond.optional(),
  visible: Cond.optional(),
  each: z
    .string()
    .regex(/^(apps|recents|permissionGroups|list:[\w.]+)$/)
    .optional(),
  onTap: z.array(Op).optional(),
  onLongTap: z.array(Op).optional(),
  onSubmit: z.array(Op).optional(),
  color: z.string().optional(),
});

export const ScreenSpec = z.strictObject({
  /** Activity name as Android reports it, relative (".MainActivity") or fully qualified. */
  activity: z.string(),
  kind: z.enum(['activity', 'dialog', 'sheet']).default('activity'),
  title: z.string().optional(),
  /** Show the "Navigate up" arrow in the toolbar. */
  up: z.boolean().default(false),
  onEnter: z.array(Op).optional(),
  elements: z.array(ElementSpec).default([]),
});
export type ScreenSpec = z.infer<typeof ScreenSpec>;

export const ProviderSpec = z.strictObject({
  /** State key holding the rows (a list of objects). */
  list: z.string(),
  columns: z.array(z.string()).min(1),
});

export const AppSpec = z.strictObject({
  package: z.string().regex(/^[a-z][\w]*(\.[a-z][\w]*)+$/, 'package names look like com.example.app'),
  label: z.string(),
  version: z.string().default('1.0'),
  system: z.boolean().default(false),
  /** Shown in the launcher's grid. */
  launcher: z.boolean().default(true),
  icon: z.strictObject({ color: z.string(), glyph: z.string().max(2) }).default({ color: '#607D8B', glyph: '?' }),
  /** Runtime permissions the manifest declares (android.permission.* names). */
  permissions: z.array(z.string()).default([]),
  state: z.record(z.string(), z.unknown()).default({}),
  launch: z.string(),
  deepLinks: z.array(z.strictObject({ prefix: z.string(), screen: z.string() })).default([]),
  providers: z.record(z.string(), ProviderSpec).default({}),
  screens: z.record(z.string(), ScreenSpec),
});
export type AppSpec = z.infer<typeof AppSpec>;
