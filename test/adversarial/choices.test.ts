import { choices } from '../../bench/adversarial/scenarios/choices.js';
import { suite } from './support.js';

suite('adversarial: dialogs that look like a choice or an exit but name a price', choices);
