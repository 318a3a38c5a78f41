// Reading the `mobile_use` function of Qwen2.5-VL, Qwen3-VL, GUI-Owl and MAI-UI (its description for the prompt is
// mobile-use-prompt.ts): a Nous/Hermes tool-call envelope,
// `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [x, y]}}\n</tool_call>`, and
// one argument vocabulary (QwenLM/Qwen2.5-VL cookbooks/utils/agent_function_call.py; Tongyi-MAI/MAI-UI src/prompt.py;
// X-PLUG/MobileAgent Mobile-Agent-v3.5/mobile_use/utils.py). Asking (`ask_user`, `interact`, `call_user`) becomes
// heed's own question; `terminate` and `answer` become finish / answer.
import type { Action } from '../actions.js';
import { objectIn, objectsIn, tags } from './envelope.js';
import { LiteralError, parseLiteral } from './pylit.js';
import { pair, pointOf, xy } from './points.js';
import { ask, finished, seconds, typed } from './shared.js';
import { ReplyError } from './types.js';

/** The arguments object of one tool call (its `arguments` may be a JSON string). */
function argumentsOf(s: string): Record<string, unknown> {
  const call = objectIn(s, 'tool call object');
  const args = typeof call.arguments === 'string' ? objectIn(call.arguments, 'arguments object') : call.arguments;
  if (!args || typeof args !== 'object') throw new ReplyError('the tool call has no "arguments" object');
  return args as Record<string, unknown>;
}

/** The {…} objects of a text that parse as literals (JSON or Python dicts). */
function literalObjects(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of objectsIn(text))
    try {
      const v = parseLiteral(s);
      if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    } catch (e) {
      if (!(e instanceof LiteralError)) throw e;
    }
  return out;
}

/**
 * The arguments of every mobile_use call in a reply, in order: several <tool_call> blocks, or a bare call object.
 * Without the envelope, an arguments object itself (`{"action": "click", "coordinate": [x, y]}`, as Mobile-Agent-v3's
 * executor writes it under `### Action ###`) is the call, and a grounding answer (`<answer>{"coordinate": [x, y]}
 * </answer>`, MAI-UI's grounding prompt) is a click there: the model named the point it means.
 */
export function toolCalls(reply: string): Record<string, unknown>[] {
  const blocks = tags(reply, 'tool_call').filter((b) => b.includes('{'));
  if (blocks.length) return blocks.map(argumentsOf);
  if (reply.includes('"arguments"')) return [argumentsOf(reply)];
  const objects = literalObjects(reply);
  const bare = objects.filter((o) => typeof o.action === 'string' && o.action.trim() !== '');
  if (bare.length) return bare;
  const grounding = objects.find((o) => o.coordinate !== undefined && Object.keys(o).length === 1);
  if (grounding) return [{ action: 'click', coordinate: grounding.coordinate }];
  throw new ReplyError('no <tool_call> with a mobile_use call was found');
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
      // computer_use scrolls a wheel: "Positive values scroll up", which shows what is above.
      if (name === 'scroll' && typeof a.pixels === 'number' && a.pixels !== 0 && a.direction === undefined)
        return { action: 'scroll', direction: a.pixels > 0 ? 'up' : 'down' };
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
      // mobile_use names the key in `text`; computer_use lists a chord in `keys` (["ctrl", "p"]).
      const named = a.text ?? (Array.isArray(a.keys) ? a.keys.join('+') : a.keys);
      const k =
        KEY_NAMES[
          String(named ?? '')
            .trim()
            .toLowerCase()
        ];
      if (!k)
        throw new ReplyError(
          `key '${named}' is not one heed presses (enter, back, home, menu, volume_up, volume_down, del)`,
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
    case 'awake': // GELab's spelling of open, which MAI-UI-derived prompts keep
      return { action: 'open_app', app: String(a.text ?? a.app_name ?? '') };
    case 'back':
    case 'home':
    case 'enter':
      return KEY_NAMES[name]!;
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
    case 'info': // GELab's spelling of ask_user
      return ask(a.text, o.thought);
    default:
      throw new ReplyError(`'${name}' is not a mobile_use action`);
  }
}
