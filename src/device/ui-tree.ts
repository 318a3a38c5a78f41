// Parses UiAutomator2 page source (`<hierarchy>` with class-named elements) and raw `uiautomator dump` XML (`<node>`
// elements) into one flat list of elements in document order, with parent links and an index of interactive ones.
// Dumps come as people capture them (BOM, UTF-16, trailing `adb` chatter, Appium JSON): the document is cut out first.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HeedError } from '../core/errors.js';

export type Bounds = [left: number, top: number, right: number, bottom: number];

export interface UiElement {
  /** Position in document order among all elements. */
  index: number;
  parent: number | undefined;
  depth: number;
  class: string;
  package: string;
  text: string;
  resourceId: string;
  contentDesc: string;
  hint: string;
  bounds: Bounds;
  clickable: boolean;
  longClickable: boolean;
  checkable: boolean;
  checked: boolean;
  enabled: boolean;
  focusable: boolean;
  focused: boolean;
  scrollable: boolean;
  selected: boolean;
  password: boolean;
  /** What a person would call it: its text or description, else the text of its children (clickable rows). */
  label: string;
}

export interface UiTree {
  width: number | undefined;
  height: number | undefined;
  rotation: number;
  elements: UiElement[];
  /** Indexes (into `elements`) of what can be acted on, in document order. */
  interactive: number[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

function parseBounds(s: string | undefined, where: string): Bounds {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec(s ?? '');
  if (!m)
    throw new HeedError(`Element ${where} has malformed bounds "${s ?? ''}"`, 'expected [left,top][right,bottom]');
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

const bool = (v: string | undefined) => v === 'true';

export function isInteractive(e: UiElement): boolean {
  if (!e.enabled) return false;
  if (e.bounds[2] <= e.bounds[0] || e.bounds[3] <= e.bounds[1]) return false;
  return e.clickable || e.longClickable || e.checkable || e.scrollable || /EditText|AutoCompleteTextView/.test(e.class);
}

/**
 * Text of a dump file as people capture it: UTF-8 with or without a byte-order mark, or UTF-16 (PowerShell's `>`
 * writes UTF-16LE with a mark; a mark-less UTF-16 file shows NUL bytes between ASCII characters).
 */
export function decodeDump(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 4 && a === 0x3c && b === 0 && bytes[3] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 4 && a === 0 && b === 0x3c && bytes[2] === 0) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The `<hierarchy>` document inside what a capture tool wrote: a leading byte-order mark, log lines before it, the
 * `UI hierchary dumped to: /dev/tty` line that `adb exec-out uiautomator dump /dev/tty` appends after it, or an Appium
 * `/source` response (`{"value": "<?xml …"}`). Text with no `<hierarchy` is returned as it is, so a file that is not a
 * dump still gets the parser's own error.
 */
export function hierarchyText(raw: string): string {
  let text = raw.replace(/^\uFEFF+/, '');
  if (/^\s*\{/.test(text)) {
    try {
      const value = (JSON.parse(text) as { value?: unknown }).value;
      if (typeof value === 'string' && value.includes('<hierarchy')) text = value.replace(/^\uFEFF+/, '');
    } catch {
      // Not JSON: the XML validator reports what is wrong with it.
    }
  }
  const start = text.indexOf('<hierarchy');
  if (start < 0) return text;
  const decl = text.lastIndexOf('<?xml', start);
  const from = decl >= 0 && /^\s*$/.test(text.slice(text.indexOf('?>', decl) + 2, start)) ? decl : start;
  const close = text.indexOf('</hierarchy>', start);
  const selfClosing = /^<hierarchy\b[^>]*\/>/.exec(text.slice(start));
  const to = close >= 0 ? close + '</hierarchy>'.length : selfClosing ? start + selfClosing[0].length : text.length;
  return text.slice(from, to);
}

export function parseUiTree(raw: string, source = 'page source'): UiTree {
  const xml = hierarchyText(raw);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new HeedError(
      `${source} is not well-formed XML: ${msg} (line ${line}, column ${col})`,
      'pass a UiAutomator2 page source or a `uiautomator dump` file',
    );
  }
  const doc = parser.parse(xml) as any[];
  const rootEntry = doc.find((n) => n.hierarchy !== undefined);
  if (!rootEntry)
    throw new HeedError(`${source} has no <hierarchy> root`, 'this does not look like an Android UI dump');
  const rootAttrs = (rootEntry[':@'] ?? {}) as Record<string, string>;
  const elements: UiElement[] = [];
  const visit = (entries: any[], parent: number | undefined, depth: number) => {
    for (const entry of entries) {
      const tag = Object.keys(entry).find((k) => k !== ':@');
      if (!tag || tag === '#text') continue;
      const a = (entry[':@'] ?? {}) as Record<string, string>;
      const index = elements.length;
      const el: UiElement = {
        index,
        parent,
        depth,
        class: a.class ?? (tag === 'node' ? '' : tag),
        package: a.package ?? '',
        text: a.text ?? '',
        resourceId: a['resource-id'] ?? '',
        contentDesc: a['content-desc'] ?? '',
        hint: a.hint ?? '',
        bounds: parseBounds(a.bounds, `#${index} (${a.class ?? tag})`),
        clickable: bool(a.clickable),
        longClickable: bool(a['long-clickable']),
        checkable: bool(a.checkable),
        checked: bool(a.checked),
        enabled: a.enabled === undefined ? true : bool(a.enabled),
        focusable: bool(a.focusable),
        focused: bool(a.focused),
        scrollable: bool(a.scrollable),
        selected: bool(a.selected),
        password: bool(a.password),
        label: '',
      };
      elements.push(el);
      visit(entry[tag] as any[], index, depth + 1);
    }
  };
  visit(rootEntry.hierarchy as any[], undefined, 0);
  // Labels: own text or description, else the texts of descendants (a clickable row whose title is a child TextView).
  for (let i = elements.length - 1; i >= 0; i--) {
    const e = elements[i]!;
    const own = e.text || e.contentDesc;
    if (own) e.label = own;
    else {
      const kids = elements.filter((c) => c.parent === i && c.label).map((c) => c.label);
      e.label = kids.join(' · ');
    }
  }
  return {
    width: rootAttrs.width ? Number(rootAttrs.width) : undefined,
    height: rootAttrs.height ? Number(rootAttrs.height) : undefined,
    rotation: Number(rootAttrs.rotation ?? 0),
    elements,
    interactive: elements.filter(isInteractive).map((e) => e.index),
  };
}

export function center(b: Bounds): { x: number; y: number } {
  return { x: Math.round((b[0] + b[2]) / 2), y: Math.round((b[1] + b[3]) / 2) };
}

/** Does `e` lie within `r` (bounds inclusive)? A dialog's buttons lie within its window, a row's texts within it. */
export function within(e: UiElement, r: UiElement): boolean {
  const [a, b] = [e.bounds, r.bounds];
  return a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
}

/** The short id after ":id/" — real dumps use the permission controller's id namespace under other window packages. */
export function idSuffix(resourceId: string): string {
  const i = resourceId.indexOf(':id/');
  return i >= 0 ? resourceId.slice(i + 4) : resourceId;
}

/**
 * The element a tap at device pixel (x, y) lands on: the smallest interactive one containing the point; where none
 * claims it (apps whose views take touches without saying so: Flutter, custom touch listeners), the smallest element
 * there, so a tap on what looks like text is still classified by what it says.
 */
export function elementAt(tree: UiTree, x: number, y: number): UiElement | undefined {
  const smallest = (list: Iterable<UiElement>) => {
    let best: UiElement | undefined;
    let bestArea = Infinity;
    for (const e of list) {
      const [l, t, r, b] = e.bounds;
      if (x < l || x >= r || y < t || y >= b || e.scrollable) continue;
      const area = (r - l) * (b - t);
      if (area <= bestArea) {
        best = e;
        bestArea = area;
      }
    }
    return best;
  };
  return smallest(tree.interactive.map((i) => tree.elements[i]!)) ?? smallest(tree.elements);
}
