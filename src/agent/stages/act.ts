// act: the gesture, on the device, for a step the gate let through (or that needed no consent) — but only on the
// screen it was decided on. The model call and any question to the user come between the observation and the act,
// so just before acting heed reads the screen again (page source and package, no pixels): the same app, no
// permission dialog come or gone, the same element under every point the gesture touches (class, text, id, bounds,
// checked state) and the same classification of it. Otherwise nothing is done, and the next step observes afresh:
// a dialog that appeared in between is classified, never tapped on the strength of the old screen.
import { classify as rules, isPermissionScreen } from '../../consent/classify.js';
import { sleep, untilAborted } from '../../core/abort.js';
import type { Device, Glance, Observation } from '../../device/device.js';
import { center, elementAt, type UiElement } from '../../device/ui-tree.js';
import type { Gated } from './types.js';

export interface ActOptions {
  /** Multiplies `wait` actions (0 in tests and on the simulated phone). */
  waitScale: number;
  signal?: AbortSignal;
}

/** `note`: part of the gesture was withheld (a double tap whose first tap changed the screen). */
export type Acted = { status: 'done'; note?: string } | { status: 'changed'; why: string };

/**
 * Performs the step, unless the screen changed since it was decided. A refusal by the device throws DeviceError
 * (lost: false), which the loop records as `failed`.
 */
export async function act(g: Gated, device: Device, o: ActOptions): Promise<Acted> {
  const { gesture, then, wait } = g.resolved;
  // Keys that only leave (back, home …) and opening an app touch no control; everything else is checked.
  const touchesScreen =
    gesture &&
    !(gesture.kind === 'key' && gesture.key !== 'enter') &&
    gesture.kind !== 'open_app' &&
    gesture.kind !== 'hide_keyboard';
  if (touchesScreen) {
    const why = changed(g, await untilAborted(device.glance(), o.signal));
    if (why) return { status: 'changed', why };
  }
  if (gesture?.kind === 'double_tap') {
    // A gesture that taps twice is two checked taps: the first may move the app on ("Continue"), and the second
    // would land on whatever the next screen has under the finger ("Pay $12.99"), which nothing classified.
    const tap = { kind: 'tap' as const, x: gesture.x, y: gesture.y };
    await untilAborted(device.perform(tap), o.signal);
    const why = changed(g, await untilAborted(device.glance(), o.signal));
    if (why) return { status: 'done', note: `only the first tap was done: after it, ${why}` };
    await untilAborted(device.perform(tap), o.signal);
  } else if (gesture) await untilAborted(device.perform(gesture), o.signal);
  if (then) await untilAborted(device.perform(then), o.signal);
  if (wait !== undefined) await sleep(wait * 1000 * o.waitScale, o.signal);
  return { status: 'done' };
}

const same = (a?: UiElement, b?: UiElement) =>
  a === b ||
  (!!a &&
    !!b &&
    a.class === b.class &&
    a.text === b.text &&
    a.contentDesc === b.contentDesc &&
    a.resourceId === b.resourceId &&
    a.checked === b.checked &&
    a.bounds.every((v, i) => v === b.bounds[i]));

const consentOf = (tree: Observation['tree'], pkg: string, t: Parameters<typeof rules>[2]) => {
  const s = rules(tree, pkg, t);
  return s ? `${s.category}/${s.grant}/${s.exposing}/${s.precision ?? ''}` : '';
};

/** Why the screen is no longer the one the step was decided on, or undefined when it still is. */
export function changed(g: Gated, now: Glance): string | undefined {
  const was = g.obs;
  if (now.package !== was.package) return `the foreground app changed (${was.package} → ${now.package})`;
  const dialog = isPermissionScreen(now.tree, now.package);
  if (dialog !== isPermissionScreen(was.tree, was.package))
    return dialog ? 'a permission dialog appeared' : 'the permission dialog went away';
  const touches = [...(g.resolved.activates ?? []), g.resolved.touch];
  for (const t of touches) {
    if (!t.element) continue;
    const p = center(t.element.bounds);
    const before = elementAt(was.tree, p.x, p.y) ?? t.element;
    // Typing into the focused field (no tap first): that field must still be the focused one.
    const gesture = g.resolved.gesture;
    const intoFocused = t.kind === 'type' && gesture?.kind === 'type' && !gesture.at;
    const after = intoFocused ? focusedField(now.tree) : elementAt(now.tree, p.x, p.y);
    if (!same(before, after))
      return `the element under the finger changed ("${before.label}" → "${after?.label ?? 'nothing'}")`;
    if (consentOf(was.tree, was.package, t) !== consentOf(now.tree, now.package, { ...t, element: after }))
      return `what "${before.label}" would grant changed`;
  }
  const gesture = g.resolved.gesture;
  if (gesture && 'x' in gesture && !touches.some((t) => t.element)) {
    // A coordinate tap on nothing interactive: still nothing interactive there now.
    if (elementAt(now.tree, gesture.x, gesture.y)) return 'a control appeared under the finger';
  }
  return undefined;
}

function focusedField(tree: Observation['tree']): UiElement | undefined {
  return tree.elements.find((e) => e.focused && /EditText/.test(e.class));
}
