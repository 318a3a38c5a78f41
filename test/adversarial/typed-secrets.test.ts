import { typedSecrets } from '../../bench/adversarial/scenarios/typed-secrets.js';
import { suite } from './support.js';

suite('adversarial: typed secrets (red team)', typedSecrets);
