// The scrubber (issue #10's red team, RT-14, RT-16, RT-17): numbers and IBANs in any format, secrets too short to
// find inside text, and the fact names that are secrets.
import { isSecretFact, REDACTED, Secrets } from '../../src/core/secrets.js';

describe('Secrets', () => {
  test('a card number or IBAN is redacted however it is written', () => {
    const s = Secrets.fromFacts({ card_number: '4111 1111 1111 1111', iban: 'DE89 3704 0044 0532 0130 00' });
    expect(s.text('Saved card: 4111-1111-1111-1111')).toBe(`Saved card: ${REDACTED}`);
    expect(s.text('card 4111111111111111, IBAN DE89370400440532013000')).toBe(`card ${REDACTED}, IBAN ${REDACTED}`);
    expect(s.text('IBAN de89 3704 0044 0532 0130 00')).toBe(`IBAN ${REDACTED}`);
    // Other numbers stay: a different card, a phone number.
    expect(s.text('5500 0000 0000 0004, +41 44 668 18 00')).toBe('5500 0000 0000 0004, +41 44 668 18 00');
    expect(s.patterns().some((p) => new RegExp(p, 'i').test('4111.1111.1111.1111'))).toBe(true);
  });

  test('a secret too short to find in text is redacted where a whole string, or a quoted one, is it', () => {
    const s = new Secrets();
    s.add('T');
    expect(s.size).toBe(1);
    expect(s.text('T')).toBe(REDACTED);
    expect(s.text('{"action":"type","text":"T"}')).toBe(`{"action":"type","text":"${REDACTED}"}`);
    expect(s.text("Action: type(content='T')")).toBe(`Action: type(content='${REDACTED}')`);
    expect(s.text('Tap the Trail button')).toBe('Tap the Trail button');
    expect(s.scrub({ action: { text: 'T' }, note: 'T is a letter' })).toEqual({
      action: { text: REDACTED },
      note: 'T is a letter',
    });
  });

  test.each(['security_answer', 'recovery_phrase', 'seed_words', 'mnemonic', 'mothers_maiden_name', 'puk'])(
    'the fact %s is a secret',
    (name) => expect(isSecretFact(name)).toBe(true),
  );
  test.each(['name', 'email', 'city', 'phone'])('the fact %s is not', (name) => expect(isSecretFact(name)).toBe(false));
});
