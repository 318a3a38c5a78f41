// A button in a list row: the words on its line ("存储权限 … 去授权", "Phone RGB Camera · Connect") and what they name.
import { type UiElement, type UiTree, within } from '../../device/ui-tree.js';
import type { ScreenContext } from './context.js';
import { topicWords } from './permission.js';
import { SPECIAL } from './topics.js';

type Topic = NonNullable<ScreenContext['topic']>;

/** The words on a button's line: texts beside it (overlapping its height), not the containers around it. */
export function lineTexts(tree: UiTree, e: UiElement): string[] {
  return tree.elements
    .filter(
      (x) =>
        x !== e &&
        !x.clickable &&
        // The same app's words: the status bar's "… notification" icons are not the row's.
        (!x.package || !e.package || x.package === e.package) &&
        !!(x.text || x.contentDesc) &&
        // Its line, and half its height above and below (a row's title sits above its button's centre).
        x.bounds[1] < e.bounds[3] + (e.bounds[3] - e.bounds[1]) / 2 &&
        x.bounds[3] > e.bounds[1] - (e.bounds[3] - e.bounds[1]) / 2 &&
        !within(e, x),
    )
    .map((x) => x.text || x.contentDesc);
}

/** A button in a list row ("存储权限 … 去授权"): what the texts on its line name (a permission, mostly). */
export function rowTopic(tree: UiTree, e: UiElement): Topic | undefined {
  const text = [...lineTexts(tree, e), rowTitle(tree, e)].join(' ');
  if (SPECIAL.test(text)) return { category: 'special_access', why: 'its row names special app access' };
  const perm = topicWords(text);
  return perm ? { category: perm.category, why: `its row names ${perm.category}` } : undefined;
}

/**
 * The words of the row that holds the button (Flutter gives a list row its title as its own description and nests
 * the row's button in it: "使用情况访问权限 用于统计应用使用时长" › "申请"): the nearest ancestor with words, when it
 * is a row (a few times the button's height), not the screen.
 */
function rowTitle(tree: UiTree, e: UiElement): string {
  const height = e.bounds[3] - e.bounds[1];
  for (let up = e.parent; up !== undefined; up = tree.elements[up]!.parent) {
    const a = tree.elements[up]!;
    if (a.bounds[3] - a.bounds[1] > 3 * height) return '';
    const words = (a.text || a.contentDesc).trim();
    if (words) return words;
  }
  return '';
}
