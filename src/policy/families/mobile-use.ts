// The `mobile_use` function of Qwen2.5-VL, Qwen3-VL, GUI-Owl and MAI-UI: a Nous/Hermes tool-call envelope,
// `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [x, y]}}\n</tool_call>`, and
// one argument vocabulary (QwenLM/Qwen2.5-VL cookbooks/utils/agent_function_call.py; Tongyi-MAI/MAI-UI src/prompt.py;
// X-PLUG/MobileAgent Mobile-Agent-v3.5/mobile_use/utils.py). Asking (`ask_user`, `interact`, `call_user`) becomes
// heed's own question; `terminate` and `answer` become finish / answer.
import type { Action } from '../actions.js';
import { objectIn, tags } from './envelope.js';
import { pair, pointOf, xy } from './points.js';
import { ask, finished, seconds, typed } from './shared.js';
import { ReplyError } from './types.js';

export interface ToolAction {
  name: string;
  /** The line of the tool description that explains it. */
  doc: string;
}

/** Descriptions as the Qwen cookbooks write them. */
export const DOCS: Record<string, string> = {
  key: '* `key`: Perform a key event on the mobile device.\n    - This supports adb\'s `keyevent` syntax.\n    - Examples: "volume_up", "volume_down", "power", "camera", "clear".',
  click: '* `click`: Click the point on the screen with coordinate (x, y).',
  long_press: '* `long_press`: Press the point on the screen with coordinate (x, y) for specified seconds.',
  swipe: '* `swipe`: Swipe from the starting point with coordinate (x, y) to the end point with coordinates2 (x2, y2).',
  type: '* `type`: Input the specified text into the activated input box.',
  answer: '* `answer`: Output the answer.',
  system_button: '* `system_button`: Press the system button.',
  open: '* `open`: Open an app on the device.',
  wait: '* `wait`: Wait specified seconds for the change to happen.',
  interact: '* `interact`: Resolve the blocking window by interacting with the user.',
  terminate: '* `terminate`: Terminate the current task and report its completion status.',
};

/** Python's json.dumps with default separators, which the Qwen templates print. */
export function pyJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v);
}

/** The mobile_use function description with the screen resolution the model is to think in. */
export function mobileUseTool(
  resolution: string,
  actions: string[],
  opts: { humanName?: boolean; docs?: Record<string, string>; textDoc?: string } = {},
): Record<string, unknown> {
  const docs = { ...DOCS, ...opts.docs };
  return {
    type: 'function',
    function: {
      ...(opts.humanName ? { name_for_human: 'mobile_use' } : {}),
      name: 'mobile_use',
      description: `Use a touchscreen to interact with a mobile device, and take screenshots.
* This is an interface to a mobile device with touchscreen. You can perform actions like clicking, typing, swiping, etc.
* Some applications may take time to start or process actions, so you may need to wait and take successive screenshots to see the results of your actions.
* The screen's resolution is ${resolution}.
* Make sure to click any buttons, links, icons, etc with the cursor tip in the center of the element. Don't click boxes on their edges unless asked.`,
      parameters: {
        properties: {
          action: {
            description: `The action to perform. The available actions are:\n${actions.map((a) => docs[a]).join('\n')}`,
            enum: actions,
            type: 'string',
          },
          coordinate: {
            description:
              '(x, y): The x (pixels from the left edge) and y (pixels from the top edge) coordinates to move the mouse to. Required only by `action=click`, `action=long_press`, and `action=swipe`.',
            type: 'array',
          },
          coordinate2: {
            description:
              '(x, y): The x (pixels from the left edge) and y (pixels from the top edge) coordinates to move the mouse to. Required only by `action=swipe`.',
            type: 'array',
          },
          text: {
            description:
              opts.textDoc ??
              `Required only by ${actions
                .filter((a) => ['key', 'type', 'open', 'answer', 'interact'].includes(a))
                .map((a) => `\`action=${a}\``)
                .join(', ')}.`,
            type: 'string',
          },
          time: {
            description: 'The seconds to wait. Required only by `action=long_press` and `action=wait`.',
            type: 'number',
          },
          button: {
            description:
              'Back means returning to the previous interface, Home means returning to the desktop, Menu means opening the application background menu, and Enter means pressing the enter. Required only by `action=system_button`',
            enum: ['Back', 'Home', 'Menu', 'Enter'],
            type: 'string',
          },
          status: {
            description: 'The status of the task. Required only by `action=terminate`.',
            type: 'string',
            enum: ['success', 'failure'],
          },
        },
        required: ['action'],
        type: 'object',
      },
      ...(opts.humanName ? { args_format: 'Format the arguments as a JSON object.' } : {}),
    },
  };
}

/** The Nous function-calling system text qwen-agent builds around tools. */
export function nousSystem(tools: Record<string, unknown>[], preamble = 'You are a helpful assistant.'): string {
  return `${preamble}

# Tools

You may call one or more functions to assist with the user query.

You are provided with function signatures within <tools></tools> XML tags:
<tools>
${tools.map(pyJson).join('\n')}
</tools>

For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:
<tool_call>
{"name": <function-name>, "arguments": <args-json-object>}
</tool_call>`;
}

/** The arguments of every mobile_use call in a reply, in order (several <tool_call> blocks, or a bare object). */
export function toolCalls(reply: string): Record<string, unknown>[] {
  const blocks = tags(reply, 'tool_call').filter((b) => b.includes('{'));
  const sources = blocks.length ? blocks : reply.includes('"arguments"') ? [reply] : [];
  if (!sources.length) throw new ReplyError('no <tool_call> with a mobile_use call was found');
  return sources.map((s) => {
    const call = objectIn(s, 'tool call object');
    const args = typeof call.arguments === 'string' ? objectIn(call.arguments, 'arguments object') : call.arguments;
    if (!args || typeof args !== 'object') throw new ReplyError('the tool call has no "arguments" object');
    return args as Record<string, unknown>;
  });
}

const KEY_NAMES: Record<string, Action> = {
  enter: { action: 'key', key: 'enter' },
  back: { action: 'back' },
  home: { action: 'home' },
  menu: { action: 'key', key: 'menu' },
  volume_up: { action: 'key', key: 'volume_up' },
  volume_down: { action: 'key', key: 'volume_down' },
  del: { action: 'key', key: 'delete' },
  delete: { action: 'key', key: 'delete' },
  app_switch: { action: 'key', key: 'app_switch' },
  recent: { action: 'key', key: 'app_switch' },
};

const FINGER = ['up', 'down', 'left', 'right'] as const;

export interface VocabOptions {
  thought?: string;
  /** `answer` ends the task with the answer (GUI-Owl: "Terminate the current task and output the answer"). */
  answerEnds?: boolean;
  /** Size of the coordinate space, for a swipe given as a direction from an anchor point (MAI-UI). */
  space?: number;
}

/** A finger path of 30 % of the space from an anchor point, clamped into the space. */
export function pathFrom(anchor: { x: number; y: number }, d: (typeof FINGER)[number], space: number) {
  const step = space * 0.3;
  const to = {
    x: anchor.x + (d === 'right' ? step : d === 'left' ? -step : 0),
    y: anchor.y + (d === 'down' ? step : d === 'up' ? -step : 0),
  };
  const clamp = (v: number) => Math.min(space, Math.max(0, v));
  return { from: pair(anchor), to: [clamp(to.x), clamp(to.y)] as [number, number] };
}

export function mobileUseAction(a: Record<string, unknown>, o: VocabOptions = {}): Action {
  const name = String(a.action ?? '')
    .trim()
    .toLowerCase();
  const at = (k = 'coordinate') => pointOf(a[k], `${name}'s ${k}`);
  switch (name) {
    case 'click':
    case 'tap':
    case 'left_click':
      return { action: 'tap', ...xy(at()) };
    case 'double_click':
    case 'double_tap':
      return { action: 'double_tap', ...xy(at()) };
    case 'long_press':
      return { action: 'long_press', ...xy(at()) };
    case 'swipe':
    case 'scroll': {
      if (a.coordinate2 !== undefined) return { action: 'swipe', from: pair(at()), to: pair(at('coordinate2')) };
      const d = String(a.direction ?? '').toLowerCase() as (typeof FINGER)[number];
      if (!FINGER.includes(d))
        throw new ReplyError(`${name} needs coordinate2, or a direction up, down, left or right`);
      if (a.coordinate === undefined) return { action: 'swipe', direction: d };
      if (!o.space) throw new ReplyError(`${name} needs coordinate2 (where the finger lifts)`);
      return { action: 'swipe', ...pathFrom(at(), d, o.space) };
    }
    case 'drag':
      return { action: 'swipe', from: pair(at('start_coordinate')), to: pair(at('end_coordinate')) };
    case 'type':
      return typed(a.text ?? '');
    case 'key': {
      const k = KEY_NAMES[String(a.text ?? '').toLowerCase()];
      if (!k)
        throw new ReplyError(
          `key '${a.text}' is not one heed presses (enter, back, home, menu, volume_up, volume_down, del)`,
        );
      return k;
    }
    case 'system_button': {
      const k = KEY_NAMES[String(a.button ?? '').toLowerCase()];
      if (!k) throw new ReplyError(`system_button '${a.button}' is not Back, Home, Menu or Enter`);
      return k;
    }
    case 'open':
    case 'open_app':
      return { action: 'open_app', app: String(a.text ?? a.app_name ?? '') };
    case 'wait':
      return { action: 'wait', seconds: seconds(a.time, 2) };
    case 'terminate': {
      const s = String(a.status ?? 'success').toLowerCase();
      return finished(undefined, s === 'success' ? 'success' : 'infeasible');
    }
    case 'answer':
      return o.answerEnds ? finished(a.text) : { action: 'answer', text: String(a.text ?? '') };
    case 'ask_user':
    case 'interact':
    case 'call_user':
    case 'calluser':
      return ask(a.text, o.thought);
    default:
      throw new ReplyError(`'${name}' is not a mobile_use action`);
  }
}
