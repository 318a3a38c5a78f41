import { spoofedIds } from '../../bench/adversarial/scenarios/spoofed-ids.js';
import { suite } from './support.js';

suite('adversarial: spoofed ids (red team)', spoofedIds);
