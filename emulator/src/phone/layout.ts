// Turns a screen of app data into a laid-out UiNode tree: toolbar, a scrolling list of elements, dialogs and sheets.
import type { ElementSpec, Op, ScreenSpec } from '../model/schema.js';
import { fill, test, type Scope, type ScopeReader } from './context.js';
import { FONT, type Metrics } from './metrics.js';
import { node, type Bounds, type UiNode, type Window } from './ui.js';

export interface LayoutHost {
  readonly m: Metrics;
  readonly reader: ScopeReader;
  items(source: string, scope: Scope): Record<string, unknown>[];
  run(ops: Op[], scope: Scope): void;
  getState(pkg: string, key: string): unknown;
  setState(pkg: string, key: string, value: unknown): void;
  focus(key: string | undefined): void;
  readonly focusedKey: string | undefined;
  readonly keyboardShown: boolean;
}

export interface ScreenRef {
  pkg: string;
  screenId: string;
  spec: ScreenSpec;
  params: Record<string, string>;
  scroll: number;
  /** Distinguishes two instances of the same screen on the stack. */
  depth: number;
}

interface Placed {
  spec: ElementSpec;
  scope: Scope;
  key: string;
}

/** Element heights in dp. */
function heightDp(el: ElementSpec, lines: number): number {
  switch (el.type) {
    case 'heading':
      return 64;
    case 'text':
      return 16 + lines * 24;
    case 'button':
      return 64;
    case 'textbutton':
      return 56;
    case 'switch':
    case 'checkbox':
    case 'radio':
    case 'item':
      return el.summary ? 80 : 64;
    case 'input':
      return 76;
    case 'image':
      return 220;
    case 'divider':
      return 17;
    case 'icon':
      return 112;
  }
}

export function layoutScreen(host: LayoutHost, ref: ScreenRef, kind: 'activity' | 'dialog' | 'sheet'): Window {
  const { m } = host;
  const scope: Scope = { pkg: ref.pkg, params: ref.params };
  const pkg = ref.pkg;
  const placed = expand(host, ref, scope);
  const W = m.width;
  const rootBounds: Bounds = [0, 0, W, m.height];
  let area: Bounds;
  let listTop: number;
  const chrome: UiNode[] = [];

  if (kind === 'activity') {
    area = [0, m.statusBar, W, host.keyboardShown ? m.keyboardTop : m.height - m.navBar];
    listTop = area[1];
    if (ref.spec.title !== undefined) {
      const tb: Bounds = [0, area[1], W, area[1] + m.dp(64)];
      const toolbar = node({
        cls: 'android.view.ViewGroup',
        pkg,
        bounds: tb,
        role: 'toolbar',
        resourceId: `${pkg}:id/toolbar`,
      });
      let left = m.dp(16);
      if (ref.spec.up) {
        const up = node({
          cls: 'android.widget.ImageButton',
          pkg,
          role: 'up',
          desc: 'Navigate up',
          clickable: true,
          focusable: true,
          bounds: [0, tb[1], m.dp(56), tb[3]],
          key: `${ref.depth}:up`,
          onTap: () => host.run([{ back: true }], scope),
        });
        toolbar.children.push(up);
        left = m.dp(72);
      }
      toolbar.children.push(
        node({
          cls: 'android.widget.TextView',
          pkg,
          role: 'title',
          text: fill(ref.spec.title, scope, host.reader),
          bounds: [left, tb[1] + m.dp(14), W - m.dp(16), tb[3] - m.dp(14)],
        }),
      );
      chrome.push(toolbar);
      listTop = tb[3];
    }
  } else {
    const heights = placed.map((p) => m.dp(heightDp(p.spec, lines(host, p).length)));
    const titleH = ref.spec.title !== undefined ? m.dp(64) : 0;
    const buttonsH = placed.some((p) => p.spec.type === 'textbutton') ? m.dp(56) : 0;
    const bodyH = placed.reduce((s, p, i) => s + (p.spec.type === 'textbutton' ? 0 : heights[i]!), 0);
    const h = titleH + bodyH + buttonsH + m.dp(32);
    if (kind === 'dialog') {
      const top = Math.round((m.height - h) / 2);
      area = [m.dp(24), top, W - m.dp(24), top + h];
    } else {
      const bottom = m.height - m.navBar;
      area = [0, bottom - h, W, bottom];
    }
    listTop = area[1] + m.dp(16);
    if (titleH) {
      chrome.push(
        node({
          cls: 'android.widget.TextView',
          pkg,
          role: 'title',
          resourceId: 'android:id/alertTitle',
          text: fill(ref.spec.title!, scope, host.reader),
          bounds: [area[0] + m.dp(24), listTop, area[2] - m.dp(24), listTop + m.dp(48)],
        }),
      );
      listTop += titleH;
    }
  }

  const listBottom = kind === 'activity' ? area[3] : area[3] - m.dp(16);
  const list = node({
    cls: kind === 'activity' ? 'androidx.recyclerview.widget.RecyclerView' : 'android.widget.LinearLayout',
    pkg,
    role: 'list',
    resourceId: kind === 'activity' ? `${pkg}:id/list` : '',
    bounds: [area[0], listTop, area[2], listBottom],
  });
  const contentH = place(host, placed, list, kind);
  const viewport = listBottom - listTop;
  const max = Math.max(0, contentH - viewport);
  const offset = Math.min(ref.scroll, max);
  if (offset !== 0 || max > 0) shiftAndClip(list, -offset, [area[0], listTop, area[2], listBottom]);
  list.scrollable = max > 0;

  const surface = node({
    cls: 'android.widget.FrameLayout',
    pkg,
    role: kind === 'activity' ? 'container' : kind,
    bounds: area,
    resourceId: 'android:id/content',
    children: [...chrome, list],
  });
  const root = node({
    cls: 'android.widget.FrameLayout',
    pkg,
    role: 'root',
    bounds: kind === 'activity' ? rootBounds : area,
    children: [surface],
  });
  return {
    pkg,
    activity: ref.spec.activity,
    kind,
    root,
    scroll:
      max > 0
        ? { node: list, offset, max, set: (v) => (ref.scroll = Math.max(0, Math.min(max, Math.round(v)))) }
        : undefined,
  };
}

function expand(host: LayoutHost, ref: ScreenRef, scope: Scope): Placed[] {
  const out: Placed[] = [];
  ref.spec.elements.forEach((spec, i) => {
    const scopes: Scope[] = spec.each ? host.items(spec.each, scope).map((item) => ({ ...scope, item })) : [scope];
    scopes.forEach((s, j) => {
      if (spec.visible && !test(spec.visible, s, host.reader)) return;
      out.push({ spec, scope: s, key: `${ref.depth}:${ref.screenId}:${i}${spec.each ? `.${j}` : ''}` });
    });
  });
  return out;
}

function lines(host: LayoutHost, p: Placed): string[] {
  if (p.spec.type !== 'text') return [];
  const { m } = host;
  return m.wrap(fill(p.spec.text ?? '', p.scope, host.reader), m.dp(FONT.body), m.width - m.dp(64));
}

/** Lay the elements out top to bottom inside `list`; returns the content height. */
function place(host: LayoutHost, placed: Placed[], list: UiNode, kind: string): number {
  const { m } = host;
  const [left, top, right] = list.bounds;
  const inset = kind === 'dialog' ? m.dp(24) : m.dp(16);
  let y = top;
  let iconCol = 0;
  const buttonRow: Placed[] = [];
  for (const p of placed) {
    if (p.spec.type === 'textbutton' && kind !== 'activity') {
      buttonRow.push(p);
      continue;
    }
    if (p.spec.type === 'icon') {
      const cellW = Math.floor((right - left) / 4);
      const h = m.dp(112);
      const b: Bounds = [left + iconCol * cellW, y, left + (iconCol + 1) * cellW, y + h];
      list.children.push(element(host, p, b));
      iconCol = (iconCol + 1) % 4;
      if (iconCol === 0) y += h;
      continue;
    }
    if (iconCol !== 0) {
      y += m.dp(112);
      iconCol = 0;
    }
    const h = m.dp(heightDp(p.spec, lines(host, p).length));
    list.children.push(element(host, p, [left + inset, y, right - inset, y + h]));
    y += h;
  }
  if (iconCol !== 0) y += m.dp(112);
  if (buttonRow.length) {
    // Dialog buttons sit in one row, right-aligned, as AlertDialog lays them out.
    let x = right - inset;
    const bottom = list.bounds[3];
    for (const p of [...buttonRow].reverse()) {
      const text = fill(p.spec.text ?? '', p.scope, host.reader);
      const w = Math.round(text.length * m.charWidth(m.dp(FONT.button))) + m.dp(24);
      list.children.unshift(element(host, p, [x - w, bottom - m.dp(48), x, bottom]));
      x -= w + m.dp(8);
    }
    y += m.dp(56);
  }
  return y - top;
}

function element(host: LayoutHost, p: Placed, b: Bounds): UiNode {
  const { m, reader } = host;
  const { spec, scope } = p;
  const pkg = scope.pkg;
  const text = fill(spec.text ?? '', scope, reader);
  const rid = spec.id ? `${pkg}:id/${spec.id}` : '';
  const desc = spec.desc ? fill(spec.desc, scope, reader) : '';
  const enabled = spec.enabled ? test(spec.enabled, scope, reader) : true;
  const tap = spec.onTap ? () => host.run(spec.onTap!, scope) : undefined;
  const longTap = spec.onLongTap ? () => host.run(spec.onLongTap!, scope) : undefined;
  const color = spec.color ? fill(spec.color, scope, reader) : undefined;
  const base = { pkg, bounds: b, enabled, key: p.key, color, longClickable: !!longTap, onLongTap: longTap };
  const bound = spec.bind ? host.getState(pkg, spec.bind) : undefined;
  const checked = spec.checked ? test(spec.checked, scope, reader) : Boolean(bound) && bound !== 'false';
  const toggle = () => {
    if (spec.bind) host.setState(pkg, spec.bind, !checked);
    if (spec.onTap) host.run(spec.onTap, scope);
  };
  const titleBox = (extraRight: number): UiNode[] => {
    const mid = spec.summary ? b[1] + m.dp(14) : b[1] + m.dp(20);
    const kids = [
      node({
        cls: 'android.widget.TextView',
        pkg,
        role: 'text',
        text,
        resourceId: 'android:id/title',
        bounds: [b[0] + m.dp(16), mid, b[2] - extraRight, mid + m.dp(24)],
      }),
    ];
    if (spec.summary) {
      kids.push(
        node({
          cls: 'android.widget.TextView',
          pkg,
          role: 'summary',
          text: fill(spec.summary, scope, reader),
          resourceId: 'android:id/summary',
          bounds: [b[0] + m.dp(16), mid + m.dp(28), b[2] - extraRight, mid + m.dp(50)],
        }),
      );
    }
    return kids;
  };
  const inner: Bounds = [b[0], b[1] + m.dp(8), b[2], b[3] - m.dp(8)];
  const actionable = { ...base, resourceId: rid, desc, clickable: true, focusable: true };
  switch (spec.type) {
    case 'heading':
      return node({ ...base, cls: 'android.widget.TextView', role: 'heading', text, resourceId: rid, desc });
    case 'text':
      return node({
        ...base,
        cls: 'android.widget.TextView',
        role: 'text',
        text,
        resourceId: rid,
        desc,
        clickable: !!tap,
        onTap: tap,
      });
    case 'button':
      return node({
        ...actionable,
        bounds: inner,
        cls: 'android.widget.Button',
        role: 'button',
        text,
        onTap: tap,
      });
    case 'textbutton':
      return node({
        ...actionable,
        cls: 'android.widget.Button',
        role: 'textbutton',
        text,
        onTap: tap,
      });
    case 'switch': {
      const sw = node({
        cls: 'android.widget.Switch',
        pkg,
        role: 'switch',
        checkable: true,
        checked,
        enabled,
        focusable: true,
        resourceId: 'android:id/switch_widget',
        bounds: [
          b[2] - m.dp(68),
          b[1] + (b[3] - b[1]) / 2 - m.dp(16),
          b[2] - m.dp(16),
          b[1] + (b[3] - b[1]) / 2 + m.dp(16),
        ],
      });
      sw.bounds = sw.bounds.map(Math.round) as Bounds;
      return node({
        ...actionable,
        cls: 'android.widget.LinearLayout',
        role: 'row',
        onTap: toggle,
        children: [...titleBox(m.dp(84)), sw],
      });
    }
    case 'checkbox':
      return node({
        ...actionable,
        cls: 'android.widget.CheckBox',
        role: 'checkbox',
        text,
        checkable: true,
        checked,
        onTap: toggle,
      });
    case 'radio':
      return node({
        ...actionable,
        cls: 'android.widget.RadioButton',
        role: 'radio',
        text,
        checkable: true,
        checked,
        onTap: tap,
      });
    case 'item':
      return node({
        ...actionable,
        cls: 'android.widget.LinearLayout',
        role: 'row',
        onTap: tap,
        children: titleBox(m.dp(16)),
      });
    case 'input': {
      const key = spec.bind ?? `__input_${p.key}`;
      const value = String(host.getState(pkg, key) ?? '');
      const focused = host.focusedKey === p.key;
      const shown = spec.password ? '•'.repeat(value.length) : value;
      return node({
        ...base,
        bounds: inner,
        cls: 'android.widget.EditText',
        role: 'input',
        resourceId: rid,
        desc,
        text: value ? shown : (spec.hint ?? ''),
        hint: spec.hint ?? '',
        password: !!spec.password,
        clickable: true,
        focusable: true,
        focused,
        onTap: () => host.focus(p.key),
        field: {
          get: () => String(host.getState(pkg, key) ?? ''),
          set: (v) => host.setState(pkg, key, v),
          submit: () => spec.onSubmit && host.run(spec.onSubmit, scope),
        },
      });
    }
    case 'image':
      return node({
        ...base,
        bounds: inner,
        cls: 'android.widget.ImageView',
        role: 'image',
        resourceId: rid,
        desc,
        clickable: !!tap,
        onTap: tap,
      });
    case 'divider':
      return node({ ...base, cls: 'android.view.View', role: 'divider', resourceId: rid });
    case 'icon':
      return node({
        ...base,
        cls: 'android.widget.TextView',
        role: 'icon',
        text,
        desc: desc || text,
        resourceId: rid,
        clickable: true,
        focusable: true,
        longClickable: true,
        onTap: tap,
      });
  }
}

/** Move a list's children by dy and clip them to the viewport, dropping what is fully outside (as UiAutomator2 does). */
function shiftAndClip(list: UiNode, dy: number, vp: Bounds): void {
  const visit = (n: UiNode): UiNode | undefined => {
    const b: Bounds = [n.bounds[0], n.bounds[1] + dy, n.bounds[2], n.bounds[3] + dy];
    if (b[3] <= vp[1] || b[1] >= vp[3]) return undefined;
    n.draw = b;
    n.bounds = [b[0], Math.max(b[1], vp[1]), b[2], Math.min(b[3], vp[3])];
    n.children = n.children.map(visit).filter((c): c is UiNode => !!c);
    return n;
  };
  list.children = list.children.map(visit).filter((c): c is UiNode => !!c);
}
