// The gate with its bookkeeping: it decides every sensitive step, and it records what settled each one — its own
// verdict, or the user's answer when it asked — in the session (post-rejection restraint), in memory ("always" and
// "never" outlive the run) and in the ledger. Callers only pass the answer on; they never write consent state.
import { describeAnswer, type ConsentAnswer, type UserKind } from '../core/vocab.js';
import type { Memory } from '../profile/memory.js';
import type { Profile } from '../profile/schema.js';
import { decide, Session, type GateDecision } from './gate.js';
import type { Ledger, LedgerEntry } from './ledger.js';
import { appCandidates } from '../core/app-key.js';
import { outlasts } from './explain.js';
import type { Sensitivity } from './types.js';

/** Where a decision happens: the step, the app it belongs to, and the instruction in force. */
export interface GateAt {
  step: number;
  app: string;
  instruction: string;
}

export interface ConsentGateOptions {
  profile: Profile;
  memory: Memory;
  ledger: Ledger;
  /** Allow everything without a gate: the always-allow baseline, never for real users. */
  bypass?: boolean;
}

export class ConsentGate {
  readonly session = new Session();

  constructor(private readonly o: ConsentGateOptions) {}

  get ledger(): Ledger {
    return this.o.ledger;
  }

  /** allow and block are final and go to the ledger now; ask is settled by `answered`. */
  decide(s: Sensitivity, at: GateAt): GateDecision {
    const d: GateDecision = this.o.bypass
      ? { verdict: 'allow', source: 'bypass', reason: 'baseline without a consent gate' }
      : decide(s, { ...at, profile: this.o.profile, memory: this.o.memory, session: this.session });
    if (d.verdict !== 'ask') this.o.ledger.append(entry(at, s, d, d.source));
    return d;
  }

  /**
   * The user's answer to an ask. "Allow" covers exactly this step; "allow once" means only this time, so a lasting
   * grant becomes `narrower` (the screen's one-time choice) or is not made; "always" covers the rest of the run and
   * goes to memory; any refusal is sticky for this app and category, and "never" goes to memory. No answer (a
   * timeout, a closed channel) refuses and is recorded as no answer, never as the user's.
   */
  answered(s: Sensitivity, at: GateAt, a: ConsentAnswer, by: UserKind, narrower?: Sensitivity): Answered {
    const answer = describeAnswer(a);
    const from = a.source ?? 'user';
    const { app } = at;
    const who: LedgerEntry['source'] =
      from === 'timeout' || from === 'channel-closed' || from === 'interrupted'
        ? 'no-answer'
        : by === 'simulated'
          ? 'simulated-user'
          : 'user';
    const log = (d: GateDecision, x: Sensitivity = s) => {
      this.o.ledger.append({ ...entry(at, x, d, who, answer), answerSource: from });
      return d;
    };
    if (a.kind === 'allow_once' && outlasts(s)) {
      if (narrower)
        return {
          ...log(
            {
              verdict: 'allow',
              source: 'user',
              reason: `the user allowed it only this time: heed chooses "${narrower.evidence.text}" instead of "${s.evidence.text}"`,
            },
            narrower,
          ),
          narrowed: narrower,
        };
      return log({
        verdict: 'block',
        source: 'user',
        reason: s.standing
          ? `the user allowed it only this time, but "${s.evidence.text}" stays on until it is turned off`
          : `the user allowed it only this time, but "${s.evidence.text}" gives ${s.grant}, which lasts, and this screen has no one-time choice`,
      });
    }
    if (a.kind === 'allow' || a.kind === 'allow_once' || a.kind === 'always') {
      if (a.kind === 'always' && s.category !== 'unknown') {
        this.session.allow(app, s.category, s.grant);
        // The grant it was given to bounds it: "always" on "Only this time" never covers "While using the app".
        this.o.memory.remember({ app, category: s.category, decision: 'allow', grant: s.grant, provenance: 'asked' });
      }
      return log({ verdict: 'allow', source: 'user', reason: `the user answered ${a.kind}` });
    }
    if (who === 'no-answer')
      return log({
        verdict: 'block',
        source: 'no-answer',
        reason: `no answer (${NO_ANSWER[from as keyof typeof NO_ANSWER]}): refused, as by default`,
      });
    // A refusal about an app heed could only name by a label several apps carry holds for each of them.
    for (const pkg of new Set([app, ...appCandidates(app)])) {
      this.session.refuse(pkg, s.category, `answered ${answer}`);
      if (a.kind === 'never' && (pkg !== app || appCandidates(app).length === 1))
        this.o.memory.remember({ app: pkg, category: s.category, decision: 'deny', provenance: 'asked' });
    }
    return log({
      verdict: 'block',
      source: 'user',
      reason: from === 'default' ? 'the user took the default: deny' : `the user answered ${answer}`,
    });
  }
}

const NO_ANSWER = {
  timeout: 'the question timed out',
  'channel-closed': 'the channel closed',
  interrupted: 'the run was stopped while heed was asking',
} as const;

/** The gate's decision on an answer, and the narrower step heed takes instead when the user allowed only once. */
export type Answered = GateDecision & { narrowed?: Sensitivity };

function entry(
  at: GateAt,
  s: Sensitivity,
  d: GateDecision,
  source: LedgerEntry['source'],
  answer?: string,
): LedgerEntry {
  return {
    step: at.step,
    at: new Date().toISOString(),
    app: at.app,
    category: s.category,
    grant: s.grant,
    irreversible: s.irreversible,
    ...(s.precision ? { precision: s.precision } : {}),
    evidence: s.evidence,
    detectedBy: s.source,
    verdict: d.verdict,
    source,
    reason: d.reason,
    ...(answer ? { answer } : {}),
  };
}
