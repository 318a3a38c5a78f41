// Doubao-Seed-1.6/1.8 and UI-TARS-2: XML function calls, `<seed:tool_call><function=click><parameter=point><point>x y
// </point></parameter></function></seed:tool_call>` (also `<tool_call>`, `<function name='…'>`, several functions in
// one block, or the Responses-API JSON form with `arguments` as a JSON string); UI-TARS-2's omni replies put the call,
// or a UI-TARS `Action:` line, in an environment block (`<computer_env>…</computer_env>`) and end with `<answer>…
// </answer>` (bytedance/UI-TARS-desktop multimodal/gui-agent/action-parser/test/defaultActionParser.test.ts); points 0–1000
// (bytedance/UI-TARS-desktop multimodal/gui-agent/action-parser/test/xmlParser.test.ts; ZJU-REAL/KnowU-Bench
// src/knowu_bench/agents/utils/prompts/seed.py and seed_agent.py). A `<point>` inside the reasoning is never read.
import { objectIn, stripThinking, tags } from './envelope.js';
import { conversation, finished, heedContext, nativeFrame, text } from './shared.js';
import { tarsAction } from './tars-vocab.js';
import { ReplyError, type Family, type Reading } from './types.js';
import { readTars } from './ui-tars.js';

const fn = (name: string, desc: string, props: Record<string, string> = {}, required: string[] = []) =>
  JSON.stringify({
    type: 'function',
    name,
    parameters: Object.keys(props).length
      ? {
          type: 'object',
          properties: Object.fromEntries(
            Object.entries(props).map(([k, d]) => [k, { type: 'string', description: d }]),
          ),
          required,
        }
      : {},
    description: desc,
  });

const PT = 'The format is: <point>x y</point>';
const SYSTEM = `You are a GUI agent operating an Android phone. You are given a task and screenshots; perform the next action.

## Function Definition

- You have access to the following functions:
${[
  fn(
    'call_user',
    'This function is used to interact with the user by displaying a message and requesting their input, feedback, or guidance.',
    { content: 'Message or information displayed to the user to request their input, feedback, or guidance.' },
  ),
  fn('click', 'Mouse left single click action.', { point: `Click coordinates. ${PT}` }, ['point']),
  fn(
    'drag',
    'Mouse left button drag action.',
    { start_point: `Drag start point. ${PT}`, end_point: `Drag end point. ${PT}` },
    ['start_point', 'end_point'],
  ),
  fn(
    'finished',
    'This function is used to indicate the completion of a task by providing the final answer or response.',
    { content: 'Provide the final answer or response to complete the task.' },
  ),
  fn('press_home', 'Press home button.'),
  fn('press_back', 'Press back button.'),
  fn('left_double', 'Mouse left double click action.', { point: `Click coordinates. ${PT}` }, ['point']),
  fn('long_press', 'Long press action.', { point: `Press coordinates. ${PT}` }, ['point']),
  fn('open_app', 'Open an app on the phone.', { app_name: 'The app to open.' }, ['app_name']),
  fn(
    'scroll',
    'Scroll action.',
    { point: `Scroll start position. ${PT}`, direction: 'Scroll direction: up, down, left or right.' },
    ['direction', 'point'],
  ),
  fn(
    'type',
    'Type content.',
    { content: 'Type content. If you want to submit your input, use \\n at the end of content.' },
    ['content'],
  ),
  fn('wait', 'Wait for a while.', { time: 'Wait time in seconds.' }),
].join('\n')}

- To call a function, use the following structure without any suffix:

<think> reasoning process </think>
<seed:tool_call><function=example_function_name><parameter=example_parameter_1>value_1</parameter></function></seed:tool_call>

## Important Notes
- Function calls must begin with <function= and end with </function>.
- All required parameters must be explicitly provided.`;

const FUNCTION = /<function(?:=([\w.]+)|\s+name=['"]?([\w.]+)['"]?)\s*>([\s\S]*?)(?:<\/function>|(?=<function)|$)/g;
const PARAM = /<parameter(?:=(\w+)|\s+name=['"]?(\w+)['"]?)\s*>([\s\S]*?)(?:<\/parameter>|(?=<parameter)|$)/g;

/** The environment blocks of UI-TARS-2's omni replies (`<computer_env>…</computer_env>`, `<mobile_env>`, …). */
const ENV = /<(\w+_env)>([\s\S]*?)(?:<\/\1>|$)/g;

export function readSeed(reply: string): Reading {
  const { rest, thought } = stripThinking(reply);
  const envs = [...rest.matchAll(ENV)].map((m) => m[2]!);
  const blocks = [
    ...tags(rest, 'seed:tool_call'),
    ...tags(rest, 'tool_call'),
    ...envs.filter((b) => /<function/.test(b)),
  ];
  const actions = [];
  for (const b of blocks)
    for (const f of b.matchAll(FUNCTION)) {
      const params: Record<string, unknown> = {};
      for (const m of f[3]!.matchAll(PARAM)) params[m[1] ?? m[2]!] = m[3]!.trim();
      actions.push(tarsAction(f[1] ?? f[2]!, params, thought));
    }
  if (actions.length) return { actions, thought };
  // UI-TARS-2's omni envelope also writes the UI-TARS grammar inside an environment block:
  // `<computer_env>\nAction: click(point='<point>400 435</point>')\n</computer_env>`.
  const env = envs.find((b) => /(?:^|\s)Action\s*[:：]/i.test(b));
  if (env !== undefined) {
    const r = readTars(env);
    return { actions: r.actions, thought: [thought, r.thought].filter(Boolean).join('\n') || undefined };
  }
  if (!blocks.length && rest.includes('"name"')) {
    // The Responses-API form: {"name": "scroll", "arguments": "{\"direction\": \"up\", …}"}.
    const o = objectIn(rest, 'function call');
    const args = typeof o.arguments === 'string' ? objectIn(o.arguments, 'arguments object') : o.arguments;
    return { actions: [tarsAction(String(o.name), (args ?? {}) as Record<string, unknown>, thought)], thought };
  }
  // An <answer> with no call is UI-TARS-2's final reply to the user: the task ends with it.
  const answer = tags(rest, 'answer')[0];
  if (!blocks.length && answer) return { actions: [finished(answer)], thought };
  throw new ReplyError(
    blocks.length ? 'the tool call names no <function=…>' : 'no <seed:tool_call> with a <function=…> was found',
  );
}

export const seed: Family = {
  name: 'seed',
  title: 'Doubao-Seed-1.6/1.8 vision, UI-TARS-2 (XML function calls)',
  models: /doubao-?seed|seed-?1[.-][68]|ui-?tars-?2(?![\d.])/i,
  regime: 'norm1000',
  frame: nativeFrame(),
  messages: (input) => {
    const c = heedContext(input, false);
    return conversation(
      input,
      [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: [text(input.instruction + (c ? `\n\n${c}` : ''))] },
      ],
      5,
    );
  },
  read: readSeed,
  reask: (error) =>
    `Your last reply could not be executed: ${error}. Think in <think></think>, then call exactly one function: <seed:tool_call><function=NAME><parameter=KEY>VALUE</parameter></function></seed:tool_call>`,
};
