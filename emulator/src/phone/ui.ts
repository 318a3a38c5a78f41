// The one description of what is on screen. Layout produces it; the page source, the screenshot, hit testing and
// element lookup all read it, so pixels and XML can never disagree.

export type Bounds = [left: number, top: number, right: number, bottom: number];

export type Role =
  | 'root'
  | 'container'
  | 'toolbar'
  | 'title'
  | 'up'
  | 'list'
  | 'heading'
  | 'text'
  | 'summary'
  | 'button'
  | 'textbutton'
  | 'row'
  | 'switch'
  | 'checkbox'
  | 'radio'
  | 'input'
  | 'image'
  | 'icon'
  | 'divider'
  | 'dialog'
  | 'sheet'
  | 'perm_icon';

export interface UiNode {
  cls: string;
  pkg: string;
  text: string;
  resourceId: string;
  desc: string;
  hint: string;
  checkable: boolean;
  checked: boolean;
  clickable: boolean;
  enabled: boolean;
  focusable: boolean;
  focused: boolean;
  scrollable: boolean;
  longClickable: boolean;
  password: boolean;
  selected: boolean;
  bounds: Bounds;
  /** Unclipped bounds for drawing, when a scrolling list cut `bounds` to its viewport. */
  draw?: Bounds;
  role: Role;
  children: UiNode[];
  /** Stable identity of an interactive element across renders (focus, element ids). */
  key?: string;
  color?: string;
  onTap?: () => void;
  onLongTap?: () => void;
  /** Present on text fields: how to read and write their value. */
  field?: { get(): string; set(v: string): void; submit(): void };
}

export interface Window {
  pkg: string;
  activity: string;
  kind: 'activity' | 'dialog' | 'sheet' | 'permission' | 'launcher';
  root: UiNode;
  /** The scrollable list of this window, if its content can move. */
  scroll?: { node: UiNode; offset: number; max: number; set(offset: number): void };
}

export function node(partial: Partial<UiNode> & Pick<UiNode, 'cls' | 'pkg' | 'bounds' | 'role'>): UiNode {
  return {
    text: '',
    resourceId: '',
    desc: '',
    hint: '',
    checkable: false,
    checked: false,
    clickable: false,
    enabled: true,
    focusable: false,
    focused: false,
    scrollable: false,
    longClickable: false,
    password: false,
    selected: false,
    children: [],
    ...partial,
  };
}

/** Depth-first, document order. */
export function* walk(n: UiNode): Generator<UiNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

export function contains(b: Bounds, x: number, y: number): boolean {
  return x >= b[0] && x < b[2] && y >= b[1] && y < b[3];
}

/** The element a finger at (x, y) lands on: the deepest enabled clickable or checkable node that contains the point. */
export function hit(root: UiNode, x: number, y: number): UiNode | undefined {
  let found: UiNode | undefined;
  const visit = (n: UiNode) => {
    if (!contains(n.bounds, x, y)) return;
    if ((n.clickable || n.checkable || n.field) && n.enabled) found = n;
    for (const c of n.children) visit(c);
  };
  visit(root);
  return found;
}
