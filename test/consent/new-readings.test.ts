// Attacks on the readings that remove consent points (menus.ts, readings.ts opensForm, accounts.ts, vocabulary.ts):
// screens that look like a menu, an empty feed or a record list while their button grants. Each failed before its
// fix; the ones marked "guard" held already and stay as guards.
import { consentPoints } from '../../src/consent/classify.js';
import { conceptsIn } from '../../src/consent/classify/vocabulary.js';
import type { UiTree } from '../../src/device/ui-tree.js';
import { alertDialog, labelled, placed, type Placed } from '../support/dump.js';

const PKG = 'com.example.shop';
type Cell = Placed;
const screen = (cells: Cell[]) => placed(PKG, cells);
const pointOn = (tree: UiTree, label: string) => consentPoints(tree, PKG).get(labelled(tree, label).index);
const text = (t: string, at: Cell['at']): Cell => ({ text: t, clickable: false, at });
const pays = { category: 'payment_purchase', exposing: true };

describe('rows that hold one selected thing are no tab bar when their cells differ', () => {
  test("a product's action bar with its favourite selected: 立即购买 (buy now) still pays", () => {
    const tree = screen([
      text('¥199.00', [0, 400, 1080, 500]),
      { text: '店铺', at: [0, 2260, 150, 2400] },
      { text: '客服', at: [150, 2260, 300, 2400] },
      { text: '收藏', selected: true, at: [300, 2260, 450, 2400] },
      { text: '加入购物车', at: [450, 2260, 760, 2400] },
      { text: '立即购买', at: [760, 2260, 1080, 2400] },
    ]);
    expect(pointOn(tree, '立即购买')).toMatchObject(pays);
  });
  test('a cart\'s bar, "Select all" selected beside the total: "Checkout" still pays', () => {
    const tree = screen([
      { text: 'Select all', selected: true, at: [0, 2260, 250, 2400] },
      { text: 'Total', at: [250, 2260, 700, 2400] },
      { text: 'Checkout', at: [700, 2260, 1080, 2400] },
    ]);
    expect(pointOn(tree, 'Checkout')).toMatchObject(pays);
  });
  test('a WebView checkout: shipping "Standard" selected, "Place order" on its line still pays', () => {
    const B = 'android.widget.Button';
    const tree = screen([
      {
        cls: 'android.webkit.WebView',
        clickable: false,
        at: [0, 0, 1080, 2400],
        kids: [
          { cls: B, text: 'Standard', selected: true, at: [0, 2200, 300, 2350] },
          { cls: B, text: 'Express', at: [300, 2200, 600, 2350] },
          { cls: B, text: 'Place order', at: [600, 2200, 1080, 2350] },
        ],
      },
    ]);
    expect(pointOn(tree, 'Place order')).toMatchObject(pays);
  });
  test('a paywall\'s plan chips, "Monthly" selected: "Buy now" on their line still pays', () => {
    const tree = screen([
      text('Unlock Premium', [0, 300, 1080, 400]),
      { text: 'Monthly', selected: true, at: [0, 2200, 300, 2350] },
      { text: 'Yearly', at: [300, 2200, 600, 2350] },
      { text: 'Buy now', at: [600, 2200, 1080, 2350] },
    ]);
    expect(pointOn(tree, 'Buy now')).toMatchObject(pays);
  });
  test('"Subscribe" inside the selected one of three plan cards is a button, not the card', () => {
    const card = (x: number, plan: string, selected: boolean): Cell => ({
      cls: 'android.view.View',
      selected,
      at: [x, 800, x + 340, 1400],
      kids: [
        text(plan, [x, 800, x + 340, 900]),
        { cls: 'android.widget.Button', text: 'Subscribe', at: [x, 1200, x + 340, 1350] },
      ],
    });
    const tree = screen([card(20, 'Monthly', false), card(370, 'Yearly', true), card(720, 'Lifetime', false)]);
    const subscribe = tree.elements.filter((x) => x.text === 'Subscribe');
    for (const e of subscribe) expect(consentPoints(tree, PKG).get(e.index)).toMatchObject(pays);
  });
  test('guard: five cells of one width with one selected are still a bar ("💰, Kasse" opens a page)', () => {
    const labels = ['📊, Board', '🎲, Abende', '💰, Kasse', '📋, Log', '⚙️, Setup'];
    const tree = screen(
      labels.map((desc, i) => ({ desc, selected: i === 0, at: [i * 216, 2260, (i + 1) * 216, 2400] })),
    );
    expect(pointOn(tree, '💰, Kasse')).toBeUndefined();
  });
});

/** Six tiles, three columns, two rows. */
const tiles = (labels: string[]): Cell[] =>
  labels.map((t, i) => ({
    text: t,
    id: `${PKG}:id/tile`,
    at: [40 + (i % 3) * 340, 1500 + Math.floor(i / 3) * 200, 340 + (i % 3) * 340, 1680 + Math.floor(i / 3) * 200],
  }));

describe('a grid of tiles beside a price is where the purchase happens', () => {
  test('a payment sheet\'s ways to pay under "Total $45.00": "Pay now" pays', () => {
    const tree = screen([
      text('Total $45.00', [0, 1300, 1080, 1400]),
      ...tiles(['Pay now', 'Apple Pay', 'Google Pay', 'Card', 'PayPal', 'Cancel']),
    ]);
    expect(pointOn(tree, 'Pay now')).toMatchObject(pays);
  });
  test('guard: a cookie banner drawn as a grid still accepts tracking', () => {
    const tree = screen([
      text('We use cookies to personalise ads', [0, 1200, 1080, 1400]),
      ...tiles(['Accept all', 'Reject all', 'Customize', 'Necessary only', 'Privacy policy', 'Accept selected']),
    ]);
    expect(pointOn(tree, 'Accept all')).toMatchObject({ category: 'tracking_ads_cookies', exposing: true });
  });
});

describe("a composer's field is not always an EditText", () => {
  test.each([
    ['android.widget.MultiAutoCompleteTextView', 'Reply'],
    ['android.widget.AutoCompleteTextView', 'Comment'],
  ])('a %s holding "Great post!" beside "%s" posts it', (cls, button) => {
    const tree = screen([
      text('Alice: nice photo', [0, 300, 1080, 400]),
      { cls, text: 'Great post!', focused: true, at: [0, 2000, 800, 2150] },
      { cls: 'android.widget.Button', text: button, at: [800, 2000, 1080, 2150] },
    ]);
    expect(pointOn(tree, button)).toMatchObject({ category: 'data_sharing_publish', exposing: true });
  });
});

describe('a bare sign-up verb beside a field that holds an identity signs up', () => {
  const E = 'android.widget.EditText';
  test.each(['jane@example.com', '+1 555 010 0199'])('a field holding "%s" and "Register"', (typed) => {
    const tree = screen([
      { cls: E, text: 'Jane Doe', at: [0, 300, 1080, 400] },
      { cls: E, text: typed, at: [0, 460, 1080, 560] },
      { cls: 'android.widget.Button', text: 'Register', at: [0, 900, 1080, 1050] },
    ]);
    expect(pointOn(tree, 'Register')).toMatchObject({ category: 'account_signin', exposing: true });
  });
  test('guard: a record form of client, title and price still only records ("Cadastrar" beside "150,00")', () => {
    const tree = screen([
      { cls: E, text: 'Troca de tela', at: [0, 300, 1080, 400] },
      { cls: E, text: '150,00', at: [0, 460, 1080, 560] },
      { cls: 'android.widget.Button', text: 'Cadastrar', at: [0, 900, 1080, 1050] },
    ]);
    expect(pointOn(tree, 'Cadastrar')).toBeUndefined();
  });
});

describe('a phrase inside a longer one hides only that occurrence', () => {
  test('"当前为游客登录，是否立即登录？" names signing in: 登录 stands again outside 游客登录', () => {
    expect(conceptsIn('当前为游客登录，是否立即登录？').has('sign_in')).toBe(true);
    const tree = alertDialog('提示', '当前为游客登录，是否立即登录？', [
      ['button2', '取消'],
      ['button1', '确定'],
    ]);
    const ok = tree.elements.find((x) => x.text === '确定')!;
    expect(consentPoints(tree, 'com.example.app').get(ok.index)).toMatchObject({ category: 'account_signin' });
  });
  test('guard: "游客登录" alone is the guest way, no sign-in', () => {
    expect(conceptsIn('游客登录').has('sign_in')).toBe(false);
  });
});

describe('guards: a word that is both OK and Verify confirms what the message names', () => {
  test.each([
    ['결제', '9,900원을 결제하시겠습니까?', '취소', '확인'],
    ['購入', 'この商品を購入しますか？', 'キャンセル', '確認'],
    ['Оплата', 'Оплатить заказ на 500 ₽?', 'Отмена', 'Подтвердить'],
  ])('%s: "%s" [%s] [%s] pays', (title, message, no, yes) => {
    const tree = alertDialog(title, message, [
      ['button2', no],
      ['button1', yes],
    ]);
    const e = tree.elements.find((x) => x.text === yes)!;
    expect(consentPoints(tree, 'com.example.app').get(e.index)).toMatchObject(pays);
  });
});

describe('a bare "Clear" under a message that warns what is lost erases', () => {
  test.each(['Clear', 'OK'])(
    '"Your photos and notes will be gone." [Cancel] [%s] is destructive, not photos access',
    (yes) => {
      const tree = alertDialog('Clear?', 'Your photos and notes will be gone.', [
        ['button2', 'Cancel'],
        ['button1', yes],
      ]);
      const e = tree.elements.find((x) => x.text === yes)!;
      expect(consentPoints(tree, 'com.example.app').get(e.index)).toMatchObject({
        category: 'destructive',
        exposing: true,
      });
    },
  );
});

describe('a composer that shows its draft as text is no feed (red team RT-9, words app w074)', () => {
  test.each([
    ['New post', 'Sunrise at the lake (draft)', 'Comment'],
    ['Compose', 'Sunrise at the lake', 'Reply'],
    ['Nueva publicación', 'Amanecer en el lago (borrador)', 'Comentar'],
    ['写帖子', '湖边日出（草稿）', '评论'],
  ])('"%s · %s · %s" posts the draft', (title, draft, button) => {
    const tree = screen([
      text(title, [0, 200, 1080, 300]),
      text(draft, [0, 400, 1080, 500]),
      { cls: 'android.widget.Button', id: `${PKG}:id/primary_button`, text: button, at: [0, 900, 1080, 1050] },
    ]);
    expect(pointOn(tree, button)).toMatchObject({ category: 'data_sharing_publish', exposing: true });
  });
});

test('guard: a "Drafts" tab to tap shows no draft; a feed\'s "Comment" beside it still opens the composer', () => {
  const tree = screen([
    { text: 'Drafts', at: [0, 100, 540, 200] },
    { text: 'Feed', selected: true, at: [540, 100, 1080, 200] },
    text('City council approves new bike lanes', [0, 400, 1080, 500]),
    { text: 'Comment', at: [0, 600, 1080, 700] },
  ]);
  expect(pointOn(tree, 'Comment')).toBeUndefined();
});
