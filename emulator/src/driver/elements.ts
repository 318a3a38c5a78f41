// Element lookup for the simulated phone: WebDriver element ids, locator strategies (id, accessibility id, class name,
// xpath, -android uiautomator) and the mapping between page-source XML nodes and UiNodes.
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import type { UiNode, Window } from '../phone/ui.js';
import { pageSource } from '../render/source.js';
import type { Metrics } from '../phone/metrics.js';

export interface Located {
  node: UiNode;
  id: string;
}

/** Every node of the window with a stable WebDriver element id, in document order. */
export function indexWindow(w: Window): Located[] {
  const out: Located[] = [];
  const visit = (n: UiNode, path: string) => {
    const ident = n.key ?? `${w.pkg}/${w.activity}#${path}`;
    out.push({ node: n, id: Buffer.from(ident).toString('base64url') });
    n.children.forEach((c, i) => visit(c, `${path}.${i}`));
  };
  visit(w.root, '0');
  return out;
}

export class NoSuchElement extends Error {}

export function locate(w: Window, m: Metrics, strategy: string, selector: string, within?: UiNode): Located[] {
  const all = indexWindow(w);
  let scope = all;
  if (within) {
    const inside = new Set<UiNode>();
    const mark = (n: UiNode) => {
      for (const c of n.children) {
        inside.add(c);
        mark(c);
      }
    };
    mark(within);
    scope = all.filter((l) => inside.has(l.node));
  }
  switch (strategy) {
    case 'id': {
      // UiAutomator2 accepts a bare name and qualifies it with the current package.
      const full = selector.includes(':id/') ? selector : `${w.pkg}:id/${selector}`;
      return scope.filter((l) => l.node.resourceId === full || l.node.resourceId === selector);
    }
    case 'accessibility id':
      return scope.filter((l) => l.node.desc === selector);
    case 'class name':
      return scope.filter((l) => l.node.cls === selector);
    case 'xpath':
      return byXPath(w, m, all, scope, selector);
    case '-android uiautomator':
      return byUiSelector(scope, selector);
    default:
      throw new Error(`Locator strategy '${strategy}' is not supported by the simulated phone`);
  }
}

function byXPath(w: Window, m: Metrics, all: Located[], scope: Located[], selector: string): Located[] {
  const doc = new DOMParser().parseFromString(pageSource(w, m), 'text/xml');
  const order = new Map<unknown, number>();
  let i = 0;
  const visit = (el: any) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        order.set(c, i++);
        visit(c);
      }
    }
  };
  visit(doc.documentElement);
  let found: unknown[];
  try {
    found = xpath.select(selector, doc as unknown as Node) as unknown[];
  } catch (e) {
    throw new Error(`Invalid XPath expression '${selector}': ${(e as Error).message}`, { cause: e });
  }
  if (!Array.isArray(found)) throw new Error(`XPath '${selector}' does not select elements`);
  const allowed = new Set(scope.map((l) => l.node));
  return found
    .map((n) => order.get(n))
    .filter((k): k is number => k !== undefined)
    .map((k) => all[k]!)
    .filter((l) => allowed.has(l.node));
}

/** The UiSelector subset agents use: text, textContains, resourceId, description, className, chained with AND. */
function byUiSelector(scope: Located[], selector: string): Located[] {
  const calls = [...selector.matchAll(/\.(\w+)\("((?:[^"\\]|\\.)*)"\)/g)];
  if (!selector.includes('UiSelector') || calls.length === 0) throw new Error(`Unsupported UiSelector: ${selector}`);
  return scope.filter(({ node: n }) =>
    calls.every(([, fn, arg]) => {
      switch (fn) {
        case 'text':
          return n.text === arg;
        case 'textContains':
          return n.text.includes(arg!);
        case 'textStartsWith':
          return n.text.startsWith(arg!);
        case 'resourceId':
          return n.resourceId === arg;
        case 'description':
          return n.desc === arg;
        case 'descriptionContains':
          return n.desc.includes(arg!);
        case 'className':
          return n.cls === arg;
        default:
          throw new Error(`Unsupported UiSelector method ${fn}()`);
      }
    }),
  );
}

/** getAttribute names UiAutomator2 answers, read from a node. */
export function attribute(n: UiNode, name: string): string | null {
  const map: Record<string, () => string> = {
    text: () => n.text,
    'resource-id': () => n.resourceId,
    resourceId: () => n.resourceId,
    'content-desc': () => n.desc,
    contentDescription: () => n.desc,
    class: () => n.cls,
    className: () => n.cls,
    package: () => n.pkg,
    checkable: () => String(n.checkable),
    checked: () => String(n.checked),
    clickable: () => String(n.clickable),
    enabled: () => String(n.enabled),
    focusable: () => String(n.focusable),
    focused: () => String(n.focused),
    'long-clickable': () => String(n.longClickable),
    password: () => String(n.password),
    scrollable: () => String(n.scrollable),
    selected: () => String(n.selected),
    displayed: () => 'true',
    hint: () => n.hint,
    bounds: () => `[${n.bounds[0]},${n.bounds[1]}][${n.bounds[2]},${n.bounds[3]}]`,
  };
  const f = map[name];
  return f ? f() : null;
}
