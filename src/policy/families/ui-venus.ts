// UI-Venus (inclusionAI): `<think>…</think>\n<action>Click(box=(x1,y1))</action>\n<conclusion>…</conclusion>` with
// CamelCase calls (inclusionAI/UI-Venus models/navigation/utils.py#L49-L87). UI-Venus 1.0 (Navi-7B/72B, Qwen2.5-VL
// based) points in pixels of the smart-resized image (factor 28, 3136 … 12 845 056; ui_venus_navi_agent.py#L81-L130);
// UI-Venus-1.5 in a 1000×1000 space (Venus_framework/policy/ui_venus_policy.py#L186-L220). CallUser (asking, or
// replying to a question) goes to the user through heed. History: "Step i: <think>…</think><action>…</action>".
import type { Action } from '../actions.js';
import { stripThinking, tags } from './envelope.js';
import { LiteralError, readCalls, readValue } from './pylit.js';
import { pair, pointOf, xy } from './points.js';
import { ask, finished, image, instructionWithContext, nativeFrame, QWEN25_RESIZE, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const PROMPT = (task: string, previous: string) => `
**You are a GUI Agent.** 
Your task is to analyze a given user task, review current screenshot and previous actions, and determine the next action to complete the task.

### Available Actions
You may execute one of the following functions:
- Click(box=(x1,y1))
- Drag(start=(x1,y1), end=(x2,y2))
- Scroll(start=(x1,y1), end=(x2,y2))
- Type(content='')
- Launch(app='')
- Wait()
- Finished(content='')
- CallUser(content='')
- LongPress(box=(x1,y1))
- PressBack()
- PressHome()
- PressEnter()
- PressRecent()

### User Task
${task}

### Previous Actions
${previous}

### Output Format
<think> your thinking process </think>
<action> the next action </action>
<conclusion> the conclusion about the next action </conclusion>

### Instruction
- Make sure you understand the task goal to avoid wrong actions.
- Make sure you carefully examine the the current screenshot. Sometimes the summarized history might not be reliable, over-claiming some effects.
- For requests that are questions (or chat messages), remember to use the \`CallUser\` action to reply to user explicitly before finishing! Then, after you have replied, use the Finished action if the goal is achieved.
- Consider exploring the screen by using the \`scroll\` action with different directions to reveal additional content.
- To copy some text: first select the exact text you want to copy, which usually also brings up the text selection bar, then click the \`copy\` button in bar.
- To paste text into a text box, first long press the text box, then usually the text selection bar will appear with a \`paste\` button in it.
`;

/** Action names as the prompt spells them, by their letters alone: `LongPress`, `long_press` and `longpress` are one. */
const NAMES = new Map(
  [
    'Click',
    'DoubleClick',
    'LongPress',
    'Drag',
    'Scroll',
    'Swipe',
    'Type',
    'Launch',
    'LaunchApp',
    'Wait',
    'Finished',
    'Answer',
    'CallUser',
    'PressBack',
    'PressHome',
    'PressEnter',
    'PressRecent',
  ].map((n) => [n.toLowerCase(), n]),
);
const canonical = (name: string) => NAMES.get(name.replace(/[\s_-]/g, '').toLowerCase()) ?? name;

function toAction(raw: string, p: Record<string, unknown>, thought?: string): Action {
  const name = canonical(raw);
  const box = () => pointOf(p.box ?? p.point ?? p._, `${name}'s box`);
  const path = (): Action => ({
    action: 'swipe',
    from: pair(pointOf(p.start, `${name}'s start`)),
    to: pair(pointOf(p.end, `${name}'s end`)),
  });
  switch (name) {
    case 'Click':
      return { action: 'tap', ...xy(box()) };
    case 'DoubleClick':
      return { action: 'double_tap', ...xy(box()) };
    case 'LongPress':
      return { action: 'long_press', ...xy(box()) };
    case 'Drag':
    case 'Swipe':
      return path();
    case 'Scroll': {
      if (p.start !== undefined) return path();
      const d = String(p.direction ?? '').toLowerCase();
      if (!['up', 'down', 'left', 'right'].includes(d)) throw new ReplyError('Scroll needs start and end');
      return { action: 'scroll', direction: d as 'up' };
    }
    case 'Type':
      return { action: 'type', text: String(p.content ?? p._ ?? '') };
    case 'Launch':
    case 'LaunchApp':
      return { action: 'open_app', app: String(p.app ?? p.app_name ?? p._ ?? '') };
    case 'Wait':
      return { action: 'wait', seconds: 2 };
    case 'Finished':
      return finished(p.content ?? p._);
    case 'CallUser':
      return ask(p.content ?? p._, thought);
    case 'Answer':
      return { action: 'answer', text: String(p.content ?? p.text ?? p._ ?? '') };
    case 'PressBack':
      return { action: 'back' };
    case 'PressHome':
      return { action: 'home' };
    case 'PressEnter':
      return { action: 'key', key: 'enter' };
    case 'PressRecent':
      return { action: 'key', key: 'app_switch' };
    default:
      throw new ReplyError(`${name}(…) is not a UI-Venus mobile action`);
  }
}

/** The dictionary a text starts with, or undefined. */
function dictAt(text: string): Record<string, unknown> | undefined {
  try {
    const [v] = readValue(text, 0);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch (e) {
    if (e instanceof LiteralError) return undefined;
    throw e;
  }
}

/** A call's parameters, with a `params={…}` dictionary (a slip UI-Venus-Navi-7B makes) opened up. */
function paramsOf(args: unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  const { params, ...rest } = kwargs;
  const inner = params && typeof params === 'object' && !Array.isArray(params) ? params : {};
  return { _: args[0], ...(inner as Record<string, unknown>), ...rest };
}

export function readVenus(reply: string): Reading {
  const { rest, thought } = stripThinking(reply);
  const body = (tags(rest, 'action')[0] ?? rest.replace(/<conclusion>[\s\S]*$/, '')).trim();
  const calls = readCalls(body);
  if (calls.length)
    return { actions: calls.map((c) => toAction(c.name, paramsOf(c.args, c.kwargs), thought)), thought };
  // UI-Venus-Ground answers with the point alone: [x, y], a box [x1, y1, x2, y2] or [x1, y1], [x2, y2]; [-1, -1]
  // means it did not find the element.
  if (/^\[[-\d\s.,[\]]+\]$/.test(body)) {
    const n = (body.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (n.length && n.every((v) => v < 0)) throw new ReplyError('the element was not found on the screen ([-1, -1])');
    return { actions: [{ action: 'tap', ...xy(pointOf(n, 'the point')) }], thought };
  }
  // UI-Venus-Navi-7B sometimes writes the call as a dictionary: {'action': 'Click', 'params': {'box': [x, y]}}.
  const o = body.startsWith('{') ? dictAt(body) : undefined;
  if (o && typeof o.action === 'string')
    return { actions: [toAction(o.action, paramsOf([], { params: o.params }), thought)], thought };
  throw new ReplyError('no <action>Name(…)</action> was found');
}

function venus(name: string, title: string, models: RegExp, regime: Family['regime']): Family {
  return {
    name,
    title,
    models,
    regime,
    frame: nativeFrame(QWEN25_RESIZE),
    messages: (input) => {
      const previous = input.past
        .map((p, i) => {
          const { rest, thought } = stripThinking(p.reply);
          return `Step ${i}: <think>${thought ?? ''}</think><action>${tags(rest, 'action')[0] ?? ''}</action>`;
        })
        .join('\n');
      return [{ role: 'user', content: [text(PROMPT(instructionWithContext(input), previous)), image(input.image)] }];
    },
    read: readVenus,
    reask: (error) =>
      `The last action could not be executed: ${error}. Answer again as <think> ... </think>\n<action> one function call </action>\n<conclusion> ... </conclusion>`,
  };
}

export const uiVenus = venus('ui-venus', 'UI-Venus 1.0 (inclusionAI, UI-Venus-Navi-7B/72B)', /ui-?venus(?!-?1\.5)/i, {
  resized: QWEN25_RESIZE,
});

export const uiVenus15 = venus('ui-venus-1.5', 'UI-Venus-1.5 (inclusionAI)', /ui-?venus-?1\.5/i, 'norm1000');
