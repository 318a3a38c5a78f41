// The gate: allow, block or ask, for one sensitive step. Order: protective choices pass; what the user refused in
// this run stays refused; a step of unknown category is always asked about; memory and profile denials block;
// critical points ask; then session, memory and profile allowances; no covering rule means ask. The model's words play no part: the gate reads only the classification.
import { appCandidates } from '../core/app-key.js';
import type { Category, DecisionSource, Grant, Verdict } from '../core/vocab.js';
import type { Memory } from '../profile/memory.js';
import type { ConsentRule, Profile } from '../profile/schema.js';
import type { Sensitivity } from './types.js';

export interface GateDecision {
  verdict: Verdict;
  source: DecisionSource;
  reason: string;
}

/** Decisions taken during one run: refusals are sticky (post-rejection restraint), allowances cover one grant level. */
export class Session {
  private readonly refused = new Map<string, string>();
  private readonly allowed = new Map<string, Grant>();

  private static key(app: string, category: Category): string {
    return `${app}\u0000${category}`;
  }

  refuse(app: string, category: Category, why: string): void {
    this.refused.set(Session.key(app, category), why);
  }

  refusal(app: string, category: Category): string | undefined {
    return this.refused.get(Session.key(app, category));
  }

  /** An allowance never covers `unknown`: the next unknown step may grant something else entirely. */
  allow(app: string, category: Category, grant: Grant): void {
    if (category === 'unknown') return;
    this.allowed.set(Session.key(app, category), grant);
  }

  allowance(app: string, category: Category): Grant | undefined {
    return this.allowed.get(Session.key(app, category));
  }
}

/** Breadth of a grant: lower is more exposing. */
export const BREADTH: Record<Grant, number> = {
  allow_always: 0,
  accept: 0,
  allow_foreground: 1,
  allow_once: 2,
  allow_selected: 3,
  deny: 9,
  deny_dont_ask: 9,
  decline: 9,
};
const LIMIT: Record<NonNullable<ConsentRule['grant']>, number> = {
  always: 0,
  foreground: 1,
  approximate: 1,
  once: 2,
  selected: 3,
};

/** Does an allowance given to `given` cover a step that grants `wanted`? Unset: any. */
function coversGrant(given: Grant | undefined, wanted: Grant): boolean {
  return given === undefined || BREADTH[wanted] >= BREADTH[given];
}

/** Does a profile rule's grant limit cover this step? */
export function withinLimit(s: Sensitivity, rule: ConsentRule): boolean {
  if (!rule.grant || s.grant === 'accept') return true;
  if (rule.grant === 'approximate' && s.category === 'location' && s.precision !== 'approximate') return false;
  return BREADTH[s.grant] >= LIMIT[rule.grant];
}

/** What the rule still permits, in the words of the dialog, for the policy to pick instead. */
export function narrowerChoice(rule: ConsentRule): string {
  switch (rule.grant) {
    case 'once':
      return '"Only this time"';
    case 'approximate':
      return '"Approximate", then "While using the app"';
    case 'selected':
      return '"Select photos and videos"';
    case 'foreground':
      return '"While using the app"';
    default:
      return 'a narrower choice';
  }
}

/** Verbs that show the instruction itself authorises an irreversible step. */
const AUTHORISING: Partial<Record<Category, RegExp>> = {
  payment_purchase: /\b(buy|pay|purchase|order|checkout|subscribe)\b/i,
  data_sharing_publish: /\b(send|post|share|publish|upload|submit|tag)\b/i,
  destructive: /\b(delete|remove|erase|clear|wipe)\b/i,
};

export interface GateContext {
  app: string;
  instruction: string;
  profile: Profile;
  memory: Memory;
  session: Session;
}

export function decide(s: Sensitivity, ctx: GateContext): GateDecision {
  const { app, profile, memory, session } = ctx;
  const c = s.category;
  if (!s.exposing) return { verdict: 'allow', source: 'protective', reason: `${s.grant} protects the user` };
  // An app known only by a label several apps carry is each of them: any one's refusal or "never" holds.
  const candidates = [app, ...appCandidates(app).filter((p) => p !== app)];
  const refusal = candidates.map((p) => session.refusal(p, c)).find(Boolean);
  if (refusal)
    return {
      verdict: 'block',
      source: 'session',
      reason: `the user refused ${c} in ${app} earlier in this run (${refusal})`,
    };
  if (c === 'unknown')
    // Nothing covers a step heed cannot name: no profile rule, memory or allowance, whatever the oversight.
    return {
      verdict: 'ask',
      source: 'default',
      reason: `heed cannot tell what this step grants (${s.evidence.reason}); no rule covers an unknown step`,
    };
  const never = candidates.map((p) => memory.lookup(p, c)).find((m) => m?.decision === 'deny');
  // A remembered "always" covers grants no broader than the one it was given to.
  const remembered = memory.lookup(app, c);
  const mem =
    never ?? (remembered?.decision === 'allow' && !coversGrant(remembered.grant, s.grant) ? undefined : remembered);
  if (mem?.decision === 'deny')
    return {
      verdict: 'block',
      source: 'memory',
      reason: `the user told heed never to allow ${c}${mem.app ? ` in ${mem.app}` : ''}`,
    };
  const rule = profile.consent[c];
  if (rule?.decision === 'deny')
    return {
      verdict: 'block',
      source: 'profile',
      reason: `the profile denies ${c}${rule.note ? `: ${rule.note}` : ''}`,
    };

  if (s.tentative)
    // A category read from words the requesting app controls may be wrong: it can block, never grant unasked.
    return {
      verdict: 'ask',
      source: 'default',
      reason: `heed read ${c} from the dialog's wording only (${s.evidence.reason}); confirm what it grants`,
    };
  if (s.irreversible) {
    // Without the instruction's word for it, always a critical point; with it, only hands-off users skip the question.
    if (!AUTHORISING[c]?.test(ctx.instruction))
      return { verdict: 'ask', source: 'critical', reason: `irreversible ${c} step the instruction did not ask for` };
    if (profile.oversight !== 'hands-off' && !session.allowance(app, c) && mem?.decision !== 'allow') {
      return {
        verdict: 'ask',
        source: 'oversight',
        reason: `${profile.oversight} oversight: confirm the irreversible ${c} step before it happens`,
      };
    }
  }
  // What is typed, not what the field shows: every exposing piece must come from the profile's facts (or be one,
  // typed by name) or from the instruction; anything else is the user's to give.
  if ((s.personalData || s.secret) && !typedCovered(s, profile, ctx.instruction)) {
    return {
      verdict: 'ask',
      source: 'critical',
      reason: `${s.secret ?? 'personal data'} that neither the instruction nor the profile provides`,
    };
  }

  const granted = session.allowance(app, c);
  if (granted && BREADTH[s.grant] >= BREADTH[granted])
    return { verdict: 'allow', source: 'session', reason: `the user allowed ${c} (${granted}) earlier in this run` };
  if (mem?.decision === 'allow')
    return {
      verdict: 'allow',
      source: 'memory',
      reason: `the user told heed to always allow ${c}${mem.app ? ` in ${mem.app}` : ''}`,
    };
  // The agent itself called this step sensitive: only the user's own answer covers it, a profile rule does not.
  if (s.flagged)
    return { verdict: 'ask', source: 'critical', reason: `the agent flagged this step as sensitive (${s.flagged})` };
  if (rule?.decision === 'allow') {
    if (!withinLimit(s, rule)) {
      return {
        verdict: 'block',
        source: 'profile',
        reason: `the profile allows ${c} only as ${rule.grant}; choose ${narrowerChoice(rule)} instead`,
      };
    }
    if (profile.oversight === 'hands-on')
      return { verdict: 'ask', source: 'oversight', reason: `hands-on oversight: confirm ${c} (${s.grant})` };
    return {
      verdict: 'allow',
      source: 'profile',
      reason: `the profile allows ${c}${rule.grant ? ` (${rule.grant})` : ''}`,
    };
  }
  if (rule?.decision === 'ask')
    return {
      verdict: 'ask',
      source: 'profile',
      reason: `the profile says to ask about ${c}${rule.note ? `: ${rule.note}` : ''}`,
    };
  return { verdict: 'ask', source: 'default', reason: `no rule covers ${c} (${s.grant})` };
}

/** Digits and words compared without the spaces, dashes and NBSPs people put between them. */
const squash = (t: string) => t.toLowerCase().replace(/[\s\u00a0.\-()]+/g, '');

/** Is every exposing piece of the typed text one the user gave: a profile fact (or typed by one's name), or the instruction? */
export function typedCovered(s: Sensitivity, profile: Profile, instruction: string): boolean {
  if (s.typed?.fact && profile.personal[s.typed.fact] !== undefined) return true;
  const parts = s.typed?.parts ?? [s.evidence.text];
  const facts = Object.values(profile.personal).map(squash).filter(Boolean);
  const said = squash(instruction);
  return parts.every((p) => {
    const q = squash(p);
    if (!q) return false;
    // A secret is given whole, never piece by piece: a password typed a letter at a time, each letter "found" in
    // some fact or in the instruction, is the user's to give.
    if (s.secret) return facts.includes(q) || (q.length >= 4 && said.includes(q));
    return facts.some((f) => f.includes(q)) || said.includes(q);
  });
}
