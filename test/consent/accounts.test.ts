// Signing in beyond the verb: "Continue with <provider>" in the major languages, for the providers people sign in
// with — and never "continue with" anything else (the purchase, the order, "later").
import { classify } from '../../src/consent/classify.js';
import { namesIdentity } from '../../src/consent/classify/identity.js';
import { conceptOf } from '../../src/consent/classify/vocabulary.js';
import { dump, type Node } from '../support/dump.js';

/** Tapping the element whose own text or description is `text` (not the root, whose label is its children's). */
const tap = (pkg: string, nodes: Node[], text: string) => {
  const tree = dump(pkg, nodes);
  const e = tree.elements.find((x) => x.text === text || x.contentDesc === text);
  if (!e) throw new Error(`no "${text}"`);
  return classify(tree, pkg, { kind: 'tap', element: e });
};
const BUTTON = 'android.widget.Button';

describe('continue with <provider>', () => {
  test.each([
    'Continuar con WhatsApp',
    'Continuar con Telegram',
    'Continuar com Google',
    'Continuer avec Apple',
    'Weiter mit Microsoft',
    'Mit Apple fortfahren',
    'Continua con Facebook',
    'Продолжить с VK ID',
    'Продолжить через Госуслуги',
    'Google ile devam et',
    'المتابعة باستخدام Google',
    '使用微信继续',
    '以 Google 帳號繼續',
    'LINEで続ける',
    '카카오로 시작하기',
    'Tiếp tục với Zalo',
    'Lanjutkan dengan nomor telepon',
    'Google के साथ जारी रखें',
    'Kontynuuj z Google',
    'Continue with Discord',
    'Continue with HUAWEI ID',
  ])('"%s" signs in with the provider it names', (label) => {
    expect(conceptOf(label)?.concept).toBe('sign_in');
    const s = tap('com.example.app', [{ cls: BUTTON, text: label, clickable: true }], label);
    expect(s).toMatchObject({ category: 'account_signin', grant: 'accept', exposing: true });
  });

  // The connector alone is no sign-in: what follows it must be a provider, an account, a phone or an e-mail.
  test.each([
    'Continuar con la compra',
    'Continuer avec la commande',
    'Weiter mit dem Einkauf',
    'Mit dem Einkauf fortfahren',
    'Продолжить с заказом',
    'Continuar com o pagamento',
    'Continua con l’acquisto',
    'あとで続ける',
    'Continue with yearly access',
    'Continue with the tutorial',
  ])('"%s" only goes ahead: no sign-in', (label) => {
    expect(['sign_in', 'continue_as']).not.toContain(conceptOf(label)?.concept);
    const s = tap('com.example.app', [{ text: 'Welcome' }, { cls: BUTTON, text: label, clickable: true }], label);
    expect(s?.category).not.toBe('account_signin');
  });

  test('the Spanish connector, sourced from the Facebook SDK ("Continuar con Facebook"), holds for any provider', () => {
    expect(conceptOf('Continuar con Facebook')?.concept).toBe('sign_in');
    expect(conceptOf('Continuar con Kakao')).toMatchObject({ concept: 'sign_in', phrase: 'continuar con *' });
  });

  test('going ahead with a wallet pays: "Continue with Apple Pay" beside a total is a payment, not a sign-in', () => {
    const at = (label: string) =>
      tap('com.example.shop', [{ text: 'Total $12.99' }, { cls: BUTTON, text: label, clickable: true }], label);
    for (const label of ['Continue with Apple Pay', 'Continuar con PayPal', 'Weiter mit Google Pay'])
      expect(at(label)).toMatchObject({ category: 'payment_purchase', grant: 'accept' });
    expect(at('Log in with PayPal')).toMatchObject({ category: 'account_signin' });
  });

  test.each(['Continue with Nafath', 'Continuer avec FranceConnect', 'Continuar con Google', 'Weiter mit BankID'])(
    'a national identity provider signs in like any other: "%s"',
    (label) => {
      expect(conceptOf(label)?.concept).toBe('sign_in');
    },
  );

  test('what names who signs in', () => {
    for (const t of ['with Naver', 'Apple ID', 'mi cuenta', 'номер телефона', 'メールアドレス', '카카오계정', 'LINE'])
      expect(namesIdentity(t)).toBe(true);
    for (const t of ['the purchase', 'la compra', 'yearly access', 'online', 'später', '稍后', 'el número de pedido'])
      expect(namesIdentity(t)).toBe(false);
  });

  test('an emoji with its variation selector ("🗑️") does not hide the verb after it', () => {
    const label = '🗑️, Clear App Cache, Free up space by removing temporary files, ';
    expect(tap('com.example.app', [{ desc: label, clickable: true }], label)).toMatchObject({
      category: 'destructive',
      exposing: true,
    });
  });
});

describe('a bare sign-up verb', () => {
  const toolbar: Node[] = [
    { text: 'Ordem de serviço' },
    { cls: BUTTON, text: 'Cadastrar', clickable: true },
    { cls: BUTTON, text: 'Recarregar', clickable: true },
    { text: 'Teste 001' },
    { text: 'R$ 250.00' },
  ];

  test("a list's toolbar 'Cadastrar' with nothing of an account on the screen adds a record: no sign-up", () => {
    expect(tap('br.com.example.os', toolbar, 'Cadastrar')?.category).not.toBe('account_signin');
    expect(
      tap('com.example.events', [{ text: 'Products' }, { cls: BUTTON, text: 'Register', clickable: true }], 'Register'),
    ).toBeUndefined();
  });

  // The hostile variants: a real sign-up form, a welcome page, a provider beside it — the same bare verb still asks.
  test.each<[string, Node[]]>([
    [
      'a password field',
      [
        { cls: 'android.widget.EditText', hint: 'Nome', clickable: true },
        { cls: 'android.widget.EditText', hint: 'Senha', password: true, clickable: true },
        { cls: BUTTON, text: 'Cadastrar', clickable: true },
      ],
    ],
    [
      'an e-mail field',
      [
        { cls: 'android.widget.EditText', hint: 'E-mail', clickable: true },
        { cls: BUTTON, text: 'Cadastrar', clickable: true },
      ],
    ],
    [
      'a sign-in button beside it',
      [
        { cls: BUTTON, text: 'Entrar', clickable: true },
        { cls: BUTTON, text: 'Cadastrar', clickable: true },
      ],
    ],
    [
      'a provider beside it',
      [
        { text: 'Welcome' },
        { cls: BUTTON, desc: 'Google', clickable: true },
        { cls: BUTTON, text: 'Cadastrar', clickable: true },
      ],
    ],
  ])('with %s, "Cadastrar" signs up', (_, nodes) => {
    expect(tap('com.example.app', nodes, 'Cadastrar')).toMatchObject({
      category: 'account_signin',
      grant: 'accept',
      exposing: true,
    });
  });

  test('a sign-up verb that names the account keeps its meaning on any screen', () => {
    expect(
      tap('com.example.app', [{ cls: BUTTON, text: 'Criar conta', clickable: true }], 'Criar conta'),
    ).toMatchObject({
      category: 'account_signin',
    });
  });
});

describe("an auth landing page's call to action", () => {
  test.each(['Get Started', 'Start Free →', 'Começar', 'Начать', '시작하기', 'はじめる', 'Commencer'])(
    '"%s" beside "Already have an account? Sign in" opens the sign-up (tentative)',
    (label) => {
      const nodes: Node[] = [
        { text: 'Find trusted contractors fast' },
        { cls: BUTTON, text: label, clickable: true },
        { cls: BUTTON, text: 'Already have an account? Sign in', clickable: true },
      ];
      expect(tap('com.example.app', nodes, label)).toMatchObject({
        category: 'account_signin',
        grant: 'accept',
        exposing: true,
        tentative: true,
      });
    },
  );

  test('"Continue with <a provider heed does not know>" beside other sign-ins is one more (tentative); alone, it only goes ahead', () => {
    const beside: Node[] = [
      { cls: BUTTON, text: 'Continue with Google', clickable: true },
      { cls: BUTTON, text: 'Continue with Acme', clickable: true },
    ];
    expect(tap('com.example.app', beside, 'Continue with Acme')).toMatchObject({
      category: 'account_signin',
      tentative: true,
    });
    const alone: Node[] = [{ text: 'Lesson 3' }, { cls: BUTTON, text: 'Continue with Acme', clickable: true }];
    expect(tap('com.example.app', alone, 'Continue with Acme')).toBeUndefined();
  });

  test('an article that mentions signing in makes no landing page: its "Get Started" is no consent point', () => {
    const nodes: Node[] = [
      { text: 'How to sign in to your account and sync your notes across devices' },
      { cls: BUTTON, text: 'Get Started', clickable: true },
    ];
    expect(tap('com.example.help', nodes, 'Get Started')).toBeUndefined();
  });

  test('"Get Started" on an onboarding carousel without a word of an account is no consent point', () => {
    const nodes: Node[] = [
      { text: 'Track your habits every day' },
      { text: 'Build streaks and see your progress' },
      { cls: BUTTON, text: 'Skip', clickable: true },
      { cls: BUTTON, text: 'Get Started', clickable: true },
    ];
    expect(tap('com.example.app', nodes, 'Get Started')).toBeUndefined();
  });
});
