// UI-TARS v1.0, UI-TARS-1.5 and Doubao-1.5-UI-TARS: `Thought: … / Action: click(…)` in one grammar, in three
// coordinate spaces. The same `click(start_box='(177,549)')` is 0–1000 for v1.0 and Doubao but pixels of the
// smart-resized image for 1.5 (bytedance/UI-TARS README_v1.md#L453, README_coordinates.md): choose by model, never by
// string. Templates: bytedance/UI-TARS README_v1.md (v1.0 mobile) and codes/ui_tars/prompt.py MOBILE_USE_DOUBAO
// (1.5, Doubao), each with call_user so the model can ask through heed. History: every reply as an assistant turn,
// screenshots of the last 5 steps only (UI-TARS-desktop MAX_IMAGE_LENGTH = 5).
import { readCalls } from './pylit.js';
import { sections, stripThinking, stripTokens } from './envelope.js';
import { conversation, heedContext, nativeFrame, QWEN25_RESIZE, text } from './shared.js';
import { tarsAction } from './tars-vocab.js';
import { ReplyError, type Family, type Reading } from './types.js';

const V1_ACTIONS = `click(start_box='<|box_start|>(x1,y1)<|box_end|>')
long_press(start_box='<|box_start|>(x1,y1)<|box_end|>', time='')
type(content='')
scroll(start_box='<|box_start|>(x1,y1)<|box_end|>', end_box='<|box_start|>(x3,y3)<|box_end|>')
press_home()
press_back()
finished(content='') # Submit the task regardless of whether it succeeds or fails.
call_user() # Submit the task and call the user when the task is unsolvable, or when you need the user's help.`;

const POINT_ACTIONS = (userResp: boolean) => `click(point='<point>x1 y1</point>')
long_press(point='<point>x1 y1</point>')
type(content='') #If you want to submit your input, use "\\n" at the end of \`content\`.
scroll(point='<point>x1 y1</point>', direction='down or up or right or left')
open_app(app_name='')
drag(start_point='<point>x1 y1</point>', end_point='<point>x2 y2</point>')
press_home()
press_back()
wait() #Sleep for 5s and take a screenshot to check for any changes.
finished(content='xxx') # Use escape characters \\', \\", and \\n in content part to ensure we can parse the content in normal python string format.
call_user(content='xxx') # Call the user when the task is unsolvable, or when you need the user's help.${userResp ? ' Then, user will see and answer your question in `user_resp`.' : ''}`;

function prompt(actions: string): string {
  return `You are a GUI agent. You are given a task and your action history, with screenshots. You need to perform the next action to complete the task.

## Output Format
\`\`\`
Thought: ...
Action: ...
\`\`\`

## Action Space

${actions}

## Note
- Use English in \`Thought\` part.
- Write a small plan and finally summarize your next action (with its target element) in one sentence in \`Thought\` part.

## User Instruction
`;
}

/** Read a UI-TARS reply: the Action section's calls (several, separated by blank lines, are allowed). */
export function readTars(reply: string): Reading {
  const { rest, thought: think } = stripThinking(stripTokens(reply).replace(/<\/?Output>/gi, '\n'));
  const body = rest.replace(/<\/?Thought>/gi, '\n');
  const stops = ['Thought', 'Reflection', 'Action_Summary'];
  const thought =
    [think, ...sections(body, 'Thought', ['Action', 'Action_Summary']), ...sections(body, 'Action_Summary', ['Action'])]
      .filter(Boolean)
      .join('\n') || undefined;
  const acts = sections(body, 'Action', stops);
  if (acts.length > 1)
    throw new ReplyError('the reply has two Action: sections; give exactly one Action: line after your Thought');
  // Without an Action: label, a reply that is nothing but a call is still that call (a known UI-TARS slip).
  const src = (acts[0] ?? body.trim()).replace(/```/g, '').trim();
  if (!src) throw new ReplyError('there is no action after "Action:"');
  const calls = readCalls(src);
  if (!calls.length)
    throw new ReplyError(
      acts.length ? `"${src.slice(0, 60)}" is not an action call` : 'no "Action:" line was found in the reply',
    );
  return { actions: calls.map((c) => tarsAction(c.name, { _: c.args[0], ...c.kwargs }, thought)), thought };
}

function tars(name: string, title: string, models: RegExp, regime: Family['regime'], actions: string): Family {
  const system = prompt(actions);
  return {
    name,
    title,
    models,
    regime,
    frame: nativeFrame(typeof regime === 'object' ? regime.resized : QWEN25_RESIZE),
    messages: (input) => {
      const c = heedContext(input, false);
      return conversation(
        input,
        [{ role: 'user', content: [text(system + input.instruction + (c ? `\n\n${c}` : ''))] }],
        5,
      );
    },
    read: readTars,
    reask: (error) =>
      `Your last reply could not be executed: ${error}. Reply again with one action, exactly in the format\nThought: ...\nAction: ...`,
  };
}

export const uiTars10 = tars(
  'ui-tars-1.0',
  'UI-TARS v1.0 (UI-TARS-2B/7B/72B-SFT/DPO, Qwen2-VL based)',
  /ui-?tars-?(?:2|7|72)b/i,
  'norm1000',
  V1_ACTIONS,
);

export const uiTars15 = tars(
  'ui-tars-1.5',
  'UI-TARS-1.5 (UI-TARS-1.5-7B, Qwen2.5-VL based)',
  /ui-?tars-?1\.5/i,
  // UI-TARS-1.5's processor: factor 28, 100·28² … 16384·28² pixels (codes/ui_tars/action_parser.py#L7-L9).
  { resized: { factor: 28, minPixels: 100 * 28 * 28, maxPixels: 16384 * 28 * 28 } },
  POINT_ACTIONS(false),
);

export const uiTarsDoubao = tars(
  'ui-tars-doubao',
  'Doubao-1.5-UI-TARS (ByteDance’s hosted UI-TARS)',
  /doubao-?1[.-]5-?ui-?tars|doubao-?ui-?tars/i,
  'norm1000',
  POINT_ACTIONS(true),
);
