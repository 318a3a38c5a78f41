// What the agent may see of the user. Personal mode shows the profile; KnowU mode only the behaviour logs, so the
// agent must infer preferences (or ask) as in KnowU-Bench.
import type { Profile } from './schema.js';

export type ProfileMode = 'personal' | 'knowu';

export function profileView(p: Profile, mode: ProfileMode): string {
  if (mode === 'knowu') {
    return p.behaviourLogs.length
      ? `Recent behaviour of the user (you do not see their settings; infer, or ask):\n${p.behaviourLogs.map((l) => (l.startsWith('-') ? l : `- ${l}`)).join('\n')}`
      : 'Nothing is known about this user; ask when a choice depends on their preferences.';
  }
  const rules = Object.entries(p.consent)
    .map(
      ([c, r]) =>
        `- ${c}: ${r!.decision}${r!.grant ? ` (at most ${r!.grant})` : ''}${r!.note ? ` — "${r!.note}"` : ''}`,
    )
    .join('\n');
  // Facts by name only: the agent types one with {"action":"type","fact":"<name>"} and never sees its value.
  const personal = Object.keys(p.personal)
    .map((k) => `- ${k}`)
    .join('\n');
  return [
    `User: ${p.name}. ${p.summary}`,
    `Oversight: ${p.oversight}.`,
    rules && `Consent rules:\n${rules}`,
    p.preferences.length ? `Preferences:\n${p.preferences.map((x) => `- ${x}`).join('\n')}` : '',
    personal &&
      `Facts heed can type for you (by name, {"action":"type","fact":"<name>"}; you never see the values):\n${personal}`,
  ]
    .filter(Boolean)
    .join('\n');
}
