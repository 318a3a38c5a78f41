// The words every layer shares: consent categories, grants, verdicts, answers, outcomes. They live here so that no
// layer borrows them from a sibling (consent from policy, profile from policy …), which is what made import cycles.
import { z } from 'zod';

/** What a consent-sensitive step exposes. */
export const CATEGORIES = [
  'location',
  'camera',
  'microphone',
  'contacts',
  'photos_media',
  'calendar',
  'sms_calls',
  'notifications',
  'account_signin',
  'payment_purchase',
  'data_sharing_publish',
  'tracking_ads_cookies',
  'destructive',
  /** Special app access: display over other apps, usage access, all-files access, device admin, default roles … */
  'special_access',
  // A step heed knows is a consent point but cannot name (a permission dialog whose topic no table reads, a modal
  // dialog's positive button that no rule classifies). The gate always asks about it: no profile rule, remembered
  // answer or earlier allowance covers it, because "allow unknown" would cover whatever an unreadable screen grants.
  'unknown',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Why no rule may name `unknown` (profile files, memory files): said once, where the category is defined. */
export const UNKNOWN_RULE =
  'no rule may cover "unknown": heed always asks about a step it cannot name (remove this entry)';

/** What a step would grant. Permission levels follow AOSP's results; accept / decline cover every other surface. */
export const GRANTS = [
  'allow_always',
  'allow_foreground',
  'allow_once',
  'allow_selected',
  'deny',
  'deny_dont_ask',
  'accept',
  'decline',
] as const;
export const Grant = z.enum(GRANTS);
export type Grant = (typeof GRANTS)[number];

/** Grants that protect the user: they never need consent. */
export const PROTECTIVE: ReadonlySet<Grant> = new Set(['deny', 'deny_dont_ask', 'decline']);

/** The gate's verdict on one sensitive step. */
export type Verdict = 'allow' | 'block' | 'ask';

/** Who or what settled a consent decision. */
export type DecisionSource =
  | 'protective'
  | 'session'
  | 'memory'
  | 'profile'
  | 'oversight'
  | 'critical'
  | 'default'
  | 'user'
  /** heed asked and nobody answered (a timeout, a closed channel): refused, and recorded as that, not as the user's. */
  | 'no-answer'
  | 'bypass';

/**
 * allow: yes to exactly this step, as explained (a "While using the app" tap grants while in use), not remembered;
 * allow_once: only this time — a lasting grant becomes the screen's one-time choice, or is not made; always / never:
 * remembered for this app and category; instead: do something else. `source` says where the answer came from.
 */
export type ConsentAnswer = (
  | { kind: 'allow' }
  | { kind: 'allow_once' }
  | { kind: 'always' }
  | { kind: 'deny' }
  | { kind: 'never' }
  | { kind: 'instead'; instruction: string }
) & { source?: AnswerSource };
export type AnswerKind = ConsentAnswer['kind'];

/**
 * Where an answer really came from: the person, the default they accepted with Enter, or no answer at all (the
 * question timed out, the channel closed, or the run was interrupted while heed was asking: Ctrl-C, a budget).
 */
export type AnswerSource = 'user' | 'default' | 'timeout' | 'channel-closed' | 'interrupted';

/** An answer in a word, as ledgers and timelines show it. */
export function describeAnswer(a: ConsentAnswer): string {
  return a.kind === 'instead' ? `instead: ${a.instruction}` : a.kind;
}

/** The user channels heed has. */
export const USER_KINDS = ['terminal', 'scripted', 'simulated', 'web'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * What one step came to (steps.jsonl `status`), so scoring and reports read a word, never the display text:
 * done (the gesture or wait happened), blocked (the gate or the user stopped it), invalid (no usable proposal),
 * question (the agent asked the user), answer (the agent gave its answer), finish (the agent ended the run),
 * changed (the screen changed between the observation and the act, so nothing was done), failed (the action could
 * not be done: an element that is not there, an app not installed, a gesture the device refused; the agent is told),
 * error (the run ended during this step: see the record's `error`).
 */
export const STEP_STATUSES = [
  'done',
  'blocked',
  'invalid',
  'changed',
  'question',
  'answer',
  'finish',
  'failed',
  'error',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** How a run ended: a closed set, so reports and metrics never parse free text. */
export const OUTCOMES = [
  'success',
  'infeasible',
  'failed',
  'stuck',
  'budget',
  'model-error',
  'device-lost',
  'interrupted',
  'error',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How a model writes x, y: pixels of the image it saw, a 0–1000 grid, or fractions (src/device/coords.ts maps them). */
export const COORD_CONVENTIONS = ['pixels', 'norm1000', 'norm999', 'norm1'] as const;
export type Convention = (typeof COORD_CONVENTIONS)[number];

/**
 * The model families heed speaks (src/policy/families/: each one's prompt template, reply grammar and coordinate
 * regime); `json` is heed's own schema, for general models.
 */
export const MODEL_FAMILIES = [
  'json',
  'ui-tars-1.0',
  'ui-tars-1.5',
  'ui-tars-doubao',
  'seed',
  'qwen2.5-vl',
  'qwen3-vl',
  'gui-owl',
  'gui-owl-1.5',
  'mai-ui',
  'autoglm',
  'glm-v',
  'ui-venus',
  'ui-venus-1.5',
  'os-atlas',
  'agentcpm-gui',
  'showui',
  'aguvis',
] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** Consent categories as people say them, for every page and report ("sign-in", never `account_signin`). */
export const CATEGORY_WORDS: Record<Category, string> = {
  location: 'location',
  camera: 'camera',
  microphone: 'microphone',
  contacts: 'contacts',
  photos_media: 'photos and media',
  calendar: 'calendar',
  sms_calls: 'SMS and calls',
  notifications: 'notifications',
  account_signin: 'sign-in',
  payment_purchase: 'payment',
  data_sharing_publish: 'sharing and posting',
  tracking_ads_cookies: 'tracking, ads, cookies',
  destructive: 'deleting',
  special_access: 'special app access',
  unknown: 'unnamed consent point',
};
/** A category in words; a name from an older file that is no category any more still reads without underscores. */
export const categoryWords = (c: string): string =>
  (CATEGORY_WORDS as Record<string, string>)[c] ?? c.replace(/_/g, ' ');

/** Who settled a consent decision, in words: "allowed by the profile", "blocked by memory (…)". */
export const SOURCE_WORDS: Record<string, string> = {
  profile: 'the profile',
  memory: 'memory (an earlier "always" or "never")',
  session: 'an earlier answer in this run',
  protective: 'a protective choice',
  oversight: 'oversight',
  critical: 'a critical point',
  default: 'no covering rule',
};
