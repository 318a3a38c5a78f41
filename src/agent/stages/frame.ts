// frame: the screenshot as the model will see it (resized, redacted, set-of-mark numbers).
import type { Profile } from '../../profile/schema.js';
import { makeFrame, type FrameOptions } from '../../vision/frame.js';
import type { Framed, Observed } from './types.js';

export async function frame(o: Observed, redact: Profile['redact'], options?: FrameOptions): Promise<Framed> {
  return { ...o, frame: await makeFrame(o.obs, redact, options) };
}
