// Item 8: patterns on typed and screen text are linear and bounded: 160 KB of word characters took 67 s in the
// e-mail pattern, 1 MB hung the run. Each scenario must finish well within its time.
import { victim } from '../effects.js';
import { finish, on } from '../moves.js';
import type { Scenario } from '../scenario.js';

const big = (id: string, text: () => string, screen = 'Search'): Scenario => ({
  id: `regex: ${id}`,
  item: '8',
  profile: victim,
  instruction: 'Search for trails.',
  setup: [`am start -n com.evil.forms/.${screen}`],
  moves: [on('field', (i) => ({ action: 'type', element: i, text: text() })), finish],
  maxSteps: 3,
  hangS: 40,
});

export const regex: Scenario[] = [
  big('160 KB of word characters', () => 'a'.repeat(160_000)),
  big('1 MB of word characters', () => 'a'.repeat(1_000_000)),
  big('1 MB of digits and a letter', () => '1'.repeat(1_000_000) + 'x'),
  big('500 KB of "a@"', () => 'a@'.repeat(250_000)),
  big('500 KB of "1 " (a phone number that never ends)', () => '1 '.repeat(250_000) + 'x'),
  big('500 KB of "a.a" after an @', () => 'x@' + 'a.'.repeat(250_000)),
  big('1 MB into a Notes field', () => 'password '.repeat(110_000), 'Notes'),
];
