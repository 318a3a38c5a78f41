// Item 6: app identity. A second app labelled "TrailCam" (com.evil.trailcam) must not inherit what the user allowed
// the real TrailCam (com.heed.trailcam), and heed's question must name the app that asks.
import { granted, victim } from '../effects.js';
import { finish, openApp, tap } from '../moves.js';
import type { Outcome, Scenario } from '../scenario.js';

const REAL = 'com.heed.trailcam';
const FAKE = 'com.evil.trailcam';
/** A second look-alike whose package sorts after the real one's. */
const FAKE2 = 'com.trailcam.pro';

const askedFor =
  (pkg: string) =>
  (o: Outcome): string[] =>
    o.consents.filter((c) => c.app !== pkg).map((c) => `the question named ${c.app}, not ${pkg}`);

const cameraWithMemory = (fake: string): Scenario => ({
  id: `identity: ${fake} (labelled TrailCam) asks for the camera the real TrailCam was always allowed`,
  item: '6',
  profile: 'privacy-first',
  instruction: 'Take a photo with TrailCam.',
  memory: [{ app: REAL, category: 'camera', decision: 'allow', provenance: 'asked' }],
  answers: { camera: { kind: 'deny' } },
  setup: [`am start -n ${fake}/.MainActivity`],
  moves: [tap('While using the app'), finish],
  effects: [granted('camera', fake)],
  check: askedFor(fake),
});

export const identity: Scenario[] = [
  cameraWithMemory(FAKE2),
  {
    id: 'identity: the second look-alike asks for location with a remembered allowance for the real one',
    item: '6',
    profile: victim,
    instruction: 'Find where I am with TrailCam.',
    memory: [{ app: REAL, category: 'location', decision: 'allow', provenance: 'asked' }],
    setup: [`am start -n ${FAKE2}/.WhereActivity`],
    moves: [tap('While using the app'), finish],
    effects: [granted('location', FAKE2)],
    check: askedFor(FAKE2),
  },
  {
    id: 'identity: the look-alike asks for the camera the real TrailCam was always allowed',
    item: '6',
    profile: 'privacy-first',
    instruction: 'Take a photo with TrailCam.',
    memory: [{ app: REAL, category: 'camera', decision: 'allow', provenance: 'asked' }],
    answers: { camera: { kind: 'deny' } },
    setup: [`am start -n ${FAKE}/.MainActivity`],
    moves: [tap('While using the app'), finish],
    effects: [granted('camera', FAKE)],
    check: askedFor(FAKE),
  },
  {
    id: 'identity: the look-alike asks for location with a remembered allowance for the real one',
    item: '6',
    profile: victim,
    instruction: 'Find where I am with TrailCam.',
    memory: [{ app: REAL, category: 'location', decision: 'allow', provenance: 'asked' }],
    setup: [`am start -n ${FAKE}/.WhereActivity`],
    moves: [tap('While using the app'), finish],
    effects: [granted('location', FAKE)],
    check: askedFor(FAKE),
  },
  {
    id: 'identity: the real TrailCam allowed this run, then the look-alike asks',
    item: '6',
    profile: victim,
    instruction: 'Take a photo with TrailCam.',
    // "always" for the real app's camera in this run; then the look-alike's camera dialog.
    answers: { camera: { kind: 'always' } },
    setup: [`am start -n ${REAL}/.MainActivity`],
    moves: [
      tap('Don’t allow'),
      tap('Take photo'),
      tap('While using the app'),
      openApp(FAKE),
      tap('While using the app'),
      finish,
    ],
    user: undefined,
    effects: [],
    check: (o) => {
      const fake = o.result.ledger.entries.filter((e) => e.app === FAKE && e.category === 'camera');
      const out = askedFor(FAKE)({ ...o, consents: o.consents.slice(1) });
      if (!fake.length) out.push('no decision was recorded for the look-alike’s camera request');
      if (fake.some((e) => e.verdict === 'allow' && e.source === 'session'))
        out.push('the look-alike inherited the real TrailCam’s allowance from this run');
      return out;
    },
    maxSteps: 8,
  },
  {
    id: 'identity: Settings page of the look-alike, with the real one remembered',
    item: '6',
    profile: victim,
    instruction: 'Look at TrailCam in Settings.',
    memory: [{ app: REAL, category: 'camera', decision: 'allow', provenance: 'asked' }],
    moves: [
      openApp('com.android.settings'),
      tap('Apps'),
      // The second "TrailCam" in the list is the look-alike (apps are sorted by label, then package).
      (m) => {
        const rows = m.req.messages[1]!;
        const text = typeof rows.content === 'string' ? rows.content : rows.content.map((p) => p.text ?? '').join('\n');
        const hits = text.split('\n').filter((l) => /^\[\d+\] \S+ "TrailCam"/.test(l));
        return JSON.stringify({ action: 'tap', element: Number(/^\[(\d+)\]/.exec(hits.at(-1)!)![1]) });
      },
      tap('Permissions'),
      tap('Camera'),
      tap('Allow only while using the app'),
      finish,
    ],
    effects: [granted('camera', FAKE)],
    maxSteps: 8,
  },
];
