import { settings } from '../../bench/adversarial/scenarios/settings.js';
import { suite } from './support.js';

suite('adversarial: settings', settings);
