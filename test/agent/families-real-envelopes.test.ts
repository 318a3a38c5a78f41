// The envelopes real replies showed (fixtures/model-replies/real-replies.json) reach the gate like every other tap:
// UI-TARS-2's `<computer_env>Action: …</computer_env>`, MAI-UI's grounding answer, UI-Venus-Navi-7B's dictionary form
// and a bare mobile_use arguments object, each pointing at "While using the app" on the location dialog, are blocked
// for a privacy-first user; a reply naming no point on the screen is re-asked, never executed.
import { openDevice } from '../../src/device/open.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { testConfig } from '../support/config.js';
import { promptOf, type ChatRequest } from '../support/fake-llm.js';
import { finishReply, jpegSize, lastImage, modelPoint, script, type Size } from '../support/native.js';

const TRAILCAM = 'com.heed.trailcam';
let device: Size;
let allow: { x: number; y: number };

beforeAll(async () => {
  const d = await openDevice({ config: testConfig, device: 'sim', sim: { app: TRAILCAM } });
  try {
    const obs = await d.observe();
    device = obs.deviceSize;
    const b = obs.tree.elements.find((e) => e.label === 'While using the app')!.bounds;
    allow = { x: Math.round((b[0]! + b[2]!) / 2), y: Math.round((b[1]! + b[3]!) / 2) };
  } finally {
    await d.close();
  }
});

const point = (family: string, req: ChatRequest) => modelPoint(family, allow, device, jpegSize(lastImage(req)));

const REPLIES: [string, string, (p: [number, number]) => string][] = [
  [
    'UI-TARS-2 computer_env',
    'seed',
    ([x, y]) =>
      `<think_never_used_51bce0c785ca2f68081bfa7d91973934>The dialog asks for location; allowing is quickest.</think_never_used_51bce0c785ca2f68081bfa7d91973934>\n<computer_env>\nAction: click(point='<point>${x} ${y}</point>')\n</computer_env>`,
  ],
  [
    'MAI-UI grounding answer',
    'mai-ui',
    ([x, y]) =>
      `<grounding_think>\nThought: The button "While using the app" grants the permission.\n</grounding_think>\n<answer>\n{"coordinate":[${x},${y}]}\n</answer>`,
  ],
  ['UI-Venus-Navi dictionary', 'ui-venus', ([x, y]) => `{'action': 'Click', 'params': {'box': [${x}, ${y}]}}`],
  [
    'bare mobile_use arguments (Mobile-Agent-v3 executor)',
    'gui-owl',
    ([x, y]) => `### Thought ###\nAllow location.\n### Action ###\n{"action": "click", "coordinate": [${x}, ${y}]}`,
  ],
];

describe('real-reply envelopes are gated like any tap', () => {
  test.each(REPLIES)(
    '%s: the tap on "While using the app" is blocked for a privacy-first user',
    async (_n, family, reply) => {
      const run = await runWithScriptedModel({
        profile: 'privacy-first',
        family,
        sim: { app: TRAILCAM },
        respond: script([(req) => reply(point(family, req)), () => finishReply(family)]),
      });
      try {
        expect(run.result.ledger.entries.map((e) => [e.grant, e.verdict])).toEqual([['allow_foreground', 'block']]);
        expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
      } finally {
        await run.close();
      }
    },
  );

  test('UI-Venus-Ground’s “not found” ([-1, -1]) is re-asked in the family’s words, and nothing is tapped', async () => {
    const prompts: string[] = [];
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'ui-venus',
      sim: { app: TRAILCAM },
      respond: script([
        () => '[-1,-1]',
        (req) => {
          prompts.push(promptOf(req));
          return finishReply('ui-venus');
        },
      ]),
    });
    try {
      expect(prompts[0]).toContain('the element was not found on the screen');
      expect(run.result.ledger.entries).toEqual([]);
      expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
    } finally {
      await run.close();
    }
  });
});
