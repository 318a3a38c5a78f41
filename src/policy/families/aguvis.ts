// Aguvis (xlang-ai, Qwen2-VL based): the reply is Python, `pyautogui.click(x=0.52, y=0.31)` with 0–1 floats, or a
// mobile plugin call `mobile.swipe(from_coord=[…], to_coord=[…])`, `mobile.back()`, `mobile.open_app(app_name=…)`,
// `mobile.terminate(status=…)`, possibly after an inner monologue (`all\nThought: …\nAction: …`) and around the
// special tokens <|recipient|> and <|diff_marker|> (xlang-ai/aguvis src/aguvis/constants.py; the mapping used by
// OpenBMB/AgentCPM-GUI eval/run_predict_aguvis.py#L218-L405, which warns that "the model will output unstable strings").
import type { Action } from '../actions.js';
import { stripTokens } from './envelope.js';
import { readCallAt, type Call } from './pylit.js';
import { pair, pointOf } from './points.js';
import { finished, image, instructionWithContext, nativeFrame, seconds, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const fn = (name: string, description: string, props?: Record<string, [string, string]>, required?: string[]) =>
  JSON.stringify({
    name,
    description,
    ...(props
      ? {
          parameters: {
            type: 'object',
            properties: Object.fromEntries(
              Object.entries(props).map(([k, [type, d]]) => [
                k,
                type === 'array' ? { type, items: { type: 'number' }, description: d } : { type, description: d },
              ]),
            ),
            required,
          },
        }
      : {}),
  });

const SYSTEM = `You are a GUI agent. You are given a task and a screenshot of the screen. You need to perform a series of pyautogui actions to complete the task.

You have access to the following functions:
- ${fn('mobile.swipe', 'Swipe on the screen', { from_coord: ['array', 'The starting coordinates of the swipe'], to_coord: ['array', 'The ending coordinates of the swipe'] }, ['from_coord', 'to_coord'])}
- ${fn('mobile.home', 'Press the home button')}
- ${fn('mobile.back', 'Press the back button')}
- ${fn('mobile.wait', 'wait for the change to happen', { seconds: ['number', 'The seconds to wait'] }, ['seconds'])}
- ${fn('mobile.long_press', 'Long press on the screen', { x: ['number', 'The x coordinate of the long press'], y: ['number', 'The y coordinate of the long press'] }, ['x', 'y'])}
- ${fn('mobile.open_app', 'Open an app on the device', { app_name: ['string', 'The name of the app to open'] }, ['app_name'])}
- ${fn('mobile.terminate', 'Terminate the current task and report its completion status', { status: ['string', 'success or failure'] }, ['status'])}
`;

const xyOf = (c: Call) => pointOf([c.kwargs.x ?? c.args[0], c.kwargs.y ?? c.args[1]], `${c.name}'s x, y`);

function toAction(c: Call): Action {
  const page = () => Number(c.kwargs.page ?? c.args[0]);
  switch (c.name) {
    case 'pyautogui.click':
    case 'pyautogui.tap':
      return { action: 'tap', x: xyOf(c).x, y: xyOf(c).y };
    case 'pyautogui.doubleClick':
      return { action: 'double_tap', x: xyOf(c).x, y: xyOf(c).y };
    case 'mobile.long_press':
      return { action: 'long_press', x: xyOf(c).x, y: xyOf(c).y };
    case 'pyautogui.write':
    case 'pyautogui.typewrite':
      return { action: 'type', text: String(c.kwargs.message ?? c.args[0] ?? '') };
    case 'pyautogui.press':
    case 'pyautogui.hotkey': {
      const k = String(c.kwargs.keys ?? c.kwargs.key ?? c.args[0] ?? '').toLowerCase();
      if (k === 'enter' || k === 'return') return { action: 'key', key: 'enter' };
      if (k === 'backspace') return { action: 'key', key: 'delete' };
      throw new ReplyError(`key '${k}' has no phone key`);
    }
    case 'pyautogui.scroll':
      // pyautogui: a positive page scrolls up (shows what is above).
      return { action: 'scroll', direction: page() > 0 ? 'up' : 'down' };
    case 'pyautogui.hscroll':
      return { action: 'scroll', direction: page() > 0 ? 'right' : 'left' };
    case 'mobile.swipe':
      return {
        action: 'swipe',
        from: pair(pointOf(c.kwargs.from_coord ?? c.args[0], 'swipe’s from_coord')),
        to: pair(pointOf(c.kwargs.to_coord ?? c.args[1], 'swipe’s to_coord')),
      };
    case 'mobile.home':
      return { action: 'home' };
    case 'mobile.back':
      return { action: 'back' };
    case 'mobile.wait':
      return { action: 'wait', seconds: seconds(c.kwargs.seconds ?? c.args[0], 2) };
    case 'mobile.open_app':
      return { action: 'open_app', app: String(c.kwargs.app_name ?? c.args[0] ?? '') };
    case 'mobile.terminate':
      return finished(
        undefined,
        /success/i.test(String(c.kwargs.status ?? c.args[0] ?? '')) ? 'success' : 'infeasible',
      );
    default:
      throw new ReplyError(`${c.name}(…) is not an action heed can take on a phone`);
  }
}

export function readAguvis(reply: string): Reading {
  const src = stripTokens(reply);
  const calls: Call[] = [];
  for (const m of src.matchAll(/\b(?:pyautogui|mobile)\.\w+\s*\(/g)) {
    const c = readCallAt(src, m.index!);
    if (c) calls.push(c);
  }
  if (!calls.length) throw new ReplyError('no pyautogui.… or mobile.… call was found');
  const thought = /Thought\s*[:：]\s*([\s\S]*?)(?=\n\s*Action\s*[:：]|$)/.exec(src)?.[1]?.trim();
  return { actions: calls.map(toAction), ...(thought ? { thought } : {}) };
}

export const aguvis: Family = {
  name: 'aguvis',
  title: 'Aguvis (xlang-ai, Aguvis-7B/72B)',
  models: /aguvis/i,
  regime: 'norm1',
  frame: nativeFrame(),
  messages: (input) => {
    const previous = input.past.length
      ? input.past.map((p, i) => `Step ${i + 1}: ${p.thought ?? p.action ?? ''}`).join('\n')
      : 'None';
    return [
      { role: 'system', content: SYSTEM },
      {
        role: 'user',
        content: [
          image(input.image),
          text(
            `Please generate the next move according to the ui screenshot, instruction and previous actions.\n\nInstruction: ${instructionWithContext(input)}\n\nPrevious actions:\n${previous}\n`,
          ),
        ],
      },
    ];
  },
  read: readAguvis,
  reask: (error) =>
    `The last reply could not be executed: ${error}. Reply with one line of code: a pyautogui.… or mobile.… call.`,
};
