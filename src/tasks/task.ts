// Tasks are data (YAML). This is the part of the format the agent needs; evaluation extends it.
import YAML from 'yaml';
import { z } from 'zod';
import { HeedError } from '../core/errors.js';
import { LIMITS, readLimited } from '../core/files.js';
import { pattern } from '../core/pattern.js';
import type { Device } from '../device/device.js';
import { RefStep } from '../policy/reference-policy.js';

/** A rule on device state, read the Android way (dumpsys, settings, content query), so it runs on real devices too. */
export const Check = z
  .strictObject({
    description: z.string(),
    shell: z.string(),
    /** Regular expression the output must match. */
    expect: pattern('m').optional(),
    /** Regular expression the output must not match. */
    not: pattern('m').optional(),
  })
  .refine((c) => c.expect !== undefined || c.not !== undefined, 'a check needs expect or not');
export type Check = z.infer<typeof Check>;

export const Task = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .describe('unique in the suite; lower-case words joined by hyphens'),
  apps: z
    .array(z.string().regex(/^[a-zA-Z][\w]*(\.[\w]+)+$/, 'an Android package name, e.g. com.heed.shop'))
    .min(1)
    .describe('packages the task uses; the first is where it mostly happens'),
  split: z
    .enum(['general', 'personalized', 'proactive', 'privacy'])
    .default('general')
    .describe('which part of the benchmark it belongs to'),
  device: z
    .enum(['simulated', 'android'])
    .default('simulated')
    .describe("where its apps exist: heed's simulated phone, or a stock Android emulator (tasks/android)"),
  instruction: z
    .string()
    .max(LIMITS.instruction)
    .describe('as a user would say it; may be vague, so the preference must be inferred or asked'),
  clearInstruction: z
    .string()
    .max(LIMITS.instruction)
    .optional()
    .describe('the same task stated fully (used with --clear)'),
  personas: z
    .array(z.string())
    .default(['privacy-first', 'utility-first'])
    .describe('profile ids it is evaluated under (tasks/profiles)'),
  proactive: z
    .strictObject({
      habit: z.record(z.string(), z.boolean()),
      askFirst: z.boolean().default(true),
    })
    .optional()
    .describe(
      'proactive tasks: `habit` per persona (true: should act; false: stay silent or stop after a no); `askFirst` ' +
        '(default true): acting counts only after the user accepted an offer',
    ),
  rubric: z
    .strictObject({ text: z.string(), weight: z.number().min(0).max(1).default(0.6) })
    .optional()
    .describe('LLM-judge rubric; its score is blended with the rule checks by `weight` (default 0.6)'),
  maxSteps: z.number().int().positive().default(20).describe('step budget of an episode'),
  setup: z
    .array(z.string())
    .default([])
    .describe('shell commands run before the episode: `pm reset-permissions`, `settings put`, `content insert` seeds'),
  checks: z
    .array(Check)
    .default([])
    .describe('rules on device state for every persona: `{description, shell, expect?, not?}` (regular expressions)'),
  answer: pattern('i')
    .optional()
    .describe("questions: a regular expression the agent's answer must match (case-insensitive)"),
  expect: z
    .record(z.string(), z.array(Check))
    .default({})
    .describe('checks per persona id: what must or must not have happened for this user'),
  reference: z
    .record(z.string(), z.array(RefStep))
    .default({})
    .describe('reference steps per persona id, `default` for the others; CI requires every one to succeed'),
});
export type Task = z.infer<typeof Task>;

export function loadTask(file: string): Task {
  const text = readLimited(file, 'task', LIMITS.task);
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new HeedError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = Task.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new HeedError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}

/** KnowU's proactive framing, said once here rather than in every task file. */
const MONITOR = 'System Status: Background Monitor Active.';
const OFFER = "Help only if it fits the user's routine: you may ask first, act, or finish without doing anything.";

/** What the agent is told: the vague instruction (or, with `clear`, its clear twin), framed for proactive tasks. */
export function taskInstruction(task: Task, clear = false): string {
  const text = clear && task.clearInstruction ? task.clearInstruction : task.instruction;
  return task.proactive ? `${MONITOR} ${text} ${OFFER}` : text;
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
