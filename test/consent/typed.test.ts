// What typing exposes (issue #10 items 5 and 8): secrets by field, by screen and by text; personal data judged on
// what is typed, not on what the field shows; and every scan linear, so no input can hang a run.
import { classifyTyped, emails, luhn, numberRuns, prosePasswords } from '../../src/consent/typed.js';
import { decide, Session } from '../../src/consent/gate.js';
import { Profile } from '../../src/profile/schema.js';
import { Memory } from '../../src/profile/memory.js';
import { dump, el } from '../support/dump.js';

const form = (title: string, field: { hint?: string; text?: string; password?: boolean; id?: string }) =>
  dump('com.evil.forms', [
    { text: title },
    { cls: 'android.widget.EditText', clickable: true, id: field.id ?? 'com.evil.forms:id/field', ...field },
  ]);
const typeInto = (tree: ReturnType<typeof form>, text: string) =>
  classifyTyped(tree, { kind: 'type', element: tree.elements.find((e) => /EditText/.test(e.class)), text });

describe('typed secrets', () => {
  test('by field: PIN, card security code, one-time code, password (flagged or only named)', () => {
    expect(typeInto(form('Unlock', { hint: 'PIN' }), '4821')).toMatchObject({
      secret: 'a PIN',
      typed: { parts: ['4821'] },
    });
    expect(typeInto(form('Confirm', { hint: 'CVV' }), '737')).toMatchObject({ secret: 'a card security code' });
    expect(typeInto(form('Verify', { hint: 'Code' }), '583920')).toMatchObject({ secret: 'a one-time code' });
    expect(typeInto(form('Sign in', { hint: 'Password', password: true }), 'hunter22')).toMatchObject({
      secret: 'a password',
    });
    expect(typeInto(form('Anmelden', { hint: 'Passwort' }), 'hunter22')).toMatchObject({ secret: 'a password' });
  });

  test('by screen: short digits where the screen asks for a code or card details', () => {
    expect(typeInto(form('Enter the 6-digit code we sent to your phone', { hint: 'xxxxxx' }), '583920')).toMatchObject({
      secret: 'a code',
    });
    expect(typeInto(form('Payment details', { hint: '••••' }), '4929')).toMatchObject({ secret: 'a code' });
    expect(typeInto(form('Search', { hint: 'Search' }), '2024')).toBeUndefined();
  });

  test('by text: a password in prose, a card number whole or completing what the field holds', () => {
    expect(prosePasswords('hi, my password is Tr4il!Pass#2024 thanks')).toEqual(['Tr4il!Pass#2024']);
    expect(prosePasswords('login uli / pwd: s3cr3t!!')).toEqual(['s3cr3t!!']);
    expect(prosePasswords('I forgot my password, please reset it')).toEqual([]);
    expect(typeInto(form('Notes', { hint: 'Notes' }), 'my password is Tr4il!Pass#2024')).toMatchObject({
      secret: 'a password',
      typed: { parts: ['Tr4il!Pass#2024'] },
    });
    expect(typeInto(form('Notes', { hint: 'Notes' }), '4111 1111 1111 1111')).toMatchObject({
      secret: 'a card number',
    });
    // In chunks: the field already shows the first twelve digits.
    expect(typeInto(form('Details', { hint: 'Number', text: '4111 1111 1111 ' }), '1111')).toMatchObject({
      secret: 'a card number',
    });
    // Two chunks of eight: personal data (a phone or card number) the profile must give.
    expect(typeInto(form('Details', { hint: 'Number', text: '4111 1111' }), ' 1111')).toMatchObject({
      personalData: true,
    });
    // A password typed into a field that is neither flagged nor named as one.
    expect(typeInto(form('Notes', { hint: 'Notes' }), 'Tr4il!Pass#2024')).toMatchObject({ secret: 'a password' });
    expect(typeInto(form('Browser', { hint: 'Address' }), 'https://Example.org/A1')).not.toMatchObject({
      secret: 'a password',
    });
    expect(typeInto(form('Search', { hint: 'Search' }), 'Uetliberg')).toBeUndefined();
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });

  test('the gate checks what is typed, not what the field shows', () => {
    const p = Profile.parse({
      id: 'p',
      name: 'Uli Trails',
      summary: 's',
      oversight: 'hands-off',
      consent: { data_sharing_publish: { decision: 'allow' }, payment_purchase: { decision: 'allow' } },
      personal: { name: 'Uli Trails', email: 'uli.trails@gmail.com', card_number: '4111 1111 1111 1111' },
    });
    const ctx = {
      app: 'x',
      instruction: 'Fill in the form',
      profile: p,
      memory: Memory.inMemory(),
      session: new Session(),
    };
    const name = form('Your details', { hint: 'Name', text: 'Uli Trails' });
    const card = typeInto(name, '5500 0000 0000 0004')!;
    expect(decide(card, ctx)).toMatchObject({ verdict: 'ask', source: 'critical' });
    // The user's own card, typed literally or by name, is the profile's to give.
    expect(decide(typeInto(name, '4111111111111111')!, ctx)).toMatchObject({ verdict: 'allow' });
    const byName = classifyTyped(name, {
      kind: 'type',
      element: el(name, 'Uli Trails'),
      text: '4111 1111 1111 1111',
      fact: 'card_number',
    })!;
    expect(decide(byName, ctx)).toMatchObject({ verdict: 'allow' });
    expect(decide(typeInto(form('Mail', { hint: 'Email' }), 'someone.else@example.com')!, ctx)).toMatchObject({
      verdict: 'ask',
    });
    expect(decide(typeInto(form('Mail', { hint: 'Email' }), 'uli.trails@gmail.com')!, ctx)).toMatchObject({
      verdict: 'allow',
    });
  });
});

describe('linear scans (issue #10 item 8: 160 KB took 67 s, 1 MB hung)', () => {
  test('e-mail and number scanners find what they should', () => {
    expect(emails('write to me@example.org or a.b+c@x-y.co.uk.')).toEqual(['me@example.org', 'a.b+c@x-y.co.uk']);
    expect(emails('no @ here @ all')).toEqual([]);
    expect(numberRuns('call +41 79 123 45 67 now').map((n) => n.digits)).toEqual(['41791234567']);
  });

  test.each([
    ['1 MB of word characters', 'a'.repeat(1_000_000)],
    ['1 MB of digits and a letter', '1'.repeat(1_000_000) + 'x'],
    ['1 MB of "a@"', 'a@'.repeat(500_000)],
    ['1 MB of "1 "', '1 '.repeat(500_000) + 'x'],
    ['1 MB after an @', 'x@' + 'a.'.repeat(500_000)],
    ['1 MB of "password "', 'password '.repeat(111_112)],
  ])('%s is classified in bounded time', (_name, text) => {
    // On the quadratic patterns each of these took minutes; linear scans take milliseconds. The bound here is only
    // a hang guard (speed is measured in npm run bench), so the test fails on the old code, not on a busy machine.
    const t0 = Date.now();
    typeInto(form('Notes', { hint: 'Notes' }), text);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
