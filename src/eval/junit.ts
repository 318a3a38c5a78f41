// JUnit XML for CI dashboards (`heed eval --reporter junit`): one test case per episode, grouped in one suite per
// policy; an episode that did not succeed is a failure with its outcome and failed checks, an error an <error>.
import type { Results } from './results.js';

const esc = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 cannot carry most control characters, even escaped.
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitXml(r: Results): string {
  const policies = [...new Set(r.episodes.map((e) => e.policy))];
  const suites = policies.map((p) => {
    const eps = r.episodes.filter((e) => e.policy === p);
    const failures = eps.filter((e) => !e.success && !e.error).length;
    const errors = eps.filter((e) => e.error).length;
    const time = eps.reduce((s, e) => s + e.wallMs, 0) / 1000;
    const cases = eps.map((e) => {
      const attrs = `classname="${esc(`heed.${p}.${e.split}`)}" name="${esc(`${e.task} as ${e.persona} r${e.repeat}`)}" time="${(e.wallMs / 1000).toFixed(3)}"`;
      if (e.error) return `    <testcase ${attrs}>\n      <error message="${esc(e.error)}"/>\n    </testcase>`;
      if (e.success) return `    <testcase ${attrs}/>`;
      const failed = e.checks.filter((c) => !c.pass).map((c) => c.description);
      const detail = [
        `outcome: ${e.outcome}: ${e.message}`,
        ...failed.map((d) => `failed check: ${d}`),
        e.violations ? `violations: ${e.violations}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      return `    <testcase ${attrs}>\n      <failure message="${esc(`${e.outcome}: ${e.message}`)}">${esc(detail)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${esc(`heed eval: ${p}`)}" tests="${eps.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}" timestamp="${esc(r.created)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = r.episodes.length;
  const failures = r.episodes.filter((e) => !e.success && !e.error).length;
  const errors = r.episodes.filter((e) => e.error).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="heed eval" tests="${total}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
