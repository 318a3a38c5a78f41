// What a consent-sensitive step would do, in plain words, for the person who is asked (terminal, approval page) and
// for reports. One function, so every channel says the same thing: what the tap grants, for how long, the narrower
// choice the screen offers, and what happens when nobody answers (never an allow).
import { categoryWords, PROTECTIVE, type Category, type Grant } from '../core/vocab.js';
import { BREADTH } from './gate.js';
import type { Sensitivity } from './types.js';

/** What the explanation needs: a Sensitivity, or a ledger line (which carries the same fields). */
export type Explainable = Pick<Sensitivity, 'category' | 'grant' | 'irreversible'> &
  Partial<Pick<Sensitivity, 'precision' | 'personalData' | 'secret'>>;

export interface Explanation {
  /** One sentence: "TrailCam could use your precise location whenever the app is open." */
  what: string;
  /** How long it lasts: "until you change it in Settings", "this time only", "it cannot be undone". */
  lasts: string;
  /** The narrower choice the screen offers, as advice: 'use "Only this time" instead'. */
  narrower?: string;
  /** What heed does when nobody answers (or the channel closes): always a refusal. */
  defaultAnswer: 'deny';
  defaultText: string;
}

/** What the app could do with each permission, as a verb phrase after "could". */
const CAN: Partial<Record<Category, string>> = {
  location: 'use your location',
  camera: 'take pictures and record video',
  microphone: 'record audio',
  contacts: 'read your contacts',
  photos_media: 'see your photos and videos',
  calendar: 'see and change your calendar',
  sms_calls: 'read and send your messages and see your calls',
  notifications: 'send you notifications',
};

/** For every other surface, what accepting means, after the app's name. */
const ACCEPTS: Record<Category, string> = {
  location: 'would get your location',
  camera: 'would get your camera',
  microphone: 'would get your microphone',
  contacts: 'would get your contacts',
  photos_media: 'would get your photos and videos',
  calendar: 'would get your calendar',
  sms_calls: 'would get your messages and calls',
  notifications: 'could send you notifications',
  account_signin: 'would sign in with your account, so it knows who you are',
  payment_purchase: 'would charge you or place an order',
  data_sharing_publish: 'would send or publish this, so others can see it',
  tracking_ads_cookies: 'could track what you do, for ads and analytics',
  destructive: 'would delete this',
  special_access: 'would get special access: it could act beyond what an app normally may',
  unknown: 'would get something heed cannot name (look at the screen before you answer)',
};

const WHEN: Partial<Record<Grant, string>> = {
  allow_always: 'at any time, even when you are not using the app',
  allow_foreground: 'whenever the app is open',
  allow_once: 'this time only, until you leave the app',
  allow_selected: 'only for the items you select',
};

const LASTS: Partial<Record<Grant, string>> = {
  allow_always: 'until you change it in Settings',
  allow_foreground: 'until you change it in Settings',
  allow_once: 'this time only',
  allow_selected: 'until you change the selection in Settings',
};

/** Is this a grant that outlives the step (so "only this time" must not mean it)? */
export function isLasting(grant: Grant): boolean {
  return grant === 'allow_always' || grant === 'allow_foreground' || grant === 'allow_selected';
}

/** Does the step outlast this moment: a lasting permission grant, or a standing setting turned on? */
export function outlasts(s: { grant: Grant; standing?: boolean; exposing?: boolean }): boolean {
  return isLasting(s.grant) || (!!s.standing && s.exposing !== false);
}

/**
 * Plain words for one consent request. `app` is the name a person knows (the label, "TrailCam"); `narrower` is the
 * label of a less exposing choice on the same screen ("Only this time", "Approximate"), when there is one.
 */
export function explain(s: Explainable, app: string, narrower?: string): Explanation {
  const who = app || 'The app';
  let what: string;
  if (s.secret) what = `${who} would receive ${s.secret} you type, in clear`;
  else if (s.personalData) what = `${who} would receive personal data you type`;
  else if (PROTECTIVE.has(s.grant)) what = `${who} would be refused ${categoryWords(s.category)}`;
  else {
    const can = CAN[s.category];
    const when = WHEN[s.grant];
    if (can && when) {
      const where =
        s.category === 'location' && s.precision
          ? can.replace('your location', `your ${s.precision} location`)
          : s.category === 'photos_media' && s.grant === 'allow_selected'
            ? 'see the photos and videos you select'
            : can;
      what = `${who} could ${where} ${s.grant === 'allow_selected' ? 'and nothing else' : when}`;
    } else what = `${who} ${ACCEPTS[s.category]}`;
  }
  const lasts = s.irreversible
    ? 'it cannot be undone'
    : (LASTS[s.grant] ?? (s.personalData || s.secret ? 'once typed, it cannot be taken back' : 'until you undo it'));
  return {
    what: `${what}.`,
    lasts,
    ...(narrower ? { narrower: `use "${narrower}" instead` } : {}),
    defaultAnswer: 'deny',
    defaultText: 'No answer means deny: heed will not do it.',
  };
}

/**
 * Among the other choices a screen offers (its consent points), the narrowest one that still gives the same
 * category: "Only this time" next to "While using the app". Protective choices are not narrower grants: they refuse.
 */
export function narrowerOf<T extends Pick<Sensitivity, 'category' | 'grant' | 'exposing'>>(
  s: Pick<Sensitivity, 'category' | 'grant'>,
  choices: Iterable<T>,
): T | undefined {
  let best: T | undefined;
  for (const c of choices) {
    if (c.category !== s.category || !c.exposing || BREADTH[c.grant] <= BREADTH[s.grant]) continue;
    // The one-time choice is what "only this time" means; prefer it over a selection.
    const rank = (g: Grant) => (g === 'allow_once' ? 0 : 1);
    if (!best || rank(c.grant) < rank(best.grant)) best = c;
  }
  return best;
}
