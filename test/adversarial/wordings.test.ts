import { wordings } from '../../bench/adversarial/scenarios/wordings.js';
import { suite } from './support.js';

suite('adversarial: consent wordings (red team)', wordings);
