// Consent stays heed's whatever the family: a native "ask the user" goes through heed's user channel, AutoGLM's
// sensitive tap makes the gate ask, a swipe that stays on a button is gated as the tap it is, Enter in a form is gated
// as the screen's Send, malformed replies are re-asked in the family's words and never executed, and of several
// actions only the first runs.
import type { StepRecord } from '../../src/agent/recorder.js';
import { openDevice } from '../../src/device/open.js';
import { testConfig } from '../support/config.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { indexOf, promptOf, type ChatRequest } from '../support/fake-llm.js';
import { finishReply, jpegSize, lastImage, modelPoint, script, tapReply, type Size } from '../support/native.js';

const TRAILCAM = 'com.heed.trailcam';
const MESSAGES = 'com.heed.messages';
const GRANT_CONTACTS = `pm grant ${MESSAGES} android.permission.READ_CONTACTS`;
type Centres = Record<string, { x: number; y: number }>;
let device: Size;
let dialog: Centres;
let compose: Centres;
let inbox: Centres;
/** Bounds (device pixels) of "While using the app". */
let allowBox: number[];

const centres = (tree: { elements: { label: string; bounds: number[] }[] }): Centres =>
  Object.fromEntries(
    tree.elements
      .filter((e) => e.label)
      .map((e) => [
        e.label,
        { x: Math.round((e.bounds[0]! + e.bounds[2]!) / 2), y: Math.round((e.bounds[1]! + e.bounds[3]!) / 2) },
      ]),
  );

beforeAll(async () => {
  const d = await openDevice({ config: testConfig, device: 'sim', sim: { app: TRAILCAM } });
  try {
    const obs = await d.observe();
    device = obs.deviceSize;
    dialog = centres(obs.tree);
    allowBox = obs.tree.elements.find((e) => e.label === 'While using the app')!.bounds;
  } finally {
    await d.close();
  }
  const m = await openDevice({ config: testConfig, device: 'sim', sim: { setup: [GRANT_CONTACTS], app: MESSAGES } });
  try {
    inbox = centres((await m.observe()).tree);
    await m.perform({ kind: 'tap', ...inbox['Start chat']! });
    compose = centres((await m.observe()).tree);
  } finally {
    await m.close();
  }
  expect(Object.keys(compose)).toEqual(expect.arrayContaining(['Text message', 'Send']));
});

const at = (family: string, where: Centres, label: string) => (req: ChatRequest) =>
  modelPoint(family, where[label]!, device, jpegSize(lastImage(req)));
const tapOn = (family: string, label: string, sensitive?: string) => (req: ChatRequest) =>
  tapReply(family, at(family, dialog, label)(req), sensitive);

describe('consent stays heed’s in every grammar', () => {
  test('AutoGLM’s sensitive Tap(…, message=…) makes the gate ask where the profile alone would allow', async () => {
    const plain = await runWithScriptedModel({
      profile: 'utility-first',
      family: 'autoglm',
      sim: { app: TRAILCAM },
      respond: script([tapOn('autoglm', 'While using the app'), () => finishReply('autoglm')]),
    });
    const flagged = await runWithScriptedModel({
      profile: 'utility-first',
      family: 'autoglm',
      sim: { app: TRAILCAM },
      respond: script([tapOn('autoglm', 'While using the app', '重要操作'), () => finishReply('autoglm')]),
    });
    try {
      expect((plain.user as ScriptedUser).requests).toHaveLength(0);
      expect(plain.result.ledger.entries.map((e) => [e.verdict, e.source])).toEqual([['allow', 'profile']]);
      expect((flagged.user as ScriptedUser).requests).toHaveLength(1);
      expect(flagged.result.ledger.entries[0]).toMatchObject({
        category: 'location',
        grant: 'allow_foreground',
        source: 'user',
      });
      expect(flagged.result.consentRequests).toBe(1);
    } finally {
      await plain.close();
      await flagged.close();
    }
  });

  test('a swipe that starts and ends on "While using the app" is gated as a tap on it (Qwen2.5-VL swipe)', async () => {
    const swipe = (req: ChatRequest) => {
      const [x, y] = at('qwen2.5-vl', dialog, 'While using the app')(req);
      return `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "swipe", "coordinate": [${x}, ${y}], "coordinate2": [${x + 12}, ${y + 1}]}}\n</tool_call>`;
    };
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'qwen2.5-vl',
      sim: { app: TRAILCAM },
      respond: script([swipe, tapOn('qwen2.5-vl', 'Don’t allow'), () => finishReply('qwen2.5-vl')]),
    });
    try {
      expect(run.result.ledger.entries.map((e) => [e.grant, e.verdict, e.source])).toEqual([
        ['allow_foreground', 'block', 'profile'],
        ['deny', 'allow', 'protective'],
      ]);
      expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
    } finally {
      await run.close();
    }
  });

  test('a swipe that ends just past the button’s edge (within touch slop) is still that tap', async () => {
    const swipe = (req: ChatRequest) => {
      const img = jpegSize(lastImage(req));
      const [x, y] = at('qwen2.5-vl', dialog, 'While using the app')(req);
      const [, y2] = modelPoint(
        'qwen2.5-vl',
        { x: dialog['While using the app']!.x, y: allowBox[3]! + 10 },
        device,
        img,
      );
      return `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "swipe", "coordinate": [${x}, ${y}], "coordinate2": [${x}, ${y2}]}}\n</tool_call>`;
    };
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'qwen2.5-vl',
      sim: { app: TRAILCAM },
      respond: script([swipe, () => finishReply('qwen2.5-vl')]),
    });
    try {
      expect(run.result.ledger.entries.map((e) => [e.grant, e.verdict])).toEqual([['allow_foreground', 'block']]);
    } finally {
      await run.close();
    }
  });

  test('"typing into" a button taps it, and is gated as that tap (heed JSON by index, ShowUI INPUT at its position)', async () => {
    for (const [family, move] of [
      [
        'json',
        (req: ChatRequest) =>
          JSON.stringify({ action: 'type', element: indexOf(req, 'While using the app'), text: 'x' }),
      ],
      [
        'showui',
        (req: ChatRequest) => {
          const [x, y] = at('showui', dialog, 'While using the app')(req);
          return `{'action': 'INPUT', 'value': 'x', 'position': [${x}, ${y}]}`;
        },
      ],
    ] as const) {
      const run = await runWithScriptedModel({
        profile: 'privacy-first',
        family,
        sim: { app: TRAILCAM },
        respond: script([move, () => finishReply(family)]),
      });
      try {
        expect(run.result.ledger.entries.map((e) => [e.category, e.grant, e.verdict, e.source])).toEqual([
          ['location', 'allow_foreground', 'block', 'profile'],
        ]);
        expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
      } finally {
        await run.close();
      }
    }
  });

  test('UI-TARS call_user asks through heed’s user channel, and the answer comes back as a user turn', async () => {
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'ui-tars-doubao',
      sim: { app: TRAILCAM },
      respond: script([
        () => "Thought: I should ask.\nAction: call_user(content='Should TrailCam know where you are?')",
        tapOn('ui-tars-doubao', 'Don’t allow'),
        () => finishReply('ui-tars-doubao'),
      ]),
    });
    try {
      const user = run.user as ScriptedUser;
      expect(user.asked.map((q) => q.question)).toEqual(['Should TrailCam know where you are?']);
      const second = run.llm.requests[1]!.messages;
      const i = second.findIndex((m) => m.role === 'assistant');
      expect(second[i + 1]).toMatchObject({ role: 'user', content: expect.stringContaining("please don't guess") });
      expect(run.result.questions).toBe(1);
      expect(run.result.ledger.entries.map((e) => e.grant)).toEqual(['deny']);
    } finally {
      await run.close();
    }
  });

  test('Enter after typing in a form is gated as the screen’s Send (UI-TARS type(content=…\\n))', async () => {
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'ui-tars-doubao',
      sim: { app: MESSAGES },
      setup: [GRANT_CONTACTS],
      instruction: 'Text Mum that I am on my way.',
      user: (p) => new ScriptedUser(p, { data_sharing_publish: { kind: 'deny' } }),
      respond: script([
        (req) => tapReply('ui-tars-doubao', at('ui-tars-doubao', inbox, 'Start chat')(req)),
        (req) => tapReply('ui-tars-doubao', at('ui-tars-doubao', compose, 'Text message')(req)),
        () => "Thought: send it.\nAction: type(content='On my way\\n')",
        () => finishReply('ui-tars-doubao'),
      ]),
    });
    try {
      const user = run.user as ScriptedUser;
      expect(user.requests.map((r) => r.category)).toEqual(['data_sharing_publish']);
      expect(user.requests[0]!.evidence).toMatch(/pressing Enter submits this screen/);
      expect(run.result.ledger.entries.map((e) => [e.category, e.verdict, e.source])).toEqual([
        ['data_sharing_publish', 'block', 'user'],
      ]);
      expect(await run.device.shell('content query --uri content://sms/sent')).not.toContain('On my way');
    } finally {
      await run.close();
    }
  });
});

describe('malformed and multi-action replies', () => {
  test("start_box='=' and a point outside the image are re-asked in the family’s words, never executed", async () => {
    const steps: StepRecord[] = [];
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      family: 'ui-tars-1.5',
      sim: { app: TRAILCAM },
      onStep: (r) => steps.push(r),
      respond: script([
        () => "Thought: tap allow\nAction: click(start_box='=')",
        () => "Thought: tap allow\nAction: click(start_box='(5000,100)')",
        tapOn('ui-tars-1.5', 'Don’t allow'),
        () => finishReply('ui-tars-1.5'),
      ]),
    });
    try {
      const asked = run.llm.requests.map(promptOf);
      expect(asked[1]).toMatch(
        /^Your last reply could not be executed: click's start_box '=' is not a point[\s\S]*Thought: \.\.\.\nAction: \.\.\.$/,
      );
      expect(asked[2]).toMatch(/\(5000, 100\) is outside the image, whose coordinates run 0–1092 × 0–2408/);
      expect(steps[0]!.proposal.attempts).toBe(3);
      expect(steps[0]!.target?.label).toBe('Don’t allow');
      expect(run.result.ledger.entries.map((e) => e.grant)).toEqual(['deny']);
    } finally {
      await run.close();
    }
  });

  test('of several actions in one reply the first runs and the rest are recorded in the step', async () => {
    const steps: StepRecord[] = [];
    const two = (req: ChatRequest) => {
      const d = at('ui-tars-doubao', dialog, 'Don’t allow')(req);
      const a = at('ui-tars-doubao', dialog, 'While using the app')(req);
      return `Thought: both\nAction: click(point='<point>${d[0]} ${d[1]}</point>')\n\nclick(point='<point>${a[0]} ${a[1]}</point>')`;
    };
    const run = await runWithScriptedModel({
      profile: 'utility-first',
      family: 'ui-tars-doubao',
      sim: { app: TRAILCAM },
      onStep: (r) => steps.push(r),
      respond: script([two, () => finishReply('ui-tars-doubao')]),
    });
    try {
      expect(steps[0]!.target?.label).toBe('Don’t allow');
      expect(steps[0]!.proposal.ignored).toEqual([expect.stringMatching(/^tap x=\d+(\.\d+)? y=\d+(\.\d+)?$/)]);
      expect(run.result.ledger.entries.map((e) => e.grant)).toEqual(['deny']);
      expect(await run.device.shell(`dumpsys package ${TRAILCAM}`)).toContain('ACCESS_FINE_LOCATION: granted=false');
    } finally {
      await run.close();
    }
  });
});
