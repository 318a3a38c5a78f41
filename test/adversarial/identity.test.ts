import { identity } from '../../bench/adversarial/scenarios/identity.js';
import { suite } from './support.js';

suite('adversarial: identity', identity);
