import { secrets } from '../../bench/adversarial/scenarios/secrets.js';
import { suite } from './support.js';

suite('adversarial: secrets', secrets);
