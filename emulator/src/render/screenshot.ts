// Screenshots: the same UiNode trees the page source shows, drawn as SVG and rasterised to PNG with sharp.
import sharp from 'sharp';
import { escapeXml } from './source.js';
import { ensureFonts } from './fonts.js';
import { FONT, type Metrics } from '../phone/metrics.js';
import type { Bounds, UiNode, Window } from '../phone/ui.js';

const PRIMARY = '#0B57D0';
const INK = '#1F1F1F';
const MUTED = '#5F6368';

export interface ScreenState {
  windows: Window[];
  keyboard: boolean;
  toast?: string;
  clock: Date;
}

function text(
  x: number,
  y: number,
  s: string,
  size: number,
  opts: { color?: string; anchor?: string; bold?: boolean } = {},
): string {
  return (
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${opts.color ?? INK}"` +
    `${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}${opts.bold ? ' font-weight="bold"' : ''}>${escapeXml(s)}</text>`
  );
}

function box(n: UiNode): Bounds {
  return n.draw ?? n.bounds;
}

function drawNode(n: UiNode, m: Metrics, out: string[]): void {
  const [l, t, r, b] = box(n);
  const w = r - l;
  const h = b - t;
  const cy = (t + b) / 2;
  const body = m.dp(FONT.body);
  switch (n.role) {
    case 'toolbar':
      out.push(`<rect x="${l}" y="${t}" width="${w}" height="${h}" fill="#F8FAFD"/>`);
      break;
    case 'up':
      out.push(
        `<path d="M${l + m.dp(36)} ${cy} h-${m.dp(18)} m0 0 l${m.dp(8)} -${m.dp(8)} m-${m.dp(8)} ${m.dp(8)} l${m.dp(8)} ${m.dp(8)}" stroke="${INK}" stroke-width="${m.dp(2)}" fill="none"/>`,
      );
      break;
    case 'title':
      for (const [i, line] of m.wrap(n.text, m.dp(FONT.title), w).entries()) {
        const anchor = n.pkg.includes('permissioncontroller');
        out.push(
          text(anchor ? (l + r) / 2 : l, t + m.dp(24) + i * m.dp(30), line, m.dp(FONT.title), {
            anchor: anchor ? 'middle' : undefined,
          }),
        );
      }
      break;
    case 'heading':
      out.push(text(l, cy + m.dp(8), n.text, m.dp(FONT.heading), { bold: true }));
      break;
    case 'text':
      // Only the lines that fit the node are drawn.
      m.wrap(n.text, body, w)
        .slice(0, Math.max(1, Math.ceil(h / m.dp(24))))
        .forEach((line, i) => out.push(text(l, t + m.dp(20) + i * m.dp(24), line, body, { color: n.color ?? INK })));
      break;
    case 'summary':
      out.push(text(l, t + m.dp(16), n.text, m.dp(FONT.summary), { color: MUTED }));
      break;
    case 'button': {
      const perm = n.pkg.includes('permissioncontroller');
      const fill = !n.enabled ? '#DADCE0' : perm ? '#D3E3FD' : (n.color ?? PRIMARY);
      out.push(`<rect x="${l}" y="${t}" width="${w}" height="${h}" rx="${h / 2}" fill="${fill}"/>`);
      out.push(
        text((l + r) / 2, cy + m.dp(5), n.text, m.dp(FONT.button), {
          color: perm ? '#041E49' : '#FFFFFF',
          anchor: 'middle',
          bold: true,
        }),
      );
      break;
    }
    case 'textbutton':
      out.push(
        text((l + r) / 2, cy + m.dp(5), n.text, m.dp(FONT.button), {
          color: n.enabled ? PRIMARY : MUTED,
          anchor: 'middle',
          bold: true,
        }),
      );
      break;
    case 'row':
      out.push(`<line x1="${l}" y1="${b}" x2="${r}" y2="${b}" stroke="#EEEEEE" stroke-width="1"/>`);
      break;
    case 'switch': {
      const on = n.checked;
      const tw = m.dp(52);
      const th = m.dp(32);
      const x = r - tw;
      const y = cy - th / 2;
      out.push(
        `<rect x="${x}" y="${y}" width="${tw}" height="${th}" rx="${th / 2}" fill="${on ? PRIMARY : '#E1E3E1'}" stroke="${on ? PRIMARY : '#747775'}" stroke-width="${m.dp(2)}"/>`,
      );
      out.push(
        `<circle cx="${on ? x + tw - th / 2 : x + th / 2}" cy="${cy}" r="${on ? m.dp(12) : m.dp(8)}" fill="${on ? '#FFFFFF' : '#747775'}"/>`,
      );
      break;
    }
    case 'checkbox': {
      const s = m.dp(18);
      out.push(
        `<rect x="${l + m.dp(16)}" y="${cy - s / 2}" width="${s}" height="${s}" rx="${m.dp(2)}" fill="${n.checked ? PRIMARY : 'none'}" stroke="${n.checked ? PRIMARY : MUTED}" stroke-width="${m.dp(2)}"/>`,
      );
      if (n.checked)
        out.push(
          `<path d="M${l + m.dp(19)} ${cy} l${m.dp(4)} ${m.dp(4)} l${m.dp(8)} -${m.dp(8)}" stroke="#FFFFFF" stroke-width="${m.dp(2)}" fill="none"/>`,
        );
      out.push(text(l + m.dp(52), cy + m.dp(6), n.text, body));
      break;
    }
    case 'radio': {
      const perm = n.pkg.includes('permissioncontroller');
      if (perm) {
        out.push(
          `<rect x="${l}" y="${t}" width="${w}" height="${h}" rx="${m.dp(16)}" fill="${n.checked ? '#D3E3FD' : '#F1F3F4'}"/>`,
        );
        out.push(
          `<circle cx="${(l + r) / 2}" cy="${cy - m.dp(12)}" r="${m.dp(n.text === 'Precise' ? 10 : 22)}" fill="none" stroke="${n.checked ? PRIMARY : MUTED}" stroke-width="${m.dp(2)}"/>`,
        );
        out.push(text((l + r) / 2, b - m.dp(12), n.text, body, { anchor: 'middle', color: n.checked ? PRIMARY : INK }));
        break;
      }
      out.push(
        `<circle cx="${l + m.dp(26)}" cy="${cy}" r="${m.dp(10)}" fill="none" stroke="${n.checked ? PRIMARY : MUTED}" stroke-width="${m.dp(2)}"/>`,
      );
      if (n.checked) out.push(`<circle cx="${l + m.dp(26)}" cy="${cy}" r="${m.dp(5)}" fill="${PRIMARY}"/>`);
      out.push(text(l + m.dp(52), cy + m.dp(6), n.text, body));
      break;
    }
    case 'input': {
      const empty = n.field ? n.field.get() === '' : n.text === '';
      out.push(
        `<rect x="${l}" y="${t}" width="${w}" height="${h}" rx="${m.dp(4)}" fill="#FFFFFF" stroke="${n.focused ? PRIMARY : '#747775'}" stroke-width="${m.dp(n.focused ? 2 : 1)}"/>`,
      );
      // A single-line field shows the end of its text, as far as fits (it scrolls to the cursor): drawing all of a
      // long text would cost the renderer time for pixels nobody sees.
      const fits = Math.max(1, Math.floor((w - m.dp(32)) / m.charWidth(body)));
      const shown = n.text.length > fits ? n.text.slice(-fits) : n.text;
      out.push(text(l + m.dp(16), cy + m.dp(6), shown, body, { color: empty ? MUTED : INK }));
      if (n.focused) {
        const cx = l + m.dp(16) + (empty ? 0 : Math.round(shown.length * m.charWidth(body)));
        out.push(
          `<line x1="${cx}" y1="${cy - m.dp(10)}" x2="${cx}" y2="${cy + m.dp(10)}" stroke="${PRIMARY}" stroke-width="${m.dp(2)}"/>`,
        );
      }
      break;
    }
    case 'image':
      out.push(`<rect x="${l}" y="${t}" width="${w}" height="${h}" rx="${m.dp(12)}" fill="#C9E7F7"/>`);
      out.push(
        `<path d="M${l} ${b} L${l + w * 0.35} ${t + h * 0.35} L${l + w * 0.6} ${t + h * 0.7} L${l + w * 0.75} ${t + h * 0.5} L${r} ${b} Z" fill="#6FA86C"/>`,
      );
      if (n.desc) out.push(text(l + m.dp(12), t + m.dp(24), n.desc, m.dp(FONT.summary), { color: INK }));
      break;
    case 'icon': {
      const cx = (l + r) / 2;
      const rad = m.dp(28);
      out.push(`<circle cx="${cx}" cy="${t + m.dp(40)}" r="${rad}" fill="${n.color ?? '#607D8B'}"/>`);
      out.push(
        text(cx, t + m.dp(48), n.text.slice(0, 1), m.dp(24), { color: '#FFFFFF', anchor: 'middle', bold: true }),
      );
      out.push(text(cx, t + m.dp(92), n.text, m.dp(FONT.icon), { color: '#FFFFFF', anchor: 'middle' }));
      break;
    }
    case 'divider':
      out.push(`<line x1="${l}" y1="${cy}" x2="${r}" y2="${cy}" stroke="#DADCE0" stroke-width="${m.dp(1)}"/>`);
      break;
    case 'dialog':
      out.push(`<rect x="${l}" y="${t}" width="${w}" height="${h}" rx="${m.dp(28)}" fill="#F0F4F9"/>`);
      break;
    case 'sheet':
      out.push(`<rect x="${l}" y="${t}" width="${w}" height="${h + m.dp(28)}" rx="${m.dp(28)}" fill="#F0F4F9"/>`);
      break;
    case 'perm_icon':
      out.push(`<circle cx="${(l + r) / 2}" cy="${cy}" r="${w / 2}" fill="${PRIMARY}"/>`);
      break;
    default:
      break;
  }
  if (n.scrollable) {
    // Rows of a scrolled list are drawn at their unclipped place and cut at the list's edge, as on a real screen.
    const id = `clip${out.length}`;
    out.push(
      `<clipPath id="${id}"><rect x="${l}" y="${t}" width="${w}" height="${h}"/></clipPath><g clip-path="url(#${id})">`,
    );
    for (const c of n.children) drawNode(c, m, out);
    out.push('</g>');
  } else for (const c of n.children) drawNode(c, m, out);
}

function drawWindow(win: Window, m: Metrics, out: string[]): void {
  if (win.kind === 'activity') out.push(`<rect x="0" y="0" width="${m.width}" height="${m.height}" fill="#FFFFFF"/>`);
  else if (win.kind === 'launcher') {
    out.push(`<rect x="0" y="0" width="${m.width}" height="${m.height}" fill="url(#wallpaper)"/>`);
  } else out.push(`<rect x="0" y="0" width="${m.width}" height="${m.height}" fill="#000000" fill-opacity="0.4"/>`);
  drawNode(win.root, m, out);
}

function statusBar(m: Metrics, clock: Date, dark: boolean): string {
  const hh = String(clock.getUTCHours()).padStart(2, '0');
  const mm = String(clock.getUTCMinutes()).padStart(2, '0');
  const c = dark ? '#FFFFFF' : INK;
  const y = m.statusBar;
  return [
    text(m.dp(20), y - m.dp(6), `${hh}:${mm}`, m.dp(14), { color: c }),
    `<rect x="${m.width - m.dp(40)}" y="${y - m.dp(17)}" width="${m.dp(22)}" height="${m.dp(11)}" rx="${m.dp(2)}" fill="${c}"/>`,
    `<path d="M${m.width - m.dp(76)} ${y - m.dp(6)} l${m.dp(12)} -${m.dp(12)} l${m.dp(12)} ${m.dp(12)} z" fill="${c}"/>`,
  ].join('');
}

function navBar(m: Metrics, dark: boolean): string {
  const y = m.height - m.navBar;
  const cy = y + m.navBar / 2;
  const c = dark ? '#FFFFFF' : '#444746';
  const third = m.width / 3;
  const s = m.dp(8);
  return [
    `<rect x="0" y="${y}" width="${m.width}" height="${m.navBar}" fill="${dark ? '#000000' : '#F8FAFD'}" fill-opacity="${dark ? 0.25 : 1}"/>`,
    `<path d="M${third / 2 + s} ${cy - s} L${third / 2 - s} ${cy} L${third / 2 + s} ${cy + s} Z" fill="none" stroke="${c}" stroke-width="${m.dp(2)}"/>`,
    `<circle cx="${m.width / 2}" cy="${cy}" r="${s}" fill="none" stroke="${c}" stroke-width="${m.dp(2)}"/>`,
    `<rect x="${2.5 * third - s}" y="${cy - s}" width="${2 * s}" height="${2 * s}" rx="${m.dp(2)}" fill="none" stroke="${c}" stroke-width="${m.dp(2)}"/>`,
  ].join('');
}

function keyboard(m: Metrics): string {
  const top = m.keyboardTop;
  const bottom = m.height - m.navBar;
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const out = [`<rect x="0" y="${top}" width="${m.width}" height="${bottom - top}" fill="#E8EAED"/>`];
  const keyW = m.width / 10;
  const keyH = (bottom - top) / 4;
  rows.forEach((row, ri) => {
    const offset = (m.width - row.length * keyW) / 2;
    [...row].forEach((ch, ci) => {
      const x = offset + ci * keyW;
      const y = top + ri * keyH;
      out.push(
        `<rect x="${x + m.dp(3)}" y="${y + m.dp(5)}" width="${keyW - m.dp(6)}" height="${keyH - m.dp(10)}" rx="${m.dp(6)}" fill="#FFFFFF"/>`,
      );
      out.push(text(x + keyW / 2, y + keyH / 2 + m.dp(7), ch, m.dp(20), { anchor: 'middle' }));
    });
  });
  out.push(
    `<rect x="${m.width * 0.25}" y="${top + 3 * keyH + m.dp(5)}" width="${m.width * 0.5}" height="${keyH - m.dp(10)}" rx="${m.dp(6)}" fill="#FFFFFF"/>`,
  );
  return out.join('');
}

export function toSvg(s: ScreenState, m: Metrics): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}">`,
    `<defs><linearGradient id="wallpaper" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1B3A57"/><stop offset="1" stop-color="#3E7CB1"/></linearGradient></defs>`,
  ];
  for (const w of s.windows) drawWindow(w, m, out);
  const dark = s.windows[0]?.kind === 'launcher';
  if (s.keyboard) out.push(keyboard(m));
  if (s.toast) {
    const w = Math.round(s.toast.length * m.charWidth(m.dp(14))) + m.dp(48);
    const y = m.height - m.navBar - m.dp(120);
    out.push(
      `<rect x="${(m.width - w) / 2}" y="${y}" width="${w}" height="${m.dp(48)}" rx="${m.dp(24)}" fill="#303030"/>`,
    );
    out.push(text(m.width / 2, y + m.dp(30), s.toast, m.dp(14), { color: '#FFFFFF', anchor: 'middle' }));
  }
  out.push(statusBar(m, s.clock, dark), navBar(m, dark), '</svg>');
  return out.join('\n');
}

let last: { svg: string; png: Buffer } | undefined;

/** PNG of the screen. The same state always gives the same bytes; an unchanged screen is not rendered twice. */
export async function screenshot(s: ScreenState, m: Metrics): Promise<Buffer> {
  ensureFonts();
  const svg = toSvg(s, m);
  if (last?.svg === svg) return last.png;
  // Opaque RGB at a fast zlib level: the screen has no transparency, the PNG only crosses loopback, and an RGB PNG
  // decodes about twice as fast as RGBA for whoever reads it.
  const png = await sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 1 }).toBuffer();
  last = { svg, png };
  return png;
}
