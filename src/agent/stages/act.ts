// act: the gesture, on the device, for a step the gate let through (or that needed no consent).
//
// The pre-act check (issue #10) goes at the top of `act`: it has the observation the decision was made on
// (`g.obs`), the element and its bounds (`g.resolved.element`), the gesture (`g.resolved.gesture`) and the verdict
// (`g.decision`), so it can re-read the screen, compare, and send the step back to be classified again instead of
// performing it.
import type { Device } from '../../device/device.js';
import type { Gated } from './types.js';

export interface ActOptions {
  /** Multiplies `wait` actions (0 in tests and on the simulated phone). */
  waitScale: number;
}

export async function act(g: Gated, device: Device, o: ActOptions): Promise<void> {
  const { gesture, then, wait } = g.resolved;
  if (gesture) await device.perform(gesture);
  if (then) await device.perform(then);
  else if (wait !== undefined) await new Promise((res) => setTimeout(res, wait * 1000 * o.waitScale));
}
