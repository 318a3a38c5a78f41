// frame: the screenshot as the model will see it (resized, redacted, set-of-mark numbers). An element that shows one
// of the run's secrets (a password typed into a plain field) is blacked out like a password field, and no label or
// text the model reads carries a secret.
import type { Secrets } from '../../core/secrets.js';
import type { Profile } from '../../profile/schema.js';
import { makeFrame, type FrameOptions } from '../../vision/frame.js';
import type { Framed, Observed } from './types.js';

export async function frame(
  o: Observed,
  redact: Profile['redact'],
  options?: FrameOptions,
  secrets?: Secrets,
): Promise<Framed> {
  if (!secrets?.size) return { ...o, frame: await makeFrame(o.obs, redact, options) };
  const f = await makeFrame(o.obs, { ...redact, patterns: [...redact.patterns, ...secrets.patterns()] }, options);
  return {
    ...o,
    frame: {
      ...f,
      elements: f.elements.map((e) => ({ ...e, label: secrets.text(e.label) })),
      texts: f.texts.map((t) => secrets.text(t)),
    },
  };
}
