// ask: the user channel, for the gate's consent requests and the agent's clarifying questions. The answer goes back
// to the gate, which records it; this stage only carries it.
import type { ConsentGate } from '../../consent/consent-gate.js';
import { explain, isLasting } from '../../consent/explain.js';
import { untilAborted } from '../../core/abort.js';
import { describeAnswer } from '../../core/vocab.js';
import { deviceToImage } from '../../device/coords.js';
import type { ControlAction } from '../../policy/actions.js';
import { actionCaption } from '../../policy/caption.js';
import type { Screen, UserChannel } from '../../user/channel.js';
import type { Frame } from '../../vision/frame.js';
import type { Gated } from './types.js';

/** Settle an `ask` verdict with the user; any other step passes through. */
export async function askConsent(
  g: Gated,
  user: UserChannel,
  gate: ConsentGate,
  instruction: string,
  signal?: AbortSignal,
): Promise<Gated> {
  const s = g.sensitivity;
  if (!s || g.decision?.verdict !== 'ask') return g;
  const appLabel = g.appLabel;
  const words = explain(s, appLabel ?? g.app);
  const label = g.resolved.element?.label;
  const answer = await untilAborted(
    user.consent({
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
        lasting: isLasting(s.grant),
      },
      screen: screenOf(g.frame, g),
    }),
    signal,
  );
  const decision = gate.answered(s, { step: g.step, app: g.app, instruction }, answer, user.kind);
  return {
    ...g,
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
  signal?: AbortSignal,
): Promise<string> {
  return untilAborted(user.ask({ question: a.question, options: a.options, screen: screenOf(frame) }), signal);
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
