// Menus drawn as geometry (src/consent/classify/menus.ts): a bottom bar's "Kasse" (checkout) tab and a carrier's grid
// of service tiles ("充值交费", top up) open pages; the purchase happens there. Each beside the look-alike that still
// pays: a grid of "Buy" under each pack, tiles that carry prices, a bar's row of buttons that selects nothing, a
// tab named by a sign-in or a post.
import { consentPoints } from '../../src/consent/classify.js';
import type { UiTree } from '../../src/device/ui-tree.js';
import { labelled, placed, type Placed } from '../support/dump.js';

const PKG = 'com.example.shop';
type Cell = Placed;
const screen = (cells: Cell[]) => placed(PKG, cells, 'android.view.View');
const pointOn = (tree: UiTree, label: string) => consentPoints(tree, PKG).get(labelled(tree, label).index);

/** Five cells along the bottom edge, the first selected. */
const bar = (labels: string[], selected = 0, cls?: string): Cell[] =>
  labels.map((desc, i) => ({ desc, cls, selected: i === selected, at: [i * 216, 2260, (i + 1) * 216, 2400] }));

describe('a bottom bar opens pages', () => {
  test('"💰, Kasse" among Board · Abende · Log · Setup, one selected, is no payment', () => {
    const tree = screen(bar(['📊, Board', '🎲, Abende', '💰, Kasse', '📋, Log', '⚙️, Setup']));
    expect(pointOn(tree, '💰, Kasse')).toBeUndefined();
  });
  test('a Material navigation item named "Pay" is a tab by its class, wherever it stands', () => {
    const cells = bar(
      ['Home', 'Pay', 'Profile'],
      0,
      'com.google.android.material.bottomnavigation.BottomNavigationItemView',
    );
    const tree = screen(cells.map((c) => ({ ...c, at: [c.at[0], 300, c.at[2], 440] as Cell['at'], selected: false })));
    expect(pointOn(tree, 'Pay')).toBeUndefined();
  });
  test('the same row with nothing selected is a row of buttons: "Checkout" still pays', () => {
    const tree = screen(bar(['Board', 'Abende', 'Checkout', 'Log', 'Setup'], -1));
    expect(pointOn(tree, 'Checkout')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });
  test("a cookie banner's three buttons across the bottom are no bar", () => {
    const tree = screen(bar(['Reject all', 'Settings', 'Accept all'], -1));
    expect(pointOn(tree, 'Accept all')).toMatchObject({ exposing: true });
  });
  test('a bar\'s "Log out" or "Post" cell still counts: they act, or open what counts as the act', () => {
    const tree = screen(bar(['Home', 'Post', 'Inbox', 'Log out']));
    expect(pointOn(tree, 'Log out')).toMatchObject({ category: 'destructive', exposing: true });
    expect(pointOn(tree, 'Post')).toMatchObject({ category: 'data_sharing_publish', exposing: true });
  });
});

/** Cells on a grid of `cols` columns, 200 px square, from y = 900. */
const grid = (labels: string[], cols = 4): Cell[] =>
  labels.map((text, i) => {
    const [c, r] = [i % cols, Math.floor(i / cols)];
    return { text, id: `${PKG}:id/tile`, at: [40 + c * 250, 900 + r * 250, 240 + c * 250, 1100 + r * 250] };
  });

describe('a grid of service tiles opens pages', () => {
  const services = ['查询', '充值交费', '流量语音', '号卡套餐', '宽带家庭', '电子发票', '交费记录', '购买充值卡'];
  test('"充值交费" and "购买充值卡" among a carrier\'s services are no payment', () => {
    const tree = screen(grid(services));
    expect(pointOn(tree, '充值交费')).toBeUndefined();
    expect(pointOn(tree, '购买充值卡')).toBeUndefined();
  });
  test('one action repeated under every item ("Kaufen" × 8) buys each item', () => {
    const tree = screen(grid(Array(8).fill('Kaufen')));
    expect(pointOn(tree, 'Kaufen')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });
  test('tiles that carry prices are a choice of what to buy', () => {
    const tree = screen(
      grid(['Gold $4.99', 'Silver $2.99', 'Bronze $0.99', 'Top up $9.99', 'Pack $1.99', 'Box $3.99']),
    );
    expect(pointOn(tree, 'Top up $9.99')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });
  test('a single row of three tiles is no grid: "Top up" still pays', () => {
    const tree = screen(grid(['Balance', 'Top up', 'History'], 3));
    expect(pointOn(tree, 'Top up')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });
});
