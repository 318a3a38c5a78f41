import { polarity } from '../../bench/adversarial/scenarios/polarity.js';
import { suite } from './support.js';

suite('adversarial: switch polarity (red team)', polarity);
