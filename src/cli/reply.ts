// `heed reply`: what heed would do with one raw model reply — the model family's grammar read, the action validated,
// the point mapped from the family's coordinate regime to pixels of the image the model was sent. A user whose local
// model misbehaves can see why; exits 2 with the reason heed would re-ask the model.
import { parseArgs } from 'node:util';
import { EXIT } from '../core/exit.js';
import { HeedError } from '../core/errors.js';
import type { Action } from '../policy/actions.js';
import { FAMILY_NAMES, familyNamed, NATIVE } from '../policy/families/index.js';
import { ReplyError } from '../policy/families/types.js';
import { interpret } from '../policy/model-policy.js';
import { describeAction } from '../policy/policy.js';

export const REPLY_HELP = `Usage: heed reply --family <name> --image <W>x<H> < reply.txt

Reads one raw reply of a GUI model on stdin and prints the action heed would take, as JSON, with coordinates in
pixels of the W×H image the model was sent, e.g. {"action":"tap","x":175,"y":547}. A reply with several actions
prints the first (heed executes only that one) and names the rest on stderr. When heed could not act on the reply
(no action, a placeholder or out-of-image point, an unknown action) it prints why on stderr and exits 2: in a run,
heed would re-ask the model with that reason.

Options:
  --family <name>   the model family whose grammar the reply is in (see below)
  --image <W>x<H>   size of the image the model saw, e.g. 1080x2400
  --coords <c>      json family only: pixels (default), norm1000, norm999, norm1
  -h, --help        this text

Families:
  json              ${familyNamed('json').title}
${NATIVE.map((f) => `  ${f.name.padEnd(17)} ${f.title}`).join('\n')}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Pixels are whole numbers on a screen: the printed action rounds its points as a tap would. */
function rounded(a: Action): Action {
  const o = { ...a } as Record<string, unknown>;
  for (const k of ['x', 'y']) if (typeof o[k] === 'number') o[k] = Math.round(o[k] as number);
  for (const k of ['from', 'to']) if (Array.isArray(o[k])) o[k] = (o[k] as number[]).map((v) => Math.round(v));
  return o as Action;
}

export async function replyCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      family: { type: 'string' },
      image: { type: 'string' },
      coords: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(REPLY_HELP), EXIT.ok);
  if (!values.family) throw new HeedError('heed reply needs --family', `one of: ${FAMILY_NAMES.join(', ')}`);
  const m = /^(\d+)x(\d+)$/i.exec(values.image ?? '');
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new HeedError(
      'heed reply needs --image <W>x<H>, the size of the image the model saw',
      'e.g. --image 1080x2400',
    );
  const coords = (values.coords ?? 'pixels') as 'pixels';
  if (!['pixels', 'norm1000', 'norm999', 'norm1'].includes(coords))
    throw new HeedError(`--coords must be pixels, norm1000, norm999 or norm1, not '${coords}'`);
  const family = familyNamed(values.family, coords);
  const text = await readStdin();
  try {
    const got = interpret(family, text, { width: Number(m[1]), height: Number(m[2]) });
    out(JSON.stringify(rounded(got.action)));
    if (got.ignored.length)
      console.error(
        `heed reply: the reply had ${got.ignored.length} more action(s), which heed records and does not execute: ${got.ignored.map((a) => describeAction(rounded(a))).join('; ')}`,
      );
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof ReplyError)) throw e;
    console.error(`heed reply: ${e.message}`);
    return EXIT.usage;
  }
}
