// A deterministic stand-in for the user, answering from the profile: no model involved. Used by the demo when stdin
// is not a terminal, by tests, and by evaluation when no user-simulator model is configured.
import type { Profile } from '../profile/schema.js';
import type { ConsentAnswer } from '../core/vocab.js';
import type { ConsentRequest, Question, UserChannel } from './channel.js';

const STOP = new Set([
  'the',
  'and',
  'for',
  'you',
  'your',
  'should',
  'shall',
  'would',
  'what',
  'which',
  'who',
  'how',
  'with',
  'this',
  'that',
  'are',
  'can',
  'want',
  'like',
  'when',
  'any',
  'not',
  'never',
  'only',
]);

/** Content words, crudely stemmed ("posted", "posts" → "post"; "shared", "share" → "shar"). */
function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z]+/g) ?? [])
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|s)$/, '').replace(/e$/, '')),
  );
}

export class ScriptedUser implements UserChannel {
  readonly kind = 'scripted';
  readonly asked: Question[] = [];
  readonly requests: ConsentRequest[] = [];

  constructor(
    private readonly profile: Profile,
    /** Fixed answers by category, overriding the profile (tests, task scripts). */
    private readonly answers: Partial<Record<string, ConsentAnswer>> = {},
  ) {}

  async ask(q: Question): Promise<string> {
    this.asked.push(q);
    const text = q.question.toLowerCase();
    for (const [key, value] of Object.entries(this.profile.personal))
      if (text.includes(key.toLowerCase())) return value;
    if (q.options?.length) {
      const pref = this.profile.preferences.join(' ').toLowerCase();
      const liked = q.options.find((o) => pref.includes(o.toLowerCase()));
      if (liked) return liked;
    }
    // A question about taste ("who should see the post?") gets the stated preference that shares most words with it.
    const asked = contentWords(q.question);
    let best: [number, string] = [0, ''];
    for (const p of this.profile.preferences) {
      const overlap = [...contentWords(p)].filter((w) => asked.has(w)).length;
      if (overlap > best[0]) best = [overlap, p];
    }
    if (best[0] > 0) return best[1];
    return "I don't know — please don't guess; skip it if you can.";
  }

  async consent(r: ConsentRequest): Promise<ConsentAnswer> {
    this.requests.push(r);
    const fixed = this.answers[r.category];
    if (fixed) return fixed;
    const rule = this.profile.consent[r.category];
    if (rule?.decision === 'deny') return { kind: 'deny' };
    // The profile allows this grant (the gate asked only for oversight): yes to exactly the step.
    if (rule?.decision === 'allow') return { kind: 'allow' };
    if (rule?.answer) return { kind: rule.answer };
    // An "ask" rule, or none: what this persona says by default. A persona whose habit is "only this time", asked
    // about a step that cannot be once (a lasting grant with no one-time choice on the screen, a switch that stays
    // on — the request says so), answers the question it was asked: yes to the step, as a person would who wants
    // what the task needs; "only this time" would not be honoured there (heed does not grant it).
    const d = this.profile.scriptedDefault;
    if (d === 'allow_once' && r.explanation?.lasting && !r.explanation.narrower) return { kind: 'allow' };
    return { kind: d };
  }
}
