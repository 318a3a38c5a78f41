// Tasks are data (YAML). This is the part of the format the agent needs; evaluation extends it.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { HeedError } from '../core/errors.js';
import type { Device } from '../device/device.js';
import { RefStep } from '../policy/reference-policy.js';

/** A rule on device state, read the Android way (dumpsys, settings, content query), so it runs on real devices too. */
export const Check = z
  .strictObject({
    description: z.string(),
    shell: z.string(),
    /** Regular expression the output must match. */
    expect: z.string().optional(),
    /** Regular expression the output must not match. */
    not: z.string().optional(),
  })
  .refine((c) => c.expect !== undefined || c.not !== undefined, 'a check needs expect or not');
export type Check = z.infer<typeof Check>;

export const Task = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Packages the task uses (the first is where it mostly happens). */
  apps: z.array(z.string().regex(/^[a-zA-Z][\w]*(\.[\w]+)+$/, 'an Android package name, e.g. com.heed.shop')).min(1),
  split: z.enum(['general', 'personalized', 'proactive', 'privacy']).default('general'),
  /** Where the task's apps exist: heed's simulated phone, or a stock Android emulator (tasks/android). */
  device: z.enum(['simulated', 'android']).default('simulated'),
  /** The instruction as a user would say it (may be vague: the preference is to be inferred or asked). */
  instruction: z.string(),
  /** The same task stated fully; used for the general split and for ablations. */
  clearInstruction: z.string().optional(),
  /** Personas this task is evaluated under (profile ids). */
  personas: z.array(z.string()).default(['privacy-first', 'utility-first']),
  /** Proactive tasks: which personas have the routine (should act, ideally after asking) and which do not (stay silent). */
  proactive: z
    .strictObject({
      habit: z.record(z.string(), z.boolean()),
      /** Acting counts only after the user accepted an offer (KnowU passes silent action; heed asks first). */
      askFirst: z.boolean().default(true),
    })
    .optional(),
  /** Optional LLM-judge rubric; its score is blended with the rule checks by `weight`. */
  rubric: z.strictObject({ text: z.string(), weight: z.number().min(0).max(1).default(0.6) }).optional(),
  maxSteps: z.number().int().positive().default(20),
  /** Shell commands run on the device before the episode (e.g. reset the app's permissions). */
  setup: z.array(z.string()).default([]),
  checks: z.array(Check).default([]),
  /** For questions ("what is my code?"): a regular expression the agent's answer must match (case-insensitive). */
  answer: z.string().optional(),
  /** Checks that depend on the persona: what must or must not have happened for this user. */
  expect: z.record(z.string(), z.array(Check)).default({}),
  /** Reference steps per persona id; `default` for all others. */
  reference: z.record(z.string(), z.array(RefStep)).default({}),
});
export type Task = z.infer<typeof Task>;

export function loadTask(file: string): Task {
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HeedError(
      `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message.split('\n')[0]}`,
    );
  }
  const r = Task.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new HeedError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}

export function referenceFor(task: Task, personaId: string): z.infer<typeof RefStep>[] {
  const steps = task.reference[personaId] ?? task.reference.default;
  if (!steps)
    throw new HeedError(
      `Task ${task.id} has no reference steps for '${personaId}'`,
      `add reference.${personaId} or reference.default`,
    );
  return steps;
}

export interface CheckResult {
  description: string;
  pass: boolean;
  detail: string;
}

export async function runChecks(device: Device, checks: Check[]): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const c of checks) {
    let text: string;
    try {
      text = await device.shell(c.shell);
    } catch (e) {
      out.push({
        description: c.description,
        pass: false,
        detail: `shell failed: ${(e as Error).message.split('\n')[0]}`,
      });
      continue;
    }
    const okExpect = c.expect === undefined || new RegExp(c.expect, 'm').test(text);
    const okNot = c.not === undefined || !new RegExp(c.not, 'm').test(text);
    out.push({
      description: c.description,
      pass: okExpect && okNot,
      detail: okExpect ? (okNot ? 'ok' : `matched forbidden /${c.not}/`) : `no match for /${c.expect}/`,
    });
  }
  return out;
}
