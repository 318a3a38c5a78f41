import { toctou } from '../../bench/adversarial/scenarios/toctou.js';
import { suite } from './support.js';

suite('adversarial: toctou', toctou);
