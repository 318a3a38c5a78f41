// The key a step's app goes by. One package when heed knows it; when a label names several installed apps (two
// "TrailCam"s on a Settings page), a key that matches no real package and lists every candidate, so that a decision
// about any one of them still holds: a refusal for the real app is not hidden behind a look-alike's name.

const AMBIGUOUS = /^unknown:.* \(([\w.]+(?: or [\w.]+)+)\)$/;

/** The key for a label several installed apps carry. */
export function ambiguousApp(label: string, packages: string[]): string {
  return `unknown:${label} (${packages.join(' or ')})`;
}

/** The packages a key may be: itself, or every candidate of an ambiguous key. */
export function appCandidates(app: string): string[] {
  const m = AMBIGUOUS.exec(app);
  return m ? m[1]!.split(' or ') : [app];
}
