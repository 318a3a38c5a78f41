import { loadApps } from '../src/model/world.js';
import { Phone } from '../src/phone/phone.js';
import { walk, type UiNode } from '../src/phone/ui.js';

export const TRAILCAM = 'com.heed.trailcam';

export function newPhone(): Phone {
  return new Phone(loadApps());
}

/** Find a node on the top window by resource-id suffix or exact text. */
export function find(phone: Phone, what: string): UiNode {
  for (const n of walk(phone.top().root)) {
    if (n.resourceId.endsWith(`:id/${what}`) || n.text === what) return n;
  }
  throw new Error(`'${what}' is not on screen (${phone.currentPackage})`);
}

export function tapOn(phone: Phone, what: string): void {
  const [l, t, r, b] = find(phone, what).bounds;
  phone.tap(Math.round((l + r) / 2), Math.round((t + b) / 2));
}
