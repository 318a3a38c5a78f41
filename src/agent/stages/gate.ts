// gate: allow, block or ask, for a step consent found sensitive. The gate reads only the classification, never the
// model's words or the screen's text.
import type { ConsentGate } from '../../consent/consent-gate.js';
import type { Classified, Gated } from './types.js';

export function gateStep(c: Classified, gate: ConsentGate, instruction: string): Gated {
  if (!c.sensitivity) return c;
  return { ...c, decision: gate.decide(c.sensitivity, { step: c.step, app: c.app, instruction }) };
}
