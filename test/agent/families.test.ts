// Every model family through the real loop: the simulated phone behind Appium, a scripted model answering in the
// family's own grammar over HTTP through the openai client. A tap lands on the element the model aimed at, and a
// consent dialog met through a native reply is gated exactly as one met through heed's JSON.
import type { StepRecord } from '../../src/agent/recorder.js';
import { openDevice } from '../../src/device/open.js';
import { testConfig } from '../support/config.js';
import { FAMILY_NAMES } from '../../src/policy/families/index.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { promptOf, type ChatRequest } from '../support/fake-llm.js';
import { finishReply, jpegSize, lastImage, modelPoint, script, tapReply, type Size } from '../support/native.js';

const TRAILCAM = 'com.heed.trailcam';
type Centres = Record<string, { x: number; y: number }>;
let device: Size;
let dialog: Centres;

/** Where the elements are, in device pixels, on TrailCam's first screen (the location dialog): the layout is fixed. */
beforeAll(async () => {
  const d = await openDevice({ config: testConfig, device: 'sim', sim: { app: TRAILCAM } });
  try {
    const obs = await d.observe();
    device = obs.deviceSize;
    dialog = Object.fromEntries(
      obs.tree.elements
        .filter((e) => e.label)
        .map((e) => [
          e.label,
          { x: Math.round((e.bounds[0] + e.bounds[2]) / 2), y: Math.round((e.bounds[1] + e.bounds[3]) / 2) },
        ]),
    );
  } finally {
    await d.close();
  }
  expect(Object.keys(dialog)).toEqual(expect.arrayContaining(['While using the app', 'Don’t allow']));
});

/** A tap on the element with this label, in the family's grammar and coordinates, for the image it was sent. */
const tapOn = (family: string, label: string, sensitive?: string) => (req: ChatRequest) =>
  tapReply(family, modelPoint(family, dialog[label]!, device, jpegSize(lastImage(req))), sensitive);

describe('each model family through the real loop', () => {
  test.each(FAMILY_NAMES)(
    '%s: the location dialog is gated as for JSON, and the taps land where the model aimed',
    async (family) => {
      const steps: StepRecord[] = [];
      const run = await runWithScriptedModel({
        profile: 'privacy-first',
        family,
        sim: { app: TRAILCAM },
        onStep: (r) => steps.push(r),
        respond: script([
          tapOn(family, 'While using the app'),
          tapOn(family, 'Don’t allow'),
          () => finishReply(family),
        ]),
      });
      try {
        expect(run.result.outcome).toBe('success');
        // The same decisions a JSON reply gets (test/agent/loop.test.ts): the grant blocked by the profile, the denial
        // allowed as protective.
        expect(run.result.ledger.entries.map((e) => [e.category, e.grant, e.verdict, e.source])).toEqual([
          ['location', 'allow_foreground', 'block', 'profile'],
          ['location', 'deny', 'allow', 'protective'],
        ]);
        expect(steps.map((s) => s.target?.label)).toEqual(['While using the app', 'Don’t allow', undefined]);
        expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toMatch(
          /ACCESS_FINE_LOCATION: granted=false, flags=\[ USER_SET/,
        );
        expect(run.result.invalidProposals).toBe(0);
        // The model heard about the block in its own conversation.
        expect(promptOf(run.llm.requests[1]!) + JSON.stringify(run.llm.requests[1]!.messages)).toContain(
          'the profile denies location',
        );
        // Only heed's JSON family asks for heed's schema as structured output.
        expect(run.llm.requests[0]!.response_format !== undefined).toBe(family === 'json');
      } finally {
        await run.close();
      }
    },
  );
});
