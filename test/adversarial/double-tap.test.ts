import { doubleTap } from '../../bench/adversarial/scenarios/double-tap.js';
import { suite } from './support.js';

suite('adversarial: double tap (red team)', doubleTap);
