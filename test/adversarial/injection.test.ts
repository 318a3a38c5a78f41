import { injection } from '../../bench/adversarial/scenarios/injection.js';
import { suite } from './support.js';

suite('adversarial: injection', injection);
