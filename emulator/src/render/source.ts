// Page source in Appium UiAutomator2's format: <hierarchy> with elements named by class and the standard attributes.
import type { Metrics } from '../phone/metrics.js';
import type { UiNode, Window } from '../phone/ui.js';

export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 cannot carry most control characters; UiAutomator2 drops them too.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}

function attrs(n: UiNode, index: number): string {
  const a: [string, string][] = [
    ['index', String(index)],
    ['package', n.pkg],
    ['class', n.cls],
    ['text', n.text],
  ];
  if (n.resourceId) a.push(['resource-id', n.resourceId]);
  if (n.desc) a.push(['content-desc', n.desc]);
  const flags: [string, boolean][] = [
    ['checkable', n.checkable],
    ['checked', n.checked],
    ['clickable', n.clickable],
    ['enabled', n.enabled],
    ['focusable', n.focusable],
    ['focused', n.focused],
    ['long-clickable', n.longClickable],
    ['password', n.password],
    ['scrollable', n.scrollable],
    ['selected', n.selected],
  ];
  for (const [k, v] of flags) a.push([k, String(v)]);
  const [l, t, r, b] = n.bounds;
  a.push(['bounds', `[${l},${t}][${r},${b}]`], ['displayed', 'true']);
  if (n.hint) a.push(['hint', n.hint]);
  if (n.field) a.push(['showing-hint', String(n.field.get() === '' && n.hint !== '')]);
  return a.map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
}

function element(n: UiNode, index: number, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const tag = n.cls.replace(/[^\w.]/g, '_');
  if (n.children.length === 0) {
    out.push(`${pad}<${tag} ${attrs(n, index)} />`);
    return;
  }
  out.push(`${pad}<${tag} ${attrs(n, index)}>`);
  n.children.forEach((c, i) => element(c, i, depth + 1, out));
  out.push(`${pad}</${tag}>`);
}

/** The page source of the focused window, as UiAutomator2 returns it by default. */
export function pageSource(w: Window, m: Metrics): string {
  const out = [
    `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>`,
    `<hierarchy index="0" class="hierarchy" rotation="0" width="${m.width}" height="${m.height}">`,
  ];
  element(w.root, 0, 1, out);
  out.push('</hierarchy>');
  return out.join('\n');
}
