import { answers } from '../../bench/adversarial/scenarios/answers.js';
import { suite } from './support.js';

suite('adversarial: answers', answers);
