import { replies } from '../../bench/adversarial/scenarios/replies.js';
import { suite } from './support.js';

suite('adversarial: replies', replies);
