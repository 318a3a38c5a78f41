// Menus drawn as geometry: a bottom navigation bar with no TalkBack "Tab i of N" ("💰, Kasse" among "Board · Abende ·
// Log · Setup"), and a grid of service tiles ("充值交费" among a carrier's other services). A cell of either opens a
// page; what it names (a checkout, a top-up, a post) happens there, behind a screen of its own that the gate reads.
import { type UiElement, type UiTree, within } from '../../device/ui-tree.js';
import { MONEY } from './topics.js';

const size = (e: UiElement) => [e.bounds[2] - e.bounds[0], e.bounds[3] - e.bounds[1]] as const;
const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(3, 0.03 * Math.max(a, b));

/** The clickable cells of `e`'s own shape and kind: same class, same id, same size, none inside another. */
function peers(tree: UiTree, e: UiElement): UiElement[] {
  const [w, h] = size(e);
  return tree.elements.filter((x) => {
    const [xw, xh] = size(x);
    return x.clickable && x.class === e.class && x.resourceId === e.resourceId && near(xw, w) && near(xh, h);
  });
}

const screen = (tree: UiTree) => tree.elements[0]?.bounds ?? [0, 0, 0, 0];

/** Tabs by their class: the support library's action-bar tabs, Material's tab and navigation-bar items. */
const TAB_CLASS = /\$Tab$|TabView$|BottomNavigationItemView$|NavigationBarItemView$|NavigationRailItemView$/;

/**
 * A cell of a navigation bar or a tab strip: a tab by its class, or one of three to eight cells of one class on one
 * line across most of the screen's width, exactly one of them selected (the page shown). A cookie banner's or a
 * dialog's row of buttons selects none, so it is no bar.
 */
export function inBar(tree: UiTree, e: UiElement): boolean {
  const sw = screen(tree)[2];
  for (const x of cellsOf(tree, e)) {
    if (TAB_CLASS.test(x.class)) return true;
    const row = tree.elements.filter(
      (y) => y.clickable && y.class === x.class && near(y.bounds[1], x.bounds[1]) && near(y.bounds[3], x.bounds[3]),
    );
    if (row.length < 3 || row.length > 8) continue;
    const span = Math.max(...row.map((y) => y.bounds[2])) - Math.min(...row.map((y) => y.bounds[0]));
    const shown = row.filter((y) => y.selected || tree.elements.some((z) => z.selected && inside(z, y)));
    if (span >= 0.6 * sw && shown.length === 1) return true;
  }
  return false;
}

/** `e` and its clickable ancestors a few levels up: an icon inside its tile, a label inside its tab. */
function cellsOf(tree: UiTree, e: UiElement): UiElement[] {
  const out: UiElement[] = [];
  for (let x: UiElement | undefined = e, up = 0; x && up < 5; x = tree.elements[x.parent ?? -1], up++)
    if (x.clickable) out.push(x);
  return out;
}

const inside = (y: UiElement, x: UiElement) => y !== x && within(y, x);

/**
 * A tile of a grid of services: six or more cells of one shape in two rows or more and three columns or more, each a
 * few words at most. `e` or a clickable ancestor of it (an icon inside its tile) may be the cell.
 */
export function inTileGrid(tree: UiTree, e: UiElement): boolean {
  for (const x of cellsOf(tree, e)) {
    const cells = peers(tree, x);
    const names = cells.map((c) => texts(tree, c));
    // Unnamed cells (the icons inside the tiles) are read by the tile around them; a grid of one action repeated per
    // item ("Kaufen" under each pack of coins) acts on each item, where a menu's cells name different services.
    // A grid whose tiles carry prices sells what they name ("Gold · $4.99"): that is a choice of what to buy.
    if (cells.length < 6 || names.some((n) => !n || MONEY.test(n))) continue;
    const rows = new Set(cells.map((c) => c.bounds[1])).size;
    const cols = new Set(cells.map((c) => c.bounds[0])).size;
    if (rows >= 2 && cols >= 3 && new Set(names).size >= 0.8 * cells.length && names.every((n) => words(n) <= 5))
      return true;
  }
  return false;
}

/** A cell's words: the longest text or description it or a child shows (a label is often both). */
const texts = (tree: UiTree, c: UiElement) =>
  tree.elements
    .filter((y) => y === c || inside(y, c))
    .flatMap((y) => [y.text.trim(), y.contentDesc.trim()])
    .reduce((a, t) => (t.length > a.length ? t : a), '');

/** How many words a text holds (a CJK character counts as half a word). */
function words(t: string): number {
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
  return t.replace(cjk, ' ').split(/\s+/).filter(Boolean).length + (t.match(cjk) ?? []).length / 2;
}

/**
 * What a menu cell names that only happens on the page it opens: a purchase needs an amount and a way to pay. A
 * "发布" (post) tab or an "invite friends" tile opens the composer or the invitation that counts as the act itself,
 * so those stay consent points, as sign-in and log-out cells do.
 */
export const OPENS_PAGE = new Set(['payment_purchase']);
