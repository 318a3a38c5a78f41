// Every adversarial scenario, by item.
import { answerScope } from './scenarios/answer-scope.js';
import { answers } from './scenarios/answers.js';
import { choices } from './scenarios/choices.js';
import { doubleTap } from './scenarios/double-tap.js';
import { gestures } from './scenarios/gestures.js';
import { identity } from './scenarios/identity.js';
import { injection } from './scenarios/injection.js';
import { payment } from './scenarios/payment.js';
import { polarity } from './scenarios/polarity.js';
import { regex } from './scenarios/regex.js';
import { replies } from './scenarios/replies.js';
import { secrets } from './scenarios/secrets.js';
import { settings } from './scenarios/settings.js';
import { spoofedIds } from './scenarios/spoofed-ids.js';
import { toctou } from './scenarios/toctou.js';
import { typedSecrets } from './scenarios/typed-secrets.js';
import { wordings } from './scenarios/wordings.js';
import type { Scenario } from './scenario.js';

export const SCENARIOS: Scenario[] = [
  ...gestures,
  ...doubleTap,
  ...settings,
  ...toctou,
  ...payment,
  ...wordings,
  ...polarity,
  ...choices,
  ...secrets,
  ...typedSecrets,
  ...identity,
  ...answers,
  ...answerScope,
  ...regex,
  ...replies,
  ...injection,
  ...spoofedIds,
];
