import { gestures } from '../../bench/adversarial/scenarios/gestures.js';
import { suite } from './support.js';

suite('adversarial: gestures', gestures);
