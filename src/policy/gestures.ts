// What an action's gesture needs of the screen it is aimed at, and the few lookups the gestures in actions.ts share:
// the element an index names, the element under a point, the list under a point. Coordinates arrive through
// ResolveContext.toDevice (src/device/coords.ts); nothing here maps them.
import type { Size } from '../device/coords.js';
import type { DeviceAction, Touch } from '../device/device.js';
import { center, elementAt, type UiElement, type UiTree } from '../device/ui-tree.js';

/**
 * The action cannot be done on this screen — an element that is not there, an app that is not installed. A model
 * mistake, not a crash: the step records it and the agent is told.
 */
export class Unusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unusable';
  }
}

/** What a resolved action needs to know of the screen it is aimed at. */
export interface ResolveContext {
  tree: UiTree;
  deviceSize: Size;
  /** A model coordinate (in the policy's convention, on the model's image) in device pixels: src/device/coords.ts. */
  toDevice(x: number, y: number): { x: number; y: number };
  /** The package of an installed app, by name or package. */
  packageOf(app: string): Promise<string>;
  /** The value of a fact of the user's profile, typed by name (the model never sees it); Unusable when none. */
  fact(name: string): string;
}

/** An action turned into what the device does and what consent classifies. */
export interface Resolved {
  /** The gesture; none for `wait`. */
  gesture?: DeviceAction;
  /** A second gesture right after the first (Enter after typing). */
  then?: DeviceAction;
  /** Seconds to wait (`wait` only). */
  wait?: number;
  /** The element the gesture lands on: the one named, else the one under the finger. */
  element?: UiElement;
  touch: Touch;
  /** What else the gesture may activate on its way: the control a swipe or scroll starts on (issue #10). */
  activates?: Touch[];
}

/** A finger that goes down on a control may activate it: consent classifies it as a tap on that control. */
export function startsOn(at: ResolveContext, x: number, y: number): Touch[] {
  const e = elementAt(at.tree, x, y);
  return e ? [{ kind: 'tap', element: e }] : [];
}

/** The element an action names, if it names one; an index that is not on this screen is the model's mistake. */
export function byIndex(at: ResolveContext, i?: number): UiElement | undefined {
  if (i === undefined) return undefined;
  const el = at.tree.elements[i];
  if (!el) throw new Unusable(`element ${i} is not on this screen`);
  return el;
}

/** Where a tap or press lands. A coordinate tap is classified by the element under the finger, so coordinates
 * cannot slip past the gate. */
export function pointOf(a: { element?: number; x?: number; y?: number }, at: ResolveContext) {
  const named = byIndex(at, a.element);
  if (named) return { element: named, p: center(named.bounds) };
  const p = at.toDevice(a.x!, a.y!);
  return { element: elementAt(at.tree, p.x, p.y), p };
}

type Bounds = [number, number, number, number];
export const inside = (b: Bounds, p: { x: number; y: number }) =>
  p.x >= b[0] && p.x < b[2] && p.y >= b[1] && p.y < b[3];
const area = (b: Bounds) => (b[2] - b[0]) * (b[3] - b[1]);
export const grow = (b: Bounds, by: number): Bounds => [b[0] - by, b[1] - by, b[2] + by, b[3] + by];

/**
 * How far a finger may move and still click the view it went down on: Android's touch slop is 8 dp (21 px at 420 dpi,
 * 28 px at 560 dpi); taken generously, as 2 % of the short side and never under 24 px.
 */
export const touchSlop = (screen: Size) => Math.max(24, Math.round(0.02 * Math.min(screen.width, screen.height)));

export const isTextField = (e: UiElement) => /EditText|AutoCompleteTextView/.test(e.class);

/** The innermost scrollable element under a point, for a scroll a model aimed at a list. */
export function scrollableAt(tree: UiTree, p: { x: number; y: number }): UiElement | undefined {
  let best: UiElement | undefined;
  for (const e of tree.elements)
    if (e.scrollable && inside(e.bounds, p) && (!best || area(e.bounds) <= area(best.bounds))) best = e;
  return best;
}
