// act: the gesture, on the device, for a step the gate let through (or that needed no consent).
//
// The pre-act check (issue #10) goes at the top of `act`: it has the observation the decision was made on
// (`g.obs`), the element and its bounds (`g.resolved.element`), the gesture (`g.resolved.gesture`) and the verdict
// (`g.decision`), so it can re-read the screen, compare, and send the step back to be classified again instead of
// performing it.
import { sleep, untilAborted } from '../../core/abort.js';
import type { Device } from '../../device/device.js';
import type { Gated } from './types.js';

export interface ActOptions {
  /** Multiplies `wait` actions (0 in tests and on the simulated phone). */
  waitScale: number;
  signal?: AbortSignal;
}

/** Performs the step. A refusal by the device throws DeviceError (lost: false), which the loop records as `failed`. */
export async function act(g: Gated, device: Device, o: ActOptions): Promise<void> {
  const { gesture, then, wait } = g.resolved;
  if (gesture) await untilAborted(device.perform(gesture), o.signal);
  if (then) await untilAborted(device.perform(then), o.signal);
  if (wait !== undefined) await sleep(wait * 1000 * o.waitScale, o.signal);
}
