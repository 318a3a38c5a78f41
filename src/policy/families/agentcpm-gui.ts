// AgentCPM-GUI (OpenBMB, MiniCPM-V based): one compact JSON object per step — `{"thought":"…","POINT":[x,y]}` a tap,
// with "duration" ≥ 1000 a long press, with "to" a swipe (a direction the finger moves, or a point), `{"PRESS":"BACK"}`,
// `{"TYPE":"…"}`, `{"duration":500}` a wait, `{"STATUS":"finish"}`; need_feedback and interrupt ask the user through
// heed. Points 0–1000; the image's long side resized to 1120 (OpenBMB/AgentCPM-GUI README.md#L60-L132,L226-L238,
// eval/utils/schema/schema.json). The template has no history: the question and the current screen.
import type { Action } from '../actions.js';
import { objectIn, stripThinking } from './envelope.js';
import { pathFrom } from './mobile-use.js';
import { pair, pointOf, xy } from './points.js';
import { ask, finished, image, instructionWithContext, nativeFrame, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

// eval/utils/schema/schema.json, with "thought" required (README "Build the input").
const SCHEMA =
  '{"type":"object","description":"执行操作并决定当前任务状态","additionalProperties":false,"properties":{"thought":{"type":"string","description":"智能体的思维过程"},"POINT":{"$ref":"#/$defs/Location","description":"点击屏幕上的指定位置"},"to":{"description":"移动，组合手势参数","oneOf":[{"enum":["up","down","left","right"],"description":"从当前点（POINT）出发，执行滑动手势操作，方向包括向上、向下、向左、向右"},{"$ref":"#/$defs/Location","description":"移动到某个位置"}]},"duration":{"type":"integer","description":"动作执行的时间或等待时间，毫秒","minimum":0,"default":200},"PRESS":{"type":"string","description":"触发特殊按键，HOME为回到主页按钮，BACK为返回按钮，ENTER为回车按钮","enum":["HOME","BACK","ENTER"]},"TYPE":{"type":"string","description":"输入文本"},"STATUS":{"type":"string","description":"当前任务的状态。特殊情况：satisfied，无需操作；impossible，任务无法完成；interrupt，任务中断；need_feedback，需要用户反馈；","enum":["continue","finish","satisfied","impossible","interrupt","need_feedback"],"default":"continue"}},"required":["thought"],"$defs":{"Location":{"type":"array","description":"坐标为相对于屏幕左上角位原点的相对位置，并且按照宽高比例缩放到0～1000，数组第一个元素为横坐标x，第二个元素为纵坐标y","items":{"type":"integer","minimum":0,"maximum":1000},"minItems":2,"maxItems":2}}}';

const SYSTEM = `# Role
你是一名熟悉安卓系统触屏GUI操作的智能体，将根据用户的问题，分析当前界面的GUI元素和布局，生成相应的操作。

# Task
针对用户问题，根据输入的当前屏幕截图，输出下一步的操作。

# Rule
- 以紧凑JSON格式输出
- 输出操作必须遵循Schema约束

# Schema
${SCHEMA}`;

function toAction(o: Record<string, unknown>): Action {
  const thought = typeof o.thought === 'string' ? o.thought : undefined;
  const status = typeof o.STATUS === 'string' ? o.STATUS : undefined;
  if (status === 'need_feedback' || status === 'interrupt') return ask(undefined, thought);
  if (o.POINT !== undefined) {
    const p = pointOf(o.POINT, 'POINT');
    if (o.to !== undefined) {
      if (typeof o.to === 'string') {
        const d = o.to.toLowerCase();
        if (!['up', 'down', 'left', 'right'].includes(d)) throw new ReplyError(`"to": "${o.to}" is not a direction`);
        return { action: 'swipe', ...pathFrom(p, d as 'up', 1000) };
      }
      return { action: 'swipe', from: pair(p), to: pair(pointOf(o.to, '"to"')) };
    }
    return Number(o.duration ?? 0) >= 1000 ? { action: 'long_press', ...xy(p) } : { action: 'tap', ...xy(p) };
  }
  if (typeof o.TYPE === 'string') return { action: 'type', text: o.TYPE };
  if (o.PRESS !== undefined) {
    const k = String(o.PRESS).toUpperCase();
    if (k === 'BACK') return { action: 'back' };
    if (k === 'HOME') return { action: 'home' };
    if (k === 'ENTER') return { action: 'key', key: 'enter' };
    throw new ReplyError(`PRESS "${o.PRESS}" is not HOME, BACK or ENTER`);
  }
  if (status === 'finish' || status === 'satisfied') return finished(undefined);
  if (status === 'impossible') return finished(undefined, 'infeasible');
  if (o.duration !== undefined)
    return { action: 'wait', seconds: Math.max(0.1, Math.min(30, Number(o.duration) / 1000)) };
  throw new ReplyError('the object has no POINT, TYPE, PRESS, duration or STATUS');
}

export function readAgentCpm(reply: string): Reading {
  const { rest } = stripThinking(reply);
  const o = objectIn(rest, 'JSON action');
  return { actions: [toAction(o)], ...(typeof o.thought === 'string' ? { thought: o.thought } : {}) };
}

export const agentCpmGui: Family = {
  name: 'agentcpm-gui',
  title: 'AgentCPM-GUI (OpenBMB, AgentCPM-GUI-8B)',
  models: /agentcpm-?gui/i,
  regime: 'norm1000',
  frame: nativeFrame(undefined, 1120),
  messages: (input) => [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: [text(`<Question>${instructionWithContext(input)}</Question>\n当前屏幕截图：`), image(input.image)],
    },
  ],
  read: readAgentCpm,
  reask: (error) =>
    `上一步的输出无法执行：${error}。请按Schema输出一个紧凑JSON。(The last output could not be executed; output one compact JSON object following the schema.)`,
};
