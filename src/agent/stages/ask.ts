// ask: the user channel, for the gate's consent requests and the agent's clarifying questions. The request says in
// plain words what the step grants and for how long, the narrower choice the screen offers and the default; the
// answer goes back to the gate, which records it. "Allow once" on a lasting grant becomes the screen's one-time
// choice (the gate says which), so this stage swaps the gesture for a tap on it. Nothing shown carries a secret.
import type { ConsentGate } from '../../consent/consent-gate.js';
import { consentPoints } from '../../consent/classify.js';
import { explain, narrowerOf, outlasts } from '../../consent/explain.js';
import type { Secrets } from '../../core/secrets.js';
import { untilAborted } from '../../core/abort.js';
import { describeAnswer } from '../../core/vocab.js';
import { deviceToImage } from '../../device/coords.js';
import { center } from '../../device/ui-tree.js';
import type { ControlAction } from '../../policy/actions.js';
import { actionCaption } from '../../policy/caption.js';
import type { ConsentRequest, Screen, UserChannel } from '../../user/channel.js';
import type { Frame } from '../../vision/frame.js';
import type { Gated } from './types.js';

/** Settle an `ask` verdict with the user; any other step passes through. */
export async function askConsent(
  g: Gated,
  user: UserChannel,
  gate: ConsentGate,
  instruction: string,
  secrets: Secrets,
  signal?: AbortSignal,
): Promise<Gated> {
  const s = g.sensitivity;
  if (!s || g.decision?.verdict !== 'ask') return g;
  const appLabel = g.appLabel;
  const narrower = narrowerOf(s, consentPoints(g.obs.tree, g.obs.package).values());
  const words = explain(s, appLabel ?? g.app, narrower?.evidence.text);
  const label = g.resolved.element?.label;
  const shown: Omit<ConsentRequest, 'screen'> = {
    app: g.app,
    category: s.category,
    grant: s.grant,
    irreversible: s.irreversible,
    action: actionCaption(g.action, g.resolved.element),
    ...(label ? { label } : {}),
    evidence: s.evidence.reason,
    reason: g.decision.reason,
    ...(appLabel ? { appLabel } : {}),
    explanation: {
      what: words.what,
      lasts: words.lasts,
      ...(words.narrower ? { narrower: words.narrower } : {}),
      defaultText: words.defaultText,
      lasting: outlasts(s),
    },
  };
  const at = { step: g.step, app: g.app, instruction };
  let answer;
  try {
    answer = await untilAborted(user.consent({ ...secrets.scrub(shown), screen: screenOf(g.frame, g) }), signal);
  } catch (e) {
    // Stopped while asking (Ctrl-C, the run's budget): the ledger still says what was asked and that it was refused.
    if (signal?.aborted) gate.answered(s, at, { kind: 'deny', source: 'interrupted' }, user.kind);
    throw e;
  }
  const decision = gate.answered(s, at, answer, user.kind, narrower);
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
  signal?: AbortSignal,
): Promise<string> {
  const q = secrets.scrub({ question: a.question, ...(a.options ? { options: a.options } : {}) });
  return untilAborted(user.ask({ ...q, screen: screenOf(frame) }), signal);
}

/** Where a step lands in the frame (image pixels): the touched element's box, and the finger's point. */
export function touchIn(
  frame: Frame,
  resolved?: Gated['resolved'],
): { box?: [number, number, number, number]; point?: { x: number; y: number } } {
  const touched = resolved?.element;
  const el = touched && frame.elements.find((e) => e.index === touched.index);
  const gesture = resolved?.gesture;
  const out: { box?: [number, number, number, number]; point?: { x: number; y: number } } = {};
  if (el) out.box = el.bounds;
  if (gesture && 'x' in gesture) {
    const p = deviceToImage(frame.geometry, { x: gesture.x, y: gesture.y });
    out.point = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return out;
}

/** The frame with what the agent is about to touch, in image pixels. */
function screenOf(frame: Frame, g?: Gated): Screen {
  const { width, height } = frame.geometry.image;
  const s: Screen = { jpeg: frame.jpeg, width, height };
  const t = touchIn(frame, g?.resolved);
  if (t.box) s.box = t.box;
  else if (t.point) s.point = t.point;
  return s;
}
