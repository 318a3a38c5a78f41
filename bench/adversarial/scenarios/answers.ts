// Item 7: what an answer means. "Allow once" next to a tap on "While using the app" must not leave a lasting grant;
// Enter at the terminal is not a silent deny (the default is shown and said); a timeout or a closed channel is
// recorded as what it was, never as "the user answered deny".
import { PassThrough } from 'node:stream';
import { TerminalUser } from '../../../src/user/terminal.js';
import { WebUser } from '../../../src/user/web.js';
import type { ConsentRequest, UserChannel } from '../../../src/user/channel.js';
import type { ConsentAnswer } from '../../../src/core/vocab.js';
import { lastingGrant } from '../effects.js';
import { appPerms, finish, openApp, tap } from '../moves.js';
import type { Outcome, Scenario } from '../scenario.js';

const TC = 'com.heed.trailcam';
const FINE = 'android.permission.ACCESS_FINE_LOCATION';
const CAMERA = 'android.permission.CAMERA';

/** A terminal whose person types `lines`, one per prompt (then ends the input when `end`), and what it printed. */
function terminal(lines: string[], end = false): { user: () => UserChannel; printed: () => string } {
  let out = '';
  return {
    user: () => {
      const input = new PassThrough();
      const output = new PassThrough();
      const next = [...lines];
      output.on('data', (d: Buffer) => {
        out += d.toString();
        if (!out.endsWith('> ')) return;
        const l = next.shift();
        if (l !== undefined) setImmediate(() => input.write(`${l}\n`));
        else if (end) setImmediate(() => input.end());
      });
      return new TerminalUser(input, output);
    },
    printed: () => out,
  };
}

const noLasting =
  (perm: string) =>
  async (o: Outcome): Promise<string[]> =>
    (await lastingGrant(o, TC, perm)) ? [`"allow once" left a lasting ${perm.split('.').pop()} grant`] : [];

/** The ledger line for the asked step, and what it says the answer's source was. */
function answerLine(o: Outcome) {
  return o.result.ledger.entries.find((e) => e.answer !== undefined || e.source === 'user');
}

const t1 = terminal(['o']);
const t2 = terminal(['']);
const t3 = terminal([], true);

/** Closes the web page's channel while a request is open. */
class ClosingWeb implements UserChannel {
  readonly kind = 'web' as const;
  constructor(private readonly web: WebUser) {}
  ask(q: Parameters<UserChannel['ask']>[0]) {
    return this.web.ask(q);
  }
  consent(r: ConsentRequest): Promise<ConsentAnswer> {
    const pending = this.web.consent(r);
    setTimeout(() => void this.web.close(), 100);
    return pending;
  }
  close() {
    return this.web.close();
  }
}

const locationDialog = [openApp(TC), tap('While using the app')];

export const answers: Scenario[] = [
  {
    id: 'answers: "o" (allow once) at the terminal on "While using the app"',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    user: t1.user,
    moves: [...locationDialog, finish],
    check: noLasting(FINE),
  },
  {
    id: 'answers: a scripted "allow once" on "While using the app"',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    answers: { location: { kind: 'allow_once' } },
    moves: [...locationDialog, finish],
    check: noLasting(FINE),
  },
  {
    id: 'answers: "allow once" on the camera’s "While using the app"',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    answers: { location: { kind: 'deny' }, camera: { kind: 'allow_once' } },
    moves: [openApp(TC), tap('Don’t allow'), tap('Take photo'), tap('While using the app'), finish],
    check: noLasting(CAMERA),
  },
  {
    id: 'answers: "allow once" on Settings’ "Allow only while using the app" (no one-time choice there)',
    item: '7',
    profile: 'hands-on',
    instruction: 'Let TrailCam use location, just this once.',
    answers: { location: { kind: 'allow_once' } },
    moves: [...appPerms('Location'), tap('Allow only while using the app'), finish],
    check: noLasting(FINE),
    maxSteps: 9,
  },
  {
    id: 'answers: Enter at the terminal shows the default and says what it does',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    user: t2.user,
    moves: [...locationDialog, finish],
    check: (o) => {
      const out: string[] = [];
      if (!/default/i.test(t2.printed())) out.push('the terminal did not show the default answer');
      const line = answerLine(o);
      if (!line) out.push('no ledger line for the question');
      else if (line.answerSource !== 'default') out.push(`the ledger says the answer came from ${line.answerSource}`);
      return out;
    },
  },
  {
    id: 'answers: the terminal closes (end of input) while heed asks',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    user: t3.user,
    moves: [...locationDialog, finish],
    hangS: 20,
    check: (o) => {
      const line = answerLine(o);
      return line?.answerSource === 'channel-closed' ? [] : [`recorded as ${JSON.stringify(line ?? 'nothing')}`];
    },
  },
  {
    id: 'answers: the approval page times out',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    user: () => new WebUser({ timeoutS: 0.3, announce: () => undefined }).start(),
    moves: [...locationDialog, finish],
    check: (o) => {
      const line = answerLine(o);
      return line?.answerSource === 'timeout' ? [] : [`a timeout recorded as ${JSON.stringify(line ?? 'nothing')}`];
    },
  },
  {
    id: 'answers: the approval page is closed while a request is open',
    item: '7',
    profile: 'hands-on',
    instruction: 'Take a photo of the trail with TrailCam.',
    user: async () => new ClosingWeb(await new WebUser({ timeoutS: 30, announce: () => undefined }).start()),
    moves: [...locationDialog, finish],
    check: (o) => {
      const line = answerLine(o);
      return line?.answerSource === 'channel-closed'
        ? []
        : [`a closed channel recorded as ${JSON.stringify(line ?? 'nothing')}`];
    },
  },
];
