// Charts drawn by heed itself as inline SVG: no library, no script, nothing to load (a charting library would add
// 50–200 KB of script to every report for three charts). Every chart has a text alternative and an HTML legend.
import type { Metrics } from '../eval/metrics.js';
import type { Results } from '../eval/results.js';
import { esc } from './html.js';
import { categoryWords } from '../core/vocab.js';
import { LabelPlacer } from './chart-labels.js';

export const POLICY_COLOURS: Record<string, string> = {
  agent: '#0b57d0',
  reference: '#146c2e',
  'always-allow': '#b3261e',
  'do-nothing': '#5f6368',
};
const colour = (p: string) => POLICY_COLOURS[p] ?? '#8430ce';
const pc = (v: number) => `${Math.round(v * 100)}%`;

export function policyLegend(policies: string[]): string {
  return `<ul class="chips">${policies.map((p) => `<li class="chip"><span class="swatch" style="background:${colour(p)}"></span> ${esc(p)}</li>`).join('')}</ul>`;
}

function figure(svg: string, caption: string, legend: string): string {
  return `<figure>${svg}${legend}<figcaption>${caption}</figcaption></figure>`;
}

/**
 * SR against Compliance per policy: the utility/privacy trade-off. Splits are the small rings, named where there is
 * room (rings at one spot share a name: "privacy, proactive").
 */
export function tradeOff(r: Results): string {
  const W = 400,
    H = 300,
    L = 56,
    R = 16,
    T = 14,
    B = 40;
  const x = (v: number) => L + v * (W - L - R);
  const y = (v: number) => H - B - v * (H - T - B);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (g) =>
        `<line x1="${x(g)}" y1="${y(0)}" x2="${x(g)}" y2="${y(1)}" stroke="#eee"/><line x1="${x(0)}" y1="${y(g)}" x2="${x(1)}" y2="${y(g)}" stroke="#eee"/>` +
        `<text x="${x(g)}" y="${H - B + 19}" text-anchor="middle" font-size="12" fill="#5f6368">${pc(g)}</text>` +
        `<text x="${L - 6}" y="${y(g) + 4}" text-anchor="end" font-size="12" fill="#5f6368">${pc(g)}</text>`,
    )
    .join('');
  const marks: string[] = [];
  const missing: string[] = [];
  const described: string[] = [];
  const dots: { p: string; cx: number; cy: number }[] = [];
  const rings = new Map<string, { cx: number; cy: number; splits: string[] }>();
  for (const [p, groups] of Object.entries(r.metrics)) {
    for (const [g, m] of Object.entries(groups)) {
      if (!g.startsWith('split:') || m.Compliance === null) continue;
      const [cx, cy] = [x(m.Compliance), y(m.SR)];
      marks.push(
        `<circle cx="${cx}" cy="${cy}" r="3.5" fill="none" stroke="${colour(p)}" stroke-width="1.5" opacity=".7"><title>${esc(`${p}, ${g.slice(6)}: SR ${pc(m.SR)}, Compliance ${pc(m.Compliance)}`)}</title></circle>`,
      );
      const at = `${cx.toFixed(0)},${cy.toFixed(0)}`;
      const ring = rings.get(at) ?? { cx, cy, splits: [] };
      if (!ring.splits.includes(g.slice(6))) ring.splits.push(g.slice(6));
      rings.set(at, ring);
    }
    const m = groups.all;
    if (!m) continue;
    if (m.Compliance === null) {
      missing.push(p);
      continue;
    }
    const [cx, cy] = [x(m.Compliance), y(m.SR)];
    marks.push(
      `<circle cx="${cx}" cy="${cy}" r="7" fill="${colour(p)}" stroke="#fff" stroke-width="2"><title>${esc(`${p}: SR ${pc(m.SR)}, Compliance ${pc(m.Compliance)}`)}</title></circle>`,
    );
    dots.push({ p, cx, cy });
    described.push(`${p} SR ${pc(m.SR)} at Compliance ${pc(m.Compliance)}`);
  }
  // Policy names first (they matter most), then the splits' names, none over a mark or another label.
  // The plot and a sliver under it, above the tick labels: a mark at SR 0 still has room beside it.
  const place = new LabelPlacer({ x: L - 2, y: 0, w: W - L + 2, h: H - B + 8 });
  for (const d of dots) place.mark(d.cx, d.cy, 7);
  for (const g of rings.values()) place.mark(g.cx, g.cy, 3.5);
  const labels = [
    ...dots.map((d) => place.label(d.p, d.cx, d.cy, 7, 12, `font-weight="600" fill="${colour(d.p)}"`, true)),
    ...[...rings.values()].map((g) => place.label(g.splits.join(', '), g.cx, g.cy, 3.5, 10, 'fill="#5f6368"')),
  ];
  const svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`SR against Compliance: ${described.join('; ') || 'no decision points'}`)}">${grid}
<text x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle" font-size="12">Compliance (decisions as the persona wants) →</text>
<text transform="translate(14 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle" font-size="12">SR (tasks done) →</text>
${marks.join('')}${labels.join('')}</svg>`;
  const note = missing.length ? ` ${esc(missing.join(', '))}: no decision points, so no Compliance (not plotted).` : '';
  return figure(
    svg,
    `<b>Utility against privacy.</b> Top right is both: the task done, every consent decision as the persona wants. Large dots: all episodes; rings: one split each, named where there is room.${note}`,
    policyLegend(Object.keys(r.metrics)),
  );
}

/** Violations per consent category, one bar per policy. */
export function violationsByCategory(r: Results): string {
  const policies = Object.keys(r.metrics);
  const counts = new Map<string, Map<string, number>>();
  for (const e of r.episodes)
    for (const p of e.decisionPoints) {
      const row = counts.get(p.category) ?? new Map<string, number>();
      row.set(e.policy, (row.get(e.policy) ?? 0) + (p.violation ? 1 : 0));
      counts.set(p.category, row);
    }
  const cats = [...counts.entries()]
    .filter(([, row]) => [...row.values()].some((v) => v > 0))
    .sort((a, b) => Math.max(...b[1].values()) - Math.max(...a[1].values()));
  const clean = [...counts.keys()].filter((c) => !cats.some(([k]) => k === c));
  const cleanNote = clean.length ? ` No violations in: ${esc(clean.map(categoryWords).join(', '))}.` : '';
  if (!cats.length)
    return figure(
      '',
      `<b>Violations by consent category.</b> None: every exposure had a covering rule or answer.${cleanNote}`,
      '',
    );
  const max = Math.max(1, ...cats.flatMap(([, row]) => [...row.values()]));
  // Each category's name on its own line above its bars: long names are never cut.
  const W = 400,
    L = 4,
    R = 36,
    bh = 11,
    head = 16,
    gap = 8;
  const rowH = head + policies.length * bh + gap;
  const H = cats.length * rowH + 4;
  const bars = cats
    .map(([c, row], i) => {
      const top = 2 + i * rowH + head;
      const label = `<text x="${L}" y="${top - 4}" font-size="12">${esc(categoryWords(c))}</text>`;
      return (
        label +
        policies
          .map((p, j) => {
            const v = row.get(p) ?? 0;
            const w = (v / max) * (W - L - R);
            return `<rect x="${L}" y="${top + j * bh}" width="${Math.max(w, v ? 1 : 0)}" height="${bh - 2}" fill="${colour(p)}"><title>${esc(`${p}: ${v} violation(s) in ${c}`)}</title></rect>${v ? `<text x="${L + w + 4}" y="${top + j * bh + bh - 3}" font-size="10" fill="#5f6368">${v}</text>` : ''}`;
          })
          .join('')
      );
    })
    .join('');
  const svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`Violations by category: ${cats.map(([c, row]) => `${c} ${policies.map((p) => `${p} ${row.get(p) ?? 0}`).join(', ')}`).join('; ')}`)}">${bars}</svg>`;
  return figure(
    svg,
    `<b>Violations by consent category</b> (exposing steps no rule or answer covered).${cleanNote}`,
    policyLegend(policies),
  );
}

/** One metric per split, a bar per policy. */
export function perSplit(r: Results, label: string, value: (m: Metrics) => number | null): string {
  const policies = Object.keys(r.metrics);
  const splits = [...new Set(Object.values(r.metrics).flatMap((g) => Object.keys(g)))]
    .filter((g) => g.startsWith('split:'))
    .sort();
  if (!splits.length) return '';
  const W = 400,
    H = 220,
    L = 40,
    B = 34,
    T = 16;
  const gw = (W - L - 8) / splits.length;
  const bw = Math.min(26, (gw - 12) / policies.length);
  const y = (v: number) => H - B - v * (H - T - B);
  const axis = [0, 0.5, 1]
    .map(
      (g) =>
        `<line x1="${L}" y1="${y(g)}" x2="${W - 8}" y2="${y(g)}" stroke="#eee"/><text x="${L - 6}" y="${y(g) + 4}" text-anchor="end" font-size="12" fill="#5f6368">${pc(g)}</text>`,
    )
    .join('');
  const desc: string[] = [];
  const bars = splits
    .map((s, i) => {
      const x0 = L + i * gw + (gw - bw * policies.length) / 2;
      const name = s.slice(6);
      return (
        policies
          .map((p, j) => {
            const v = value(r.metrics[p]![s] ?? ({} as Metrics));
            if (v === null || v === undefined)
              return `<text x="${x0 + j * bw + bw / 2}" y="${y(0) - 3}" text-anchor="middle" font-size="10" fill="#5f6368">–</text>`;
            desc.push(`${p} ${name} ${pc(v)}`);
            const cx = x0 + j * bw + (bw - 2) / 2;
            return `<rect x="${x0 + j * bw}" y="${y(v)}" width="${bw - 2}" height="${Math.max(1, y(0) - y(v))}" fill="${colour(p)}"><title>${esc(`${p}, ${name}: ${label} ${pc(v)}`)}</title></rect><text x="${cx}" y="${y(v) - 3}" text-anchor="middle" font-size="${bw < 20 ? 8 : 10}" fill="#3c4043">${Math.round(v * 100)}</text>`;
          })
          .join('') +
        `<text x="${L + i * gw + gw / 2}" y="${H - B + 16}" text-anchor="middle" font-size="12">${esc(name)}</text>`
      );
    })
    .join('');
  const svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${label} per split: ${desc.join('; ')}`)}">${axis}${bars}</svg>`;
  return figure(
    svg,
    `<b>${esc(label)} per split</b> (%). – : not defined for that policy and split.`,
    policyLegend(policies),
  );
}
