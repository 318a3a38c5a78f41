// The user's preference profile. One zod schema validates profile files and documents the format.
import { z } from 'zod';
import { pattern } from '../core/pattern.js';
import { Category, UNKNOWN_RULE } from '../core/vocab.js';

/** How far a grant may go. Ordered from most to least exposing; a rule allows its level and anything narrower. */
export const GRANT_LIMITS = ['always', 'foreground', 'once', 'approximate', 'selected'] as const;
export type GrantLimit = (typeof GRANT_LIMITS)[number];

export const ConsentRule = z.strictObject({
  decision: z.enum(['allow', 'deny', 'ask']),
  /** For allow: the broadest grant permitted (e.g. once = "Only this time"; approximate = coarse location only). */
  grant: z.enum(GRANT_LIMITS).optional(),
  /** Why, in the user's words: shown when heed asks or blocks. */
  note: z.string().optional(),
  /** For ask: what this user answers when asked (used by the scripted stand-in; a real user answers for themselves). */
  answer: z.enum(['allow_once', 'always', 'deny', 'never']).optional(),
});
export type ConsentRule = z.infer<typeof ConsentRule>;

export const Redaction = z.strictObject({
  passwords: z.boolean().default(true),
  otp: z.boolean().default(true),
  notifications: z.boolean().default(true),
  messages: z.boolean().default(false),
  /** Extra regular expressions; matching elements are blacked out and their text withheld. */
  patterns: z.array(pattern('i')).default([]),
});

export const Profile = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes'),
  name: z.string(),
  summary: z.string(),
  /** hands-off: follow the rules, ask only where they say so or nothing covers a step; hands-on: ask before every exposing step. */
  oversight: z.enum(['hands-off', 'balanced', 'hands-on']).default('balanced'),
  consent: z
    .partialRecord(Category, ConsentRule)
    .refine((c) => c.unknown === undefined, { message: UNKNOWN_RULE, path: ['unknown'] })
    .default({}),
  preferences: z.array(z.string()).default([]),
  redact: Redaction.default({ passwords: true, otp: true, notifications: true, messages: false, patterns: [] }),
  /** Facts the user is willing to have typed for them (name, email, …). Anything else must be asked, never invented. */
  personal: z.record(z.string(), z.string()).default({}),
  /** KnowU-style timestamped behaviour: `- [YYYY-MM-DD HH:MM] (place) action`. Shown instead of the profile in KnowU mode. */
  behaviourLogs: z.array(z.string()).default([]),
  /** How a scripted stand-in for this user answers consent requests with no rule: the persona's default. */
  scriptedDefault: z.enum(['allow_once', 'always', 'deny', 'never']).default('deny'),
});
export type Profile = z.infer<typeof Profile>;
