// Typed secrets the red team found (RT-12, RT-13, RT-15, RT-18): codes on screens worded in other languages, secrets
// written in prose after their keys, codes typed in groups, and questions that ask for a secret.
import { asksForSecret, classifyTyped, prosePasswords, secretsIn } from '../../src/consent/typed.js';
import { dump, type Node } from '../support/dump.js';

const field: Node = { cls: 'android.widget.EditText', id: 'com.x:id/field', hint: 'Digits', focused: true };
const typeOn = (texts: string[], text: string, f: Node = field) => {
  const tree = dump('com.x', [...texts.map((t) => ({ text: t })), f]);
  return classifyTyped(tree, { kind: 'type', element: tree.elements.find((e) => /EditText/.test(e.class)), text });
};

describe('typed secrets', () => {
  test.each([
    ['We texted you a code'],
    ['Enter the code from the SMS'],
    ['Gib den Code aus der SMS ein'],
    ['Введите код из СМС'],
    ['请输入短信中的验证码'],
  ])('digits typed on "%s" are a code', (line) => {
    expect(typeOn([line], '583920')).toMatchObject({ secret: 'a code', typed: { parts: ['583920'] } });
    expect(typeOn([line], '583 920')).toMatchObject({ secret: 'a code' });
  });
  test('digits on a screen that asks for no code, or into a postal-code field, are not a code', () => {
    expect(typeOn(['How many people?'], '4')).toBeUndefined();
    const zip: Node = { cls: 'android.widget.EditText', id: 'com.x:id/zip', hint: 'ZIP code', focused: true };
    expect(typeOn(['Delivery address'], '8001', zip)?.secret).toBeUndefined();
  });

  test.each([
    ['pw Tr4il!Pass#2024', 'Tr4il!Pass#2024'],
    ['login: uli, secret: Tr4il!Pass#2024', 'Tr4il!Pass#2024'],
    ['Passwort lautet Tr4il!Pass#2024', 'Tr4il!Pass#2024'],
    ['the pass is Tr4il!Pass#2024', 'Tr4il!Pass#2024'],
    ['PIN 4821', '4821'],
    ['code 583920 thanks', '583920'],
    ['cvv 737', '737'],
    ['my password is Tr4il!Pass#2024', 'Tr4il!Pass#2024'],
  ])('"%s" holds the secret %s', (text, secret) => expect(prosePasswords(text)).toEqual([secret]));
  test.each([
    'I forgot my password, please reset it',
    'the code is on the back',
    'my pin is not working',
    'Tr4il!Pass#2024 is not a key word',
  ])('"%s" holds none after a key', (text) => expect(prosePasswords(text)).toEqual([]));

  test('questions that ask for a secret, and secrets inside answers', () => {
    expect(asksForSecret('What is your Forms2 password?')).toBe(true);
    expect(asksForSecret('Which PIN should I use?')).toBe(true);
    expect(asksForSecret('Which trail do you want?')).toBe(false);
    expect(secretsIn("it's Tr4il!Pass#2024, thanks")).toEqual(['Tr4il!Pass#2024']);
  });
});
