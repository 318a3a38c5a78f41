// What the approval page shows besides the open request: the run's steps grouped by episode (one channel answers
// for every episode of heed eval --user web), how each episode ended, and how the whole run ended.
import { SOURCE_WORDS } from '../core/vocab.js';
import type { EpisodeContext, RunEnd, StepEvent } from './channel.js';

export interface TimelineEvent extends StepEvent {
  /** The episode it belongs to (eval); absent for a single run. */
  episode?: string;
}

export interface EpisodeState extends EpisodeContext {
  end?: RunEnd;
}

/** The most the page is sent: enough to read, bounded so a long eval does not grow every update. */
const MAX_EVENTS = 400;
const MAX_EPISODES = 60;

export class WebTimeline {
  private readonly events: TimelineEvent[] = [];
  private readonly episodes = new Map<string, EpisodeState>();
  private ended?: RunEnd;

  add(e: StepEvent, episode?: EpisodeContext): void {
    if (episode) this.episode(episode);
    const decision = e.decision === undefined ? {} : { decision: decisionWords(e.decision) };
    this.events.push({ ...e, ...decision, ...(episode ? { episode: episode.id } : {}) });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  episode(c: EpisodeContext): EpisodeState {
    let s = this.episodes.get(c.id);
    if (!s) {
      s = { id: c.id, task: c.task, persona: c.persona, policy: c.policy };
      this.episodes.set(c.id, s);
      if (this.episodes.size > MAX_EPISODES) this.episodes.delete(this.episodes.keys().next().value!);
    }
    return s;
  }

  endEpisode(c: EpisodeContext, e: RunEnd): void {
    this.episode(c).end = e;
  }

  end(e: RunEnd): void {
    this.ended = e;
  }

  get lastStep(): number {
    return this.events.at(-1)?.step ?? 0;
  }

  state(): { timeline: TimelineEvent[]; episodes: EpisodeState[]; ended: RunEnd | null } {
    return { timeline: [...this.events], episodes: [...this.episodes.values()], ended: this.ended ?? null };
  }
}

/**
 * A step's decision ("allow by user", as the loop reports it) in the words of the person reading the page: "you
 * allowed it", "blocked by the profile". Anything else is shown as it came.
 */
export function decisionWords(d: string): string {
  const m = /^(allow|block|ask) by ([\w-]+)$/.exec(d);
  if (!m) return d;
  const [, verdict, source] = m as unknown as [string, string, string];
  if (source === 'bypass') return 'no consent gate (baseline)';
  if (source === 'protective') return 'a protective choice: needs no consent';
  if (source === 'user' || source === 'simulated-user')
    return verdict === 'allow' ? 'you allowed it' : 'you refused it';
  return `${verdict === 'allow' ? 'allowed' : verdict === 'block' ? 'blocked' : 'asked'} by ${SOURCE_WORDS[source] ?? source}`;
}
