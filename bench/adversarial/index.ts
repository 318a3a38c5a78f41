// Every adversarial scenario, by item.
import { answers } from './scenarios/answers.js';
import { gestures } from './scenarios/gestures.js';
import { identity } from './scenarios/identity.js';
import { injection } from './scenarios/injection.js';
import { payment } from './scenarios/payment.js';
import { regex } from './scenarios/regex.js';
import { replies } from './scenarios/replies.js';
import { secrets } from './scenarios/secrets.js';
import { settings } from './scenarios/settings.js';
import { toctou } from './scenarios/toctou.js';
import type { Scenario } from './scenario.js';

export const SCENARIOS: Scenario[] = [
  ...gestures,
  ...settings,
  ...toctou,
  ...payment,
  ...secrets,
  ...identity,
  ...answers,
  ...regex,
  ...replies,
  ...injection,
];
