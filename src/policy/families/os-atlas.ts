// OS-Atlas-Pro (OS-Copilot; Qwen2-VL-7B / InternVL2-4B) in action mode: `thoughts:\n…\nactions:\nCLICK
// <point>[[x, y]]</point>`, points 0–1000, plain-word actions (TYPE [text], SCROLL [UP], PRESS_BACK, OPEN_APP [name],
// COMPLETE …) (OS-Copilot/OS-Atlas eval/data/ac_test.jsonl; X-PLUG/MobileAgent UI-S1/evaluation/os_atlas_utils.py#L17).
// History: "Step N: <the step's thoughts>" lines in the prompt, one screenshot.
import type { Action } from '../actions.js';
import { sections, stripThinking } from './envelope.js';
import { pointOf, xy } from './points.js';
import { finished, image, instructionWithContext, nativeFrame, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const SYSTEM = `You are a foundational action model capable of automating tasks across various digital environments, including desktop systems like Windows, macOS, and Linux, as well as mobile platforms such as Android and iOS. You also excel in web browser environments. You will interact with digital devices in a human-like manner: by reading screenshots, analyzing them, and taking appropriate actions.

Your expertise covers two types of digital tasks:
    - Grounding: Given a screenshot and a description, you assist users in locating elements mentioned. Sometimes, you must infer which elements best fit the description when they aren't explicitly stated.
    - Executable Language Grounding: With a screenshot and task instruction, your goal is to determine the executable actions needed to complete the task.


You are now operating in Executable Language Grounding mode. Your goal is to help users accomplish tasks by suggesting executable actions that best fit their needs. Your skill set includes both basic and custom actions:

1. Basic Actions
Basic actions are standardized and available across all platforms. They provide essential functionality and are defined with a specific format, ensuring consistency and reliability. 
Basic Action 1: CLICK 
    - purpose: Click at the specified position.
    - format: CLICK <point>[[x-axis, y-axis]]</point>
    - example usage: CLICK <point>[[101, 872]]</point>
       
Basic Action 2: TYPE
    - purpose: Enter specified text at the designated location.
    - format: TYPE [input text]
    - example usage: TYPE [Shanghai shopping mall]

Basic Action 3: SCROLL
    - purpose: Scroll in the specified direction.
    - format: SCROLL [direction (UP/DOWN/LEFT/RIGHT)]
    - example usage: SCROLL [UP]
    
2.Custom Actions
Custom actions are unique to each user's platform and environment. They allow for flexibility and adaptability, enabling the model to support new and unseen actions defined by users. These actions extend the functionality of the basic set, making the model more versatile and capable of handling specific tasks.


Custom Action 1: LONG_PRESS 
    - purpose: Long press at the specified position.
    - format: LONG_PRESS <point>[[x-axis, y-axis]]</point>
    - example usage: LONG_PRESS <point>[[101, 872]]</point>

Custom Action 2: PRESS_BACK
    - purpose: Press a back button to navigate to the previous screen.
    - format: PRESS_BACK
    - example usage: PRESS_BACK

Custom Action 3: PRESS_HOME
    - purpose: Press a home button to navigate to the home page.
    - format: PRESS_HOME
    - example usage: PRESS_HOME

Custom Action 4: PRESS_RECENT
    - purpose: Press the recent button to view or switch between recently used applications.
    - format: PRESS_RECENT
    - example usage: PRESS_RECENT

Custom Action 5: OPEN_APP
    - purpose: Open the specified application.
    - format: OPEN_APP [app_name]
    - example usage: OPEN_APP [Google Chrome]

Custom Action 6: WAIT
    - purpose: Wait for the screen to load.
    - format: WAIT
    - example usage: WAIT

Custom Action 7: COMPLETE
    - purpose: Indicate the task is finished.
    - format: COMPLETE
    - example usage: COMPLETE


In most cases, task instructions are high-level and abstract. Carefully read the instruction and action history, then perform reasoning to determine the most appropriate next action. Ensure you strictly generate two sections: Thoughts and Actions.
Thoughts: Clearly outline your reasoning process for current step.
Actions: Specify the actual actions you will take based on your reasoning.

Your current task instruction, action history, and associated screenshot are as follows:
Screenshot: `;

/** `[text]` of an action line, or its rest. */
const bracket = (rest: string) => (/^\[([\s\S]*)\]$/.exec(rest.trim())?.[1] ?? rest).trim();

function toAction(line: string): Action {
  const m = /^([A-Za-z_]+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) throw new ReplyError(`"${line.slice(0, 60)}" is not an action line`);
  const verb = m[1]!.toUpperCase();
  const rest = m[2]!;
  switch (verb) {
    case 'CLICK':
    case 'TAP':
      return { action: 'tap', ...xy(pointOf(rest, 'CLICK’s point')) };
    case 'LONG_PRESS':
      return { action: 'long_press', ...xy(pointOf(rest, 'LONG_PRESS’s point')) };
    case 'TYPE':
      return { action: 'type', text: bracket(rest) };
    case 'SCROLL': {
      const d = bracket(rest).toLowerCase();
      if (!['up', 'down', 'left', 'right'].includes(d))
        throw new ReplyError(`SCROLL [${d}] is not UP, DOWN, LEFT or RIGHT`);
      // AndroidControl's scroll (OS-Atlas's training data) names where the content goes, as heed's scroll does.
      return { action: 'scroll', direction: d as 'up' };
    }
    case 'PRESS_BACK':
      return { action: 'back' };
    case 'PRESS_HOME':
      return { action: 'home' };
    case 'PRESS_RECENT':
      return { action: 'key', key: 'app_switch' };
    case 'PRESS_ENTER':
      return { action: 'key', key: 'enter' };
    case 'OPEN_APP':
      return { action: 'open_app', app: bracket(rest) };
    case 'WAIT':
      return { action: 'wait', seconds: 2 };
    case 'COMPLETE':
      return finished(undefined);
    case 'IMPOSSIBLE':
      return finished(undefined, 'infeasible');
    default:
      throw new ReplyError(`${verb} is not an OS-Atlas action`);
  }
}

export function readOsAtlas(reply: string): Reading {
  const { rest, thought: think } = stripThinking(reply);
  const acts = sections(rest, 'actions?', ['thoughts?']);
  const body = (acts[0] ?? rest).trim();
  const thought = [think, ...sections(rest, 'thoughts?', ['actions?'])].filter(Boolean).join('\n') || undefined;
  // OS-Atlas-Base (grounding) answers with the element and its box, `<|object_ref_start|>label<|object_ref_end|>
  // <|box_start|>(x1,y1),(x2,y2)<|box_end|>` — a tap at the box's centre (README: "relative coordinates within a 0-1000
  // range … a center point or a bounding box").
  const box = /<\|box_start\|>([\s\S]*?)<\|box_end\|>/.exec(body);
  if (!acts.length && box) return { actions: [{ action: 'tap', ...xy(pointOf(box[1], 'the box')) }], thought };
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) throw new ReplyError('there is no action after "actions:"');
  return { actions: lines.map(toAction), thought };
}

export const osAtlas: Family = {
  name: 'os-atlas',
  title: 'OS-Atlas-Pro (OS-Copilot, OS-Atlas-Pro-4B/7B)',
  models: /os-?atlas/i,
  regime: 'norm1000',
  frame: nativeFrame(),
  messages: (input) => {
    const history = input.past.length
      ? input.past.map((p, i) => `Step ${i + 1}: ${p.thought ?? p.action ?? ''}\n`).join('')
      : 'None\n';
    return [
      {
        role: 'user',
        content: [
          text(SYSTEM),
          image(input.image),
          text(`\nTask: ${instructionWithContext(input)}\nHistory: \n${history}\n`),
        ],
      },
    ];
  },
  read: readOsAtlas,
  reask: (error) =>
    `The last answer could not be executed: ${error}. Answer again with two sections:\nthoughts:\n...\nactions:\n...`,
};
