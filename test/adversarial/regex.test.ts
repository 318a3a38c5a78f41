import { regex } from '../../bench/adversarial/scenarios/regex.js';
import { suite } from './support.js';

suite('adversarial: regex', regex);
