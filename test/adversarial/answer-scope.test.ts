import { answerScope } from '../../bench/adversarial/scenarios/answer-scope.js';
import { suite } from './support.js';

suite('adversarial: answer scope (red team)', answerScope);
