// summary.md: the metric tables as Markdown, one per group (all episodes, each split, each persona), with the legend.
import { METRICS, formatMetric } from '../eval/metric-defs.js';
import type { Results } from '../eval/results.js';

const unit = (kind: string) => (kind === 'share' ? ' %' : '');

export function summaryMarkdown(r: Results): string {
  const out = [`# heed evaluation — ${r.created}`, '', '```json', JSON.stringify(r.config, null, 2), '```', ''];
  const groups = [...new Set(Object.values(r.metrics).flatMap((b) => Object.keys(b)))];
  for (const g of groups) {
    out.push(
      `## ${g === 'all' ? 'All episodes' : g}`,
      '',
      `| policy | ${METRICS.map((d) => `${d.label}${unit(d.kind)}`).join(' | ')} |`,
      `|---|${METRICS.map(() => '---:').join('|')}|`,
    );
    for (const [policy, b] of Object.entries(r.metrics))
      if (b[g]) out.push(`| ${policy} | ${METRICS.map((d) => formatMetric(d, d.value(b[g]!))).join(' | ')} |`);
    out.push('');
  }
  out.push('## What the metrics mean', '', ...METRICS.map((d) => `- **${d.label}**: ${d.definition}`), '');
  return out.join('\n');
}
