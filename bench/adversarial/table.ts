// The adversarial table: per item and in total, scenarios, runs, bypasses, crashes and hangs.
import { ITEMS, type ScenarioResult } from './scenario.js';

export function table(results: ScenarioResult[]): string {
  const rows: string[][] = [['item', 'scenarios', 'runs', 'bypasses', 'crashes', 'hangs']];
  const sum = (rs: ScenarioResult[]) => [
    String(rs.length),
    String(rs.reduce((n, r) => n + (r.runs ?? 1), 0)),
    String(rs.filter((r) => r.bypasses.length).length),
    String(rs.filter((r) => r.crash).length),
    String(rs.filter((r) => r.hang).length),
  ];
  for (const [k, name] of Object.entries(ITEMS)) {
    const rs = results.filter((r) => r.item === k);
    if (rs.length) rows.push([`${k} ${name}`, ...sum(rs)]);
  }
  rows.push(['total', ...sum(results)]);
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((x, c) => (c === 0 ? x.padEnd(w[c]!) : x.padStart(w[c]!))).join('  ');
  return [line(rows[0]!), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
