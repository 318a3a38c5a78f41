// Labels on a chart that must not cover one another or the marks: each goes to the first free spot around its mark
// (right, left, above, below, then the corners above) inside the plot, or is left out when none is free (its mark
// keeps its hover title) — unless it must be shown, when it takes the first spot inside the plot.
// Text widths are estimated (DejaVu Sans averages about 0.6 em a character; 0.64 leaves room for bold).
import { esc } from './html.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, area: Box) =>
  a.x >= area.x && a.y >= area.y && a.x + a.w <= area.x + area.w && a.y + a.h <= area.y + area.h;

export class LabelPlacer {
  private readonly taken: Box[] = [];

  constructor(private readonly area: Box) {}

  /** Keep a mark's own space (a dot of radius r at cx, cy) free of labels. */
  mark(cx: number, cy: number, r: number): void {
    this.taken.push({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r });
  }

  /** An SVG <text> of `text` beside the mark at (cx, cy) of radius r, or '' when there is no room for it. */
  label(text: string, cx: number, cy: number, r: number, size: number, attrs: string, must = false): string {
    const w = text.length * size * 0.64;
    const spots: [number, number, 'start' | 'end' | 'middle'][] = [
      [cx + r + 4, cy + size * 0.35, 'start'],
      [cx - r - 4, cy + size * 0.35, 'end'],
      [cx, cy - r - 3, 'middle'],
      [cx, cy + r + size, 'middle'],
      [cx - r - 2, cy - r - 2, 'end'],
      [cx + r + 2, cy - r - 2, 'start'],
    ];
    const at = spots.map(([x, y, anchor]) => {
      const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      return { x, y, anchor, box: { x: left, y: y - size * 0.85, w, h: size * 1.1 } };
    });
    const fits = at.filter((s) => inside(s.box, this.area));
    const spot = fits.find((s) => !this.taken.some((t) => overlaps(t, s.box))) ?? (must ? fits[0] : undefined);
    if (!spot) return '';
    this.taken.push(spot.box);
    return `<text x="${spot.x.toFixed(1)}" y="${spot.y.toFixed(1)}" text-anchor="${spot.anchor}" font-size="${size}" ${attrs}>${esc(text)}</text>`;
  }
}
