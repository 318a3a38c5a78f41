// W3C pointer/key actions and UiAutomator2-style gestures reduced to what the phone understands: tap, long press,
// scroll of a list, typed text and key presses.
import type { Phone } from '../phone/phone.js';
import type { Bounds } from '../phone/ui.js';

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
const LONG_PRESS_MS = 500;
const TOUCH_SLOP = 10;

interface ActionItem {
  type: string;
  duration?: number;
  x?: number;
  y?: number;
  origin?: unknown;
  value?: string;
}
interface Source {
  type: string;
  id: string;
  actions: ActionItem[];
}

const KEYS: Record<string, number> = { '\uE007': 66, '\uE006': 66, '\uE003': 67, '\uE017': 67 };

export function performActions(phone: Phone, sources: Source[], elementCenter: (id: string) => [number, number]): void {
  for (const src of sources) {
    if (src.type === 'pointer') pointer(phone, src.actions, elementCenter);
    else if (src.type === 'key') {
      for (const a of src.actions) {
        if (a.type !== 'keyDown' || !a.value) continue;
        const code = KEYS[a.value];
        if (code !== undefined) phone.pressKey(code);
        else phone.typeText(a.value);
      }
    }
  }
}

function pointer(phone: Phone, actions: ActionItem[], elementCenter: (id: string) => [number, number]): void {
  let x = 0;
  let y = 0;
  let down: { x: number; y: number; t: number } | undefined;
  let t = 0;
  for (const a of actions) {
    t += a.duration ?? 0;
    if (a.type === 'pointerMove') {
      const origin = a.origin as Record<string, string> | string | undefined;
      if (origin && typeof origin === 'object' && origin[ELEMENT_KEY]) {
        const [cx, cy] = elementCenter(origin[ELEMENT_KEY]);
        x = cx + (a.x ?? 0);
        y = cy + (a.y ?? 0);
      } else if (origin === 'pointer') {
        x += a.x ?? 0;
        y += a.y ?? 0;
      } else {
        x = a.x ?? 0;
        y = a.y ?? 0;
      }
    } else if (a.type === 'pointerDown') down = { x, y, t };
    else if (a.type === 'pointerUp' && down) {
      gesture(phone, down, { x, y }, t - down.t);
      down = undefined;
    }
  }
}

function gesture(phone: Phone, from: { x: number; y: number }, to: { x: number; y: number }, ms: number): void {
  if (Math.hypot(to.x - from.x, to.y - from.y) < TOUCH_SLOP) {
    phone.tap(Math.round(from.x), Math.round(from.y), ms >= LONG_PRESS_MS);
    return;
  }
  // A finger moving up drags the content up: the list scrolls toward its end.
  if (Math.abs(to.y - from.y) >= Math.abs(to.x - from.x))
    phone.scrollAt(Math.round(from.x), Math.round(from.y), from.y - to.y);
  else phone.tick();
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * scrollGesture / swipeGesture over an area. UiAutomator2 semantics: scroll "down" shows content further down;
 * swipe "up" moves the finger up, which has the same effect. Returns whether the list can scroll further.
 */
export function scrollArea(
  phone: Phone,
  area: Bounds,
  direction: Direction,
  percent: number,
  kind: 'scroll' | 'swipe',
): boolean {
  if (!(percent > 0)) throw new Error(`percent must be a positive number, got ${percent}`);
  const h = area[3] - area[1];
  const cx = Math.round((area[0] + area[2]) / 2);
  const cy = Math.round((area[1] + area[3]) / 2);
  const contentDown = kind === 'scroll' ? direction === 'down' : direction === 'up';
  const contentUp = kind === 'scroll' ? direction === 'up' : direction === 'down';
  if (!contentDown && !contentUp) {
    phone.tick();
    return false;
  }
  return phone.scrollAt(cx, cy, (contentDown ? 1 : -1) * Math.round(h * Math.min(percent, 1)));
}
