// ask: the user channel, for the gate's consent requests and the agent's clarifying questions. The request says in
// plain words what the step grants and for how long, the narrower choice the screen offers and the default; the
// answer goes back to the gate, which records it. "Allow once" on a lasting grant becomes the screen's one-time
// choice (the gate says which), so this stage swaps the gesture for a tap on it.
import type { ConsentGate } from '../../consent/consent-gate.js';
import { consentPoints } from '../../consent/classify.js';
import { explain, narrowerOf } from '../../consent/explain.js';
import type { Secrets } from '../../core/secrets.js';
import { describeAnswer } from '../../core/vocab.js';
import { deviceToImage } from '../../device/coords.js';
import { center } from '../../device/ui-tree.js';
import type { ControlAction } from '../../policy/actions.js';
import { describeAction } from '../../policy/policy.js';
import type { Screen, UserChannel } from '../../user/channel.js';
import type { Frame } from '../../vision/frame.js';
import type { Gated } from './types.js';

export interface AskOptions {
  secrets: Secrets;
  /** The name people know an app by, for its package. */
  label(pkg: string): Promise<string>;
}

/** Settle an `ask` verdict with the user; any other step passes through. */
export async function askConsent(
  g: Gated,
  user: UserChannel,
  gate: ConsentGate,
  instruction: string,
  o: AskOptions,
): Promise<Gated> {
  const s = g.sensitivity;
  if (!s || g.decision?.verdict !== 'ask') return g;
  const what = describeAction(g.action);
  const label = g.resolved.element?.label;
  const narrower = narrowerOf(s, consentPoints(g.obs.tree, g.obs.package).values());
  const appLabel = await o.label(g.app);
  const e = explain(s, appLabel, narrower?.evidence.text);
  const request = o.secrets.scrub({
    app: g.app,
    appLabel,
    category: s.category,
    grant: s.grant,
    irreversible: s.irreversible,
    action: label ? `${what} ("${label}")` : what,
    evidence: s.evidence.reason,
    reason: g.decision.reason,
    explanation: {
      what: e.what,
      lasts: e.lasts,
      ...(e.narrower ? { narrower: e.narrower } : {}),
      defaultText: e.defaultText,
    },
  });
  const answer = await user.consent({ ...request, screen: screenOf(g.frame, g) });
  const decision = gate.answered(s, { step: g.step, app: g.app, instruction }, answer, user.kind, narrower);
  const swapped = decision.narrowed && g.obs.tree.elements[decision.narrowed.evidence.index ?? -1];
  return {
    ...g,
    ...(swapped
      ? {
          sensitivity: decision.narrowed,
          resolved: {
            gesture: { kind: 'tap', ...center(swapped.bounds) },
            element: swapped,
            touch: { kind: 'tap', element: swapped },
          },
        }
      : {}),
    decision,
    answer: describeAnswer(answer),
    ...(answer.kind === 'instead' ? { instead: answer.instruction } : {}),
  };
}

/** The agent's clarifying question; the user's reply. */
export async function askQuestion(
  a: Extract<ControlAction, { action: 'ask_user' }>,
  frame: Frame,
  user: UserChannel,
  secrets: Secrets,
): Promise<string> {
  return user.ask({ ...secrets.scrub({ question: a.question, options: a.options }), screen: screenOf(frame) });
}

/** The frame with what the agent is about to touch, in image pixels. */
function screenOf(frame: Frame, g?: Gated): Screen {
  const { width, height } = frame.geometry.image;
  const s: Screen = { jpeg: frame.jpeg, width, height };
  const touched = g?.resolved.element;
  const el = touched && frame.elements.find((e) => e.index === touched.index);
  const gesture = g?.resolved.gesture;
  if (el) s.box = el.bounds;
  else if (gesture && 'x' in gesture) {
    const p = deviceToImage(frame.geometry, { x: gesture.x, y: gesture.y });
    s.point = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return s;
}
