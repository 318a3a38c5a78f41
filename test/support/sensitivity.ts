// A consent point as the classifier reports it, for the consent layer's unit tests: a location "While using the app"
// unless the test says otherwise.
import type { Sensitivity } from '../../src/consent/types.js';

export const sensitivity = (over: Partial<Sensitivity> = {}): Sensitivity => ({
  category: 'location',
  grant: 'allow_foreground',
  exposing: true,
  irreversible: false,
  evidence: { text: 'While using the app', resourceId: '', reason: 'test' },
  source: 'rules',
  ...over,
});
