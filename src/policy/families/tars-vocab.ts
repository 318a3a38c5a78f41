// UI-TARS's action vocabulary (v1.0, 1.5, Doubao-1.5-UI-TARS, and Seed / UI-TARS-2's function calls), onto heed's
// actions. Every mobile action is kept — long press, open_app, press_back / press_home, hotkey enter — unlike
// midscene's UI-TARS path; call_user becomes heed's own question. Points stay in the model's coordinates.
import type { Action } from '../actions.js';
import { pair, pointOf, xy } from './points.js';
import { ask, finished, seconds, typed } from './shared.js';
import { ReplyError } from './types.js';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;

/** The first present parameter among names (UI-TARS renames point= to start_box=, both are seen). */
function param(p: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (p[n] !== undefined && p[n] !== '') return p[n];
  return undefined;
}

const START = ['start_box', 'point', 'start_point', 'box'];
const END = ['end_box', 'end_point'];

/** One call onto heed's action; `p._` is the call's first positional argument, read as its main parameter. */
export function tarsAction(name: string, p: Record<string, unknown>, thought?: string): Action {
  const at = (what = 'start_box') => pointOf(param(p, ...START, '_'), `${name}'s ${what}`);
  switch (name.toLowerCase()) {
    case 'click':
    case 'left_single':
    case 'left_click': // GLM-4.xV's desktop spelling of the same call
    case 'tap':
      return { action: 'tap', ...xy(at()) };
    case 'left_double':
    case 'double_click':
    case 'left_double_click':
      return { action: 'double_tap', ...xy(at()) };
    case 'long_press':
      return { action: 'long_press', ...xy(at()) };
    case 'type': {
      const where = param(p, ...START);
      return typed(param(p, 'content', 'text', '_') ?? '', where === undefined ? {} : xy(pointOf(where, 'type’s box')));
    }
    case 'scroll': {
      // v1.0's mobile template scrolls along a finger path (start_box → end_box); later ones name a direction: the
      // side where more content appears, which is heed's scroll direction.
      if (param(p, ...END) !== undefined)
        return { action: 'swipe', from: pair(at()), to: pair(pointOf(param(p, ...END), 'scroll’s end_box')) };
      const d = String(param(p, 'direction') ?? '')
        .trim()
        .toLowerCase();
      if (!(DIRECTIONS as readonly string[]).includes(d))
        throw new ReplyError(`scroll direction '${d}' is not one of up, down, left, right`);
      const where = param(p, ...START);
      return {
        action: 'scroll',
        direction: d as (typeof DIRECTIONS)[number],
        ...(where === undefined ? {} : xy(pointOf(where, 'scroll’s point'))),
      };
    }
    case 'drag':
    case 'swipe':
      return { action: 'swipe', from: pair(at()), to: pair(pointOf(param(p, ...END), `${name}'s end_box`)) };
    case 'open_app':
      return { action: 'open_app', app: String(param(p, 'app_name', 'app', 'content', '_') ?? '') };
    case 'press_back':
    case 'navigate_back':
      return { action: 'back' };
    case 'press_home':
      return { action: 'home' };
    case 'press_enter':
      return { action: 'key', key: 'enter' };
    case 'hotkey':
    case 'press': {
      const k = String(param(p, 'key', 'hotkey', '_') ?? '')
        .trim()
        .toLowerCase();
      if (k === 'back') return { action: 'back' };
      if (k === 'home') return { action: 'home' };
      if (k === 'enter' || k === 'return') return { action: 'key', key: 'enter' };
      if (k === 'backspace' || k === 'delete') return { action: 'key', key: 'delete' };
      if (k === 'recent' || k === 'app_switch') return { action: 'key', key: 'app_switch' };
      throw new ReplyError(`hotkey '${k}' has no phone key (use back, home or enter)`);
    }
    case 'wait':
      return { action: 'wait', seconds: seconds(param(p, 'time', '_'), 5) };
    case 'finished':
      return finished(param(p, 'content', '_'));
    case 'call_user':
      return ask(param(p, 'content', '_'), thought);
    default:
      throw new ReplyError(`'${name}' is not an action on a phone`);
  }
}
