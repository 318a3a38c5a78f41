// Item 4 through the real loop: the 41 payment wordings of issue #10, each refused by the user, so any payment is a
// bypass. Tap classification is engineer C's (#11); every wording is caught now, so none is excused.
import { payment } from '../../bench/adversarial/scenarios/payment.js';
import { suite } from './support.js';

suite('adversarial: payment labels', payment);
