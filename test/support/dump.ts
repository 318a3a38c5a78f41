// Builds UiAutomator page source for unit tests from a few lines per element: the screens AOSP draws (ids and strings
// from its layouts and values-*/strings.xml), without a device.
import { parseUiTree, type UiTree } from '../../src/device/ui-tree.js';

export interface Node {
  cls?: string;
  text?: string;
  id?: string;
  desc?: string;
  hint?: string;
  clickable?: boolean;
  checkable?: boolean;
  checked?: boolean;
  password?: boolean;
  focused?: boolean;
  enabled?: boolean;
  children?: Node[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** One screen: nodes stacked top to bottom, 160 px each, in a 1080×2400 window of `pkg`. */
export function dump(pkg: string, nodes: Node[]): UiTree {
  let y = 100;
  const render = (n: Node, depth: number): string => {
    const top = y;
    y += 160;
    const kids = (n.children ?? []).map((c) => render(c, depth + 1)).join('');
    const bottom = Math.max(y, top + 160);
    const cls = n.cls ?? (n.checkable ? 'android.widget.RadioButton' : 'android.widget.TextView');
    const attrs = [
      `class="${cls}"`,
      `package="${pkg}"`,
      `text="${esc(n.text ?? '')}"`,
      `resource-id="${n.id ?? ''}"`,
      `content-desc="${esc(n.desc ?? '')}"`,
      `hint="${esc(n.hint ?? '')}"`,
      `clickable="${n.clickable ?? !!n.checkable}"`,
      `checkable="${!!n.checkable}"`,
      `checked="${!!n.checked}"`,
      `password="${!!n.password}"`,
      `focused="${!!n.focused}"`,
      `enabled="${n.enabled ?? true}"`,
      `bounds="[0,${top}][1080,${bottom}]"`,
    ].join(' ');
    return `<${cls} ${attrs}>${kids}</${cls}>`;
  };
  const body = nodes.map((n) => render(n, 1)).join('');
  return parseUiTree(
    `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><android.widget.FrameLayout class="android.widget.FrameLayout" package="${pkg}" bounds="[0,0][1080,2400]">${body}</android.widget.FrameLayout></hierarchy>`,
  );
}

/** The element whose text (or label) is `text`. */
export function el(tree: UiTree, text: string) {
  const e = tree.elements.find((x) => x.text === text || x.label === text);
  if (!e) throw new Error(`no "${text}" on the screen: ${tree.elements.map((x) => x.label).join(' | ')}`);
  return e;
}

/**
 * An AlertDialog as Android draws it, in a window narrower than the screen: title, message, whatever else it holds
 * (`extra`: raw nodes such as a TimePicker or radio buttons), and its buttons in their platform slots
 * (`['button1', 'OK']` is android:id/button1).
 */
export function alertDialog(
  title: string,
  message: string,
  buttons: [string, string][],
  extra = '',
  pkg = 'com.example.app',
): UiTree {
  const b = buttons
    .map(
      ([id, text], i) =>
        `<node class="android.widget.Button" package="${pkg}" text="${esc(text)}" resource-id="android:id/${id}" clickable="true" bounds="[${100 + i * 300},1300][${380 + i * 300},1400]"/>`,
    )
    .join('');
  return parseUiTree(
    `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="${pkg}" bounds="[60,800][1020,1500]"><node class="android.widget.TextView" package="${pkg}" text="${esc(title)}" resource-id="android:id/alertTitle" bounds="[100,850][980,950]"/><node class="android.widget.TextView" package="${pkg}" text="${esc(message)}" resource-id="android:id/message" bounds="[100,960][980,1100]"/>${extra}${b}</node></hierarchy>`,
  );
}

/** An element placed where it stands on screen, for rules that read geometry (bars, grids, rows). */
export interface Placed {
  text?: string;
  desc?: string;
  cls?: string;
  id?: string;
  selected?: boolean;
  clickable?: boolean;
  focused?: boolean;
  at: [left: number, top: number, right: number, bottom: number];
  kids?: Placed[];
}

/** A 1080×2400 window of `pkg` holding `cells` at their bounds (clickable unless said otherwise). */
export function placed(pkg: string, cells: Placed[], cls = 'android.widget.TextView'): UiTree {
  const node = (c: Placed): string =>
    `<node class="${c.cls ?? cls}" package="${pkg}" text="${esc(c.text ?? '')}" content-desc="${esc(c.desc ?? '')}" ` +
    `resource-id="${c.id ?? ''}" clickable="${c.clickable ?? true}" focused="${!!c.focused}" selected="${!!c.selected}" ` +
    `bounds="[${c.at[0]},${c.at[1]}][${c.at[2]},${c.at[3]}]">${(c.kids ?? []).map(node).join('')}</node>`;
  return parseUiTree(
    `<?xml version="1.0"?><hierarchy rotation="0"><node class="android.widget.FrameLayout" package="${pkg}" ` +
      `bounds="[0,0][1080,2400]">${cells.map(node).join('')}</node></hierarchy>`,
  );
}

/** The element whose text or description is `label`. */
export function labelled(tree: UiTree, label: string) {
  const e = tree.elements.find((x) => x.text === label || x.contentDesc === label);
  if (!e) throw new Error(`no "${label}" on the screen`);
  return e;
}
