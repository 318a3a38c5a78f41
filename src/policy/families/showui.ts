// ShowUI (showlab, ShowUI-2B, Qwen2-VL based): one Python-dict literal per action, `{'action': 'TAP', 'value': None,
// 'position': [0.49, 0.42]}`, positions 0–1, two-point actions [[x1,y1],[x2,y2]], often several dicts in one reply
// (showlab/ShowUI QUICK_START.md#L60-L186). The prompt is the AITW mobile template (data/template/aitw.py); the
// phone template's TAP / SWIPE / INPUT / ENTER / ANSWER are read too. Processor: 256·28² … 1344·28² pixels.
import type { Action } from '../actions.js';
import { objectsIn, stripThinking } from './envelope.js';
import { LiteralError, parseLiteral } from './pylit.js';
import { pair, pointOf, xy } from './points.js';
import { finished, image, instructionWithContext, nativeFrame, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const SYSTEM = `You are an assistant trained to navigate the mobile phone. 
Given a task instruction, a screen observation, and an action history sequence, 
output the next action and wait for the next observation. 
Here is the action space:
1. \`CLICK\`: Click on an element, value is not applicable and the position [x,y] is required. 
2. \`TYPE\`: Type a string into an element, value is a string to type and the position is not applicable.
3. \`SCROLL UP\`: Scroll up for the screen.
4. \`SCROLL DOWN\`: Scroll down for the screen.
5. \`SCROLL LEFT\`: Scroll left for the screen.
6. \`SCROLL RIGHT\`: Scroll right for the screen.
7. \`PRESS BACK\`: Press for returning to the previous step, value and position are not applicable.
8. \`PRESS HOME\`: Press for returning to the home screen, value and position are not applicable.
9. \`PRESS ENTER\`: Press for submitting the input content, value and position are not applicable.
10. \`STATUS TASK COMPLETE\`: Indicate the task is completed, value and position are not applicable.
11. \`STATUS TASK IMPOSSIBLE \`: Indicate the task is impossible to complete, value and position are not applicable.

Format the action as a dictionary with the following keys:
{'action': 'ACTION_TYPE', 'value': 'element', 'position': [x,y]}

If value or position is not applicable, set it as \`None\`.
Position represents the relative coordinates on the screenshot and should be scaled to a range of 0-1.
`;

function toAction(d: Record<string, unknown>): Action {
  const verb = String(d.action ?? '')
    .trim()
    .toUpperCase()
    .replace(/_/g, ' ');
  const value = d.value === null || d.value === undefined ? undefined : String(d.value);
  const at = () => pointOf(d.position, `${verb}'s position`);
  switch (verb) {
    case 'TAP':
    case 'CLICK':
      return { action: 'tap', ...xy(at()) };
    case 'INPUT':
    case 'TYPE':
      return { action: 'type', text: value ?? '', ...(Array.isArray(d.position) ? xy(at()) : {}) };
    case 'SWIPE': {
      const p = d.position as unknown[];
      if (!Array.isArray(p) || p.length !== 2) throw new ReplyError('SWIPE needs position [[x1,y1],[x2,y2]]');
      return { action: 'swipe', from: pair(pointOf(p[0], 'SWIPE’s start')), to: pair(pointOf(p[1], 'SWIPE’s end')) };
    }
    case 'SCROLL UP':
    case 'SCROLL DOWN':
    case 'SCROLL LEFT':
    case 'SCROLL RIGHT':
      return { action: 'scroll', direction: verb.slice(7).toLowerCase() as 'up' };
    case 'SCROLL': {
      const dir = (value ?? '').toLowerCase();
      if (!['up', 'down', 'left', 'right'].includes(dir))
        throw new ReplyError(`SCROLL value '${value}' is not a direction`);
      return { action: 'scroll', direction: dir as 'up' };
    }
    case 'ENTER':
    case 'PRESS ENTER':
      return { action: 'key', key: 'enter' };
    case 'PRESS BACK':
      return { action: 'back' };
    case 'PRESS HOME':
      return { action: 'home' };
    case 'ANSWER':
      return finished(value);
    case 'STATUS TASK COMPLETE':
      return finished(undefined);
    case 'STATUS TASK IMPOSSIBLE':
      return finished(undefined, 'infeasible');
    default:
      throw new ReplyError(`'${d.action}' is not a ShowUI phone action`);
  }
}

export function readShowUi(reply: string): Reading {
  const { rest, thought } = stripThinking(reply);
  const dicts = objectsIn(rest);
  // ShowUI's grounding prompt answers with the point alone, [x, y] in 0–1: the model named where it means.
  const point = /^\s*\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]\s*$/.exec(rest);
  if (!dicts.length && point) return { actions: [{ action: 'tap', x: Number(point[1]), y: Number(point[2]) }] };
  if (!dicts.length) throw new ReplyError("no {'action': …, 'value': …, 'position': …} dictionary was found");
  const actions = dicts.map((s) => {
    try {
      return toAction(parseLiteral(s) as Record<string, unknown>);
    } catch (e) {
      if (e instanceof LiteralError) throw new ReplyError(`${s.slice(0, 60)} is not a dictionary (${e.message})`);
      throw e;
    }
  });
  return { actions, ...(thought ? { thought } : {}) };
}

export const showUi: Family = {
  name: 'showui',
  title: 'ShowUI (showlab, ShowUI-2B)',
  models: /show-?ui/i,
  regime: 'norm1',
  frame: nativeFrame({ factor: 28, minPixels: 256 * 28 * 28, maxPixels: 1344 * 28 * 28 }),
  messages: (input) => {
    const history = input.past.length ? input.past.map((p) => stripThinking(p.reply).rest.trim()).join(', ') : 'None';
    return [
      {
        role: 'user',
        content: [
          text(SYSTEM),
          text(`Task: ${instructionWithContext(input)}`),
          text(`Action History: ${history}`),
          image(input.image),
        ],
      },
    ];
  },
  read: readShowUi,
  reask: (error) =>
    `The last action could not be executed: ${error}. Output the next action as one dictionary: {'action': 'ACTION_TYPE', 'value': 'element', 'position': [x,y]}`,
};
