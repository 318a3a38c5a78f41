// GLM-4.1V-Thinking and GLM-4.5V (zai-org/GLM-V) on a phone: AndroidWorld-style JSON actions with `box_2d`
// [[xmin,ymin,xmax,ymax]] in thousandths 0–999, answered as `Memory: … Reason: … Action: {…}`, the JSON often inside
// <|begin_of_box|>…<|end_of_box|> and everything inside <think>…</think><answer>…</answer>
// (examples/gui-agent/glm-41v/agent.md; gui_agent_41v.py#L58-L150, parse_mobile_response #L325-L351). Fixtures show
// Python-dict quoting ('override': True) and doubled braces (glmv_reward/tests/cogagent/test_android_world_verifier.py).
// History: previous replies as text in the prompt ("Step {idx}:\n…"), one screenshot.
import type { Action } from '../actions.js';
import { objectIn, sections, stripThinking, stripTokens, tags } from './envelope.js';
import { pathFrom } from './mobile-use.js';
import { pointOf, xy } from './points.js';
import { readCalls } from './pylit.js';
import { tarsAction } from './tars-vocab.js';
import { finished, image, instructionWithContext, nativeFrame, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const PROMPT = (
  goal: string,
  history: string,
) => `You are an agent who can operate an Android phone on behalf of a user. Based on user's goal/request, you may
- Answer back if the request/goal is a question (or a chat message), like user asks "What is my schedule for today?".
- Complete some tasks described in the requests/goals by performing actions (step by step) on the phone.

When given a user request, you will try to complete it step by step. At each step, you will be given the current screenshot and a history of what you have done (in text). Based on these pieces of information and the goal, you must choose to perform one of the action in the following list (action description followed by the JSON format) by outputting the action in the correct JSON format.
- If you think the task has been completed, finish the task by using the status action with complete as goal_status: \`{"action_type": "status", "goal_status": "complete"}\`
- If you think the task is not feasible (including cases like you don't have enough information or can not perform some necessary actions), finish by using the \`status\` action with infeasible as goal_status: \`{"action_type": "status", "goal_status": "infeasible"}\`
- Answer user's question: \`{"action_type": "answer", "text": "<answer_text>"}\`
-- You should only answer once in one command. If you needs multiple pieces of information to answer the question, you should gather the information in "Memory" and answer the question when you have enough information.
- Click/tap on an element on the screen. Use the box_2d to indicate which element you want to click: \`{"action_type": "click", "box_2d": [[,,,]]}\`. The box_2d should be [[xmin,ymin,xmax,ymax]] normalized to 0-999, indicating the position of the element.
- Long press on an element on the screen, similar with the click action above, use the box_2d to indicate which element you want to long press: \`{"action_type": "long_press", "box_2d": [[,,,]]}\`.
- Type text into a text field (this action contains clicking the text field, typing in the text and pressing the enter, so no need to click on the target field to start), use the box_2d to indicate the target text field. The text to be input can be from the command, the memory, or the current screen: \`{"action_type": "input_text", "text": <text_input>, "box_2d": [[,,,]], 'override': True/False}\`. If override is True, the text field will be cleared before typing.
- Press the Enter key: \`{"action_type": "keyboard_enter"}\`
- Navigate to the home screen: \`{"action_type": "navigate_home"}\`
- Navigate back: \`{"action_type": "navigate_back"}\`
- Swipe the screen or a scrollable UI element in one of the four directions, use the box_2d as above if you want to swipe a specific UI element, leave it empty when swipe the whole screen: \`{"action_type": "swipe", "direction": <up, down, left, right>, "box_2d": [[,,,]](optional)}\`.
- Open an app (nothing will happen if the app is not installed): \`{"action_type": "open_app", "app_name": <name>}\`
- Wait for the screen to update: \`{"action_type": "wait"}\`

The current user goal/request is: ${goal}

Here is a history of what you have done so far:
${history}

The current screenshot is given to you.
Here are some useful guidelines you need to follow:
General:
- Usually there will be multiple ways to complete a task, pick the easiest one. Also when something does not work as expected (due to various reasons), sometimes a simple retry can solve the problem, but if it doesn't (you can see that from the history), SWITCH to other solutions.
- For requests that are questions (or chat messages), remember to use the \`answer\` action to reply to user explicitly before finish! Merely displaying the answer on the screen is NOT sufficient (unless the goal is something like "show me ...").
- If the desired state is already achieved (e.g., enabling Wi-Fi when it's already on), you can just complete the task.
Action Related:
- Use the \`input_text\` action whenever you want to type something (including password) instead of clicking characters on the keyboard one by one.
- The direction parameter for the \`swipe\` action can be confusing sometimes as it's opposite to swipe, for example, to view content at the bottom, the \`swipe\` direction should be set to "up". It has been observed that you have difficulties in choosing the correct direction, so if one does not work, try the opposite as well.
- Use the \`navigate_back\` action to close/hide the soft keyboard.

Now output:
1. Memory: important information you want to remember for the future actions. The memory should be only contents on the screen that will be used in the future actions. It should satisfy that: you cannot determine one or more future actions without this memory.
2. Reason: the reason for the action and the memory. Your reason should include, but not limited to:- the content of the GUI, especially elements that are tightly related to the user goal- the step-by-step thinking process of how you come up with the new action.
3. Action: the action you want to take, in the correct JSON format. The action should be one of the above list.

Your answer should look like:
Memory: ...
Reason: ...
Action: {"action_type":...}`;

const FINGER = ['up', 'down', 'left', 'right'] as const;

function toAction(a: Record<string, unknown>): Action {
  const t = String(a.action_type ?? a.action ?? '');
  const box = () => pointOf(a.box_2d, `${t}'s box_2d`);
  switch (t) {
    case 'click':
      return { action: 'tap', ...xy(box()) };
    case 'long_press':
      return { action: 'long_press', ...xy(box()) };
    case 'input_text':
      return {
        action: 'type',
        text: String(a.text ?? ''),
        ...(a.box_2d === undefined ? {} : xy(box())),
        ...(a.override === true ? { clear: true } : {}),
        submit: true,
      };
    case 'keyboard_enter':
      return { action: 'key', key: 'enter' };
    case 'navigate_home':
      return { action: 'home' };
    case 'navigate_back':
      return { action: 'back' };
    case 'swipe': {
      const d = String(a.direction ?? '').toLowerCase() as (typeof FINGER)[number];
      if (!FINGER.includes(d)) throw new ReplyError(`swipe direction '${a.direction}' is not up, down, left or right`);
      const b = a.box_2d;
      // "up means the finger moves upward": heed's swipe direction is the finger's too.
      return Array.isArray(b) && b.flat().length
        ? { action: 'swipe', ...pathFrom(box(), d, 999) }
        : { action: 'swipe', direction: d };
    }
    case 'open_app':
      return { action: 'open_app', app: String(a.app_name ?? '') };
    case 'wait':
      return { action: 'wait', seconds: 2 };
    case 'answer':
      return { action: 'answer', text: String(a.text ?? '') };
    case 'status':
      return finished(undefined, a.goal_status === 'complete' ? 'success' : 'infeasible');
    default:
      throw new ReplyError(`action_type '${t}' is not in the action list`);
  }
}

function glmCall(name: string, p: Record<string, unknown>, thought?: string): Action {
  switch (name.toUpperCase()) {
    case 'DONE':
      return finished(undefined);
    case 'FAIL':
      return finished(undefined, 'infeasible');
    case 'WAIT':
      return { action: 'wait', seconds: 2 };
    default:
      return tarsAction(name, p, thought);
  }
}

export function readGlm(reply: string): Reading {
  const { rest, thought } = stripThinking(reply);
  const body = stripTokens(tags(rest, 'answer')[0] ?? rest);
  const action = sections(body, 'Action', ['Memory', 'Reason']).at(-1);
  if (action === undefined) throw new ReplyError('no "Action:" line was found');
  const reason = sections(body, 'Reason', ['Action', 'Memory'])[0];
  const why = [thought, reason].filter(Boolean).join('\n') || undefined;
  // GLM-4.xV's computer template writes calls instead of JSON (`left_click(start_box='[x,y]', element_info='…')`,
  // `type(content='…')`, `DONE()`, glm-41v/agent.md): the same points in thousandths, read with UI-TARS's vocabulary.
  const call = action.includes('{') ? undefined : readCalls(action.trim())[0];
  if (call) return { actions: [glmCall(call.name, { _: call.args[0], ...call.kwargs }, why)], thought: why };
  return { actions: [toAction(objectIn(action, 'action JSON'))], thought: why };
}

export const glmV: Family = {
  name: 'glm-v',
  title: 'GLM-4.1V-9B-Thinking and GLM-4.5V (zai-org)',
  models: /glm-?4\.[15]v/i,
  regime: 'norm999',
  frame: nativeFrame(),
  messages: (input) => {
    const history = input.past.length
      ? input.past
          .map(
            (p, i) =>
              `Step ${i}:\n${stripThinking(p.reply)
                .rest.replace(/<\/?answer>/g, '')
                .trim()}\n\n`,
          )
          .join('')
      : 'You just started, no action has been performed yet.';
    return [{ role: 'user', content: [text(PROMPT(instructionWithContext(input), history)), image(input.image)] }];
  },
  read: readGlm,
  reask: (error) =>
    `The last answer could not be executed: ${error}. Answer again as\nMemory: ...\nReason: ...\nAction: {"action_type": ...}`,
};
