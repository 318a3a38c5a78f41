// A button's words, in the languages real apps ship: issue #10's payment wordings, each concept in the corpus
// languages, and the rules that keep nouns and neighbours out (a launcher's "支付宝", "Close Friends", "My posts").
import { classify } from '../../src/consent/classify.js';
import { CONCEPTS, conceptOf } from '../../src/consent/classify/vocabulary.js';
import sourced from '../../src/consent/classify/vocabulary.json' with { type: 'json' };
import { dump, el, type Node } from '../support/dump.js';

/** A checkout screen: the total, then the button. */
function tap(label: Node, pkg = 'com.shop.app') {
  const tree = dump(pkg, [{ text: 'Your order' }, { text: 'Total' }, label]);
  const e = label.text ? el(tree, label.text) : tree.elements.find((x) => x.contentDesc === label.desc)!;
  return classify(tree, pkg, { kind: 'tap', element: e });
}

const PAYMENTS = [
  'Pay $12.99',
  'Pay now – $12.99',
  'Place order and pay',
  'Confirm and pay',
  'Subscribe for $4.99/month',
  'Start free trial',
  'Start your free trial',
  'Complete order',
  'Proceed to payment',
  'Pay with Google Pay',
  'Pay now!',
  'Pay\u00a0now',
  'Ｐａｙ　ｎｏｗ',
  'PAY NOW',
  'Buy now',
  'Buy this now',
  'Place order',
  'Purchase',
  'Jetzt kaufen',
  'Zahlungspflichtig bestellen',
  'Jetzt bezahlen',
  'Payer',
  'Passer la commande',
  'Acheter maintenant',
  'Pagar ahora',
  'Realizar pedido',
  'Comprar ahora',
  'Paga ora',
  'Acquista ora',
  'Оплатить',
  'Купить сейчас',
  'Оформить заказ',
  '購入する',
  '注文を確定する',
  '立即购买',
  '确认支付',
  '提交订单',
  '결제하기',
  '구매하기',
  'Nu kopen',
  'Bestellen en betalen',
];

describe('the vocabulary: what a button says it does', () => {
  test.each(PAYMENTS)('"%s" pays (irreversible)', (text) => {
    expect(tap({ text, clickable: true, cls: 'android.widget.Button' })).toMatchObject({
      category: 'payment_purchase',
      exposing: true,
      irreversible: true,
    });
  });

  test('an icon described "Place order and pay" pays; an id-only button is read by its id', () => {
    expect(tap({ desc: 'Place order and pay', clickable: true, cls: 'android.widget.ImageButton' })).toMatchObject({
      category: 'payment_purchase',
    });
    const tree = dump('com.shop.app', [
      { text: 'Total $12.99' },
      { id: 'com.shop.app:id/btn_pay_now', clickable: true, cls: 'android.widget.ImageButton' },
    ]);
    const e = tree.elements.find((x) => x.resourceId.endsWith('btn_pay_now'))!;
    expect(classify(tree, 'com.shop.app', { kind: 'tap', element: e })).toMatchObject({ category: 'payment_purchase' });
  });

  test.each([
    [
      'sign_in',
      [
        'Sign in',
        'Iniciar sesión',
        'Войти',
        '登录',
        'ログイン',
        '로그인',
        'Entrar',
        'Continue with Google',
        'Kakao 로그인',
      ],
    ],
    ['send', ['Send', 'Enviar', 'Отправить', '发送', '送信', '보내기', 'ส่ง']],
    ['share', ['Share', 'Compartir', 'Поделиться', '分享', '共有', '공유', 'แชร์']],
    ['delete', ['Delete', 'Eliminar', 'Удалить', '删除', '削除', '삭제', 'ลบ']],
    ['sign_out', ['Log out', 'Sign out', 'Cerrar sesión', 'Выйти', '退出登录', 'ログアウト', '로그아웃']],
    ['invite', ['Invite', 'Invitar', 'Пригласить', '邀请', '招待', '초대']],
    ['cancel', ['Cancel', 'Cancelar', 'Отмена', '取消', 'キャンセル', '취소', 'ยกเลิก']],
  ])('%s in the corpus languages', (concept, labels) => {
    for (const l of labels) expect([l, conceptOf(l)?.concept]).toEqual([l, concept]);
  });

  test('normalised text: case, width, NBSP, diacritics, punctuation and words around the verb', () => {
    for (const l of ['SIGN IN', 'Ｓｉｇｎ ｉｎ', 'Sign\u00a0in', 'sign-in!', 'INICIAR SESION', 'Sign in with email'])
      expect([l, conceptOf(l)?.concept]).toEqual([l, 'sign_in']);
  });

  test('nouns and neighbours are not actions', () => {
    // A long sentence must start with the verb; possessive labels are places; a one-word protective phrase is the
    // whole label; a launcher's icons are app names.
    for (const l of [
      'Payment history',
      'Money Transfer',
      'My posts',
      '我的发布',
      'Close Friends',
      'How to delete your account',
    ])
      expect([l, conceptOf(l)?.concept]).toEqual([l, undefined]);
    const home = dump('com.miui.home', [
      { text: '支付宝', clickable: true, cls: 'com.miui.home.launcher.ShortcutIcon' },
    ]);
    expect(classify(home, 'com.miui.home', { kind: 'tap', element: el(home, '支付宝') })).toBeUndefined();
  });

  test('the sourced table names its repositories and commits', () => {
    expect(sourced.sources.map((s) => s.repo)).toEqual(
      expect.arrayContaining(['element-hq/element-android', 'firebase/FirebaseUI-Android', 'Adyen/adyen-android']),
    );
    for (const s of sourced.sources) expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(new Set(sourced.phrases.flatMap((p) => p.locales.split(' '))).size).toBeGreaterThan(40);
  });
});

describe('words two concepts share', () => {
  test('a language\'s plain OK that also translates "Verify" is a confirmation (확인, 確認, Bestätigen)', () => {
    for (const w of ['확인', '確認', 'Bestätigen', 'Conferma'])
      expect(CONCEPTS[conceptOf(w)!.concept]!.role).toBe('confirm');
    expect(conceptOf('Verify')?.concept).toBe('verify');
  });
  test('a word one source calls a refusal and another an action is the action (Georgian გაუქმება)', () => {
    expect(CONCEPTS[conceptOf('გაუქმება')!.concept]!.role).toBe('direct');
    // The X that closes stays a close: the provider X signs in only with its words ("Continue with X").
    expect(conceptOf('X')?.concept).toBe('close');
  });
});
