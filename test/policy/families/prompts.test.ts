// Each family's prompt in its own template: the resolution its tool states, how many screenshots it replays, where
// heed's context and the user's answers go.
import sharp from 'sharp';
import type { Observation } from '../../../src/device/device.js';
import { parseUiTree } from '../../../src/device/ui-tree.js';
import { familyNamed, NATIVE } from '../../../src/policy/families/index.js';
import type { Family, PastStep } from '../../../src/policy/families/types.js';
import type { Message } from '../../../src/policy/llm/client.js';
import { frameOptions, makeFrame, type Frame } from '../../../src/vision/frame.js';

const XML = `<hierarchy rotation="0"><node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.heed.trailcam" content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,0][1080,2400]" /></hierarchy>`;
const REDACT = { passwords: true, otp: true, notifications: true, messages: true, patterns: [] };

async function frameFor(f: Family): Promise<Frame> {
  const png = await sharp({ create: { width: 1080, height: 2400, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const obs: Observation = {
    screenshot: png,
    screenshotSize: { width: 1080, height: 2400 },
    deviceSize: { width: 1080, height: 2400 },
    pageSource: XML,
    tree: parseUiTree(XML),
    package: 'com.heed.trailcam',
    activity: '.MainActivity',
    at: 0,
  };
  return makeFrame(obs, REDACT, frameOptions({}, f.frame));
}

const textOf = (ms: Message[]) =>
  ms
    .map((m) =>
      typeof m.content === 'string' ? m.content : (m.content ?? []).map((p) => ('text' in p ? p.text : '')).join('\n'),
    )
    .join('\n');
const images = (ms: Message[]) =>
  ms
    .flatMap((m) => (Array.isArray(m.content) ? (m.content as { type: string }[]) : []))
    .filter((p) => p.type === 'image_url').length;

function input(f: Family, frame: Frame, past: PastStep[], notes: string[] = []) {
  return {
    instruction: 'Take a photo of the trail with TrailCam.',
    step: past.length + 1,
    frame,
    package: 'com.heed.trailcam',
    activity: '.MainActivity',
    tree: parseUiTree(XML),
    history: [],
    profileView: 'User: Ada. Privacy first.',
    memory: ['Deny location in com.heed.trailcam'],
    notes,
    image: `data:image/jpeg;base64,${frame.jpeg.toString('base64')}`,
    past,
    now: new Date('2026-05-04T10:00:00Z'),
    family: f.name,
  };
}

const past = (n: number, last = 'done'): PastStep[] =>
  Array.from({ length: n }, (_, i) => ({
    step: i + 1,
    image: 'data:image/jpeg;base64,AAAA',
    package: 'com.heed.trailcam',
    reply: `reply ${i + 1}`,
    action: 'tap x=1 y=2',
    outcome: i === n - 1 ? last : 'done',
  }));

describe('native prompts', () => {
  test('Qwen2.5-VL and GUI-Owl state the smart-resized resolution they are sent; Qwen3-VL 999x999, GUI-Owl-1.5 1000x1000', async () => {
    for (const [name, res] of [
      ['qwen2.5-vl', '1092x2408'],
      ['gui-owl', '1092x2408'],
      ['qwen3-vl', '999x999'],
      ['gui-owl-1.5', '1000x1000'],
    ] as const) {
      const f = familyNamed(name);
      const frame = await frameFor(f);
      const ms = f.messages(input(f, frame, []));
      expect(textOf(ms)).toContain(`The screen's resolution is ${res}.`);
      if (name === 'qwen2.5-vl' || name === 'gui-owl')
        expect(frame.geometry.image).toEqual({ width: 1092, height: 2408 });
    }
  });

  test.each(NATIVE.map((f) => [f.name, f] as const))(
    '%s: one current screenshot, heed’s context, no set-of-mark',
    async (_n, f) => {
      const frame = await frameFor(f);
      const ms = f.messages(input(f, frame, []));
      expect(images(ms)).toBe(1);
      expect(textOf(ms)).toContain('Take a photo of the trail with TrailCam.');
      expect(textOf(ms)).toContain('User: Ada. Privacy first.');
      expect(textOf(ms)).toContain('Deny location in com.heed.trailcam');
      expect(frameOptions({}, f.frame).setOfMark).toBe(false);
    },
  );

  test.each([
    ['ui-tars-1.5', 5],
    ['ui-tars-doubao', 5],
    ['seed', 5],
    ['mai-ui', 3],
    ['gui-owl-1.5', 5],
    ['autoglm', 1],
    ['qwen2.5-vl', 1],
    ['glm-v', 1],
    ['ui-venus', 1],
    ['agentcpm-gui', 1],
  ] as const)('%s replays at most %i screenshots in its history format', async (name, n) => {
    const f = familyNamed(name);
    const frame = await frameFor(f);
    expect(images(f.messages(input(f, frame, past(8))))).toBe(n);
  });

  test('multi-turn families replay every reply as an assistant turn and the user’s answer as a user turn', async () => {
    for (const name of ['ui-tars-1.5', 'mai-ui', 'autoglm', 'seed']) {
      const f = familyNamed(name);
      const ms = f.messages(input(f, await frameFor(f), past(3, 'the user answered: the north ridge')));
      expect(ms.filter((m) => m.role === 'assistant')).toHaveLength(3);
      const after = ms.findIndex(
        (m) =>
          m.role === 'assistant' &&
          m.content === (name === 'autoglm' ? '<think></think><answer>reply 3</answer>' : 'reply 3'),
      );
      expect(after).toBeGreaterThan(0);
      expect(ms[after + 1]).toMatchObject({ role: 'user', content: 'the north ridge' });
    }
  });

  test('text-history families say what heed blocked and what the user answered', async () => {
    for (const name of [
      'qwen2.5-vl',
      'glm-v',
      'os-atlas',
      'ui-venus',
      'agentcpm-gui',
      'showui',
      'aguvis',
      'gui-owl',
      'qwen3-vl',
    ]) {
      const f = familyNamed(name);
      const t = textOf(
        f.messages(
          input(f, await frameFor(f), past(1), [
            'heed blocked "tap" (location, allow_foreground): the profile denies location.',
          ]),
        ),
      );
      expect(t).toContain('heed blocked "tap" (location, allow_foreground): the profile denies location.');
    }
  });

  test('the date templates state the run’s date; Qwen2.5-VL’s history replays earlier tool calls as the cookbook prints them', async () => {
    const glm = familyNamed('autoglm');
    expect(textOf(glm.messages(input(glm, await frameFor(glm), [])))).toContain('今天的日期是: 2026年05月04日 星期一');
    const q = familyNamed('qwen2.5-vl');
    const step = {
      ...past(1)[0]!,
      reply: '<tool_call>\n{"name":"mobile_use","arguments":{"action":"open","text":"TrailCam"}}\n</tool_call>',
    };
    expect(textOf(q.messages(input(q, await frameFor(q), [step])))).toContain(
      'Step 1: {"name": "mobile_use", "arguments": {"action": "open", "text": "TrailCam"}}; ',
    );
  });
});
