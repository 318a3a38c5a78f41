// Qwen2.5-VL and Qwen3-VL with the cookbooks' `mobile_use` tool. Qwen2.5-VL thinks in pixels of the smart-resized
// image and the tool states that resolution ("The screen's resolution is 1092x2408." for a 1080×2400 screen,
// QwenLM/Qwen2.5-VL cookbooks/mobile_agent.ipynb cell 9); Qwen3-VL's cookbook states 999x999 and maps x/999·W
// (QwenLM/Qwen3-VL cookbooks/mobile_agent.ipynb cells 4 and 7). History is text in the user turn:
// "Task progress (You have done the following operation on the current device): Step 1: …; ".
import { stripThinking } from './envelope.js';
import { mobileUseAction, toolCalls } from './mobile-use.js';
import { mobileUseTool, nousSystem, pyJson } from './mobile-use-prompt.js';
import { image, instructionWithContext, nativeFrame, QWEN25_RESIZE, resolution, text } from './shared.js';
import type { Family, FamilyInput, Reading } from './types.js';

/** The tool call of an earlier reply, as the cookbook's history prints it (Python json.dumps). */
function callOf(reply: string): string | undefined {
  try {
    return pyJson({ name: 'mobile_use', arguments: toolCalls(reply)[0] });
  } catch {
    return undefined;
  }
}

const progress = (steps: string[]) => steps.map((s, i) => `Step ${i + 1}: ${s}; `).join('');

export function readMobileUse(reply: string, opts: { answerEnds?: boolean; space?: number } = {}): Reading {
  const { rest, thought } = stripThinking(reply);
  const actions = toolCalls(rest).map((a) => mobileUseAction(a, { ...opts, thought }));
  return { actions, ...(thought ? { thought } : {}) };
}

const reask = (error: string) =>
  `The last reply could not be executed: ${error}. Reply with exactly one function call:\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": ...}}\n</tool_call>`;

export const qwen25vl: Family = {
  name: 'qwen2.5-vl',
  title: 'Qwen2.5-VL (3B/7B/32B/72B-Instruct) with the mobile_use tool',
  models: /qwen2\.?5-?vl/i,
  regime: { resized: QWEN25_RESIZE },
  frame: nativeFrame(QWEN25_RESIZE),
  messages: (input: FamilyInput) => {
    const tool = mobileUseTool(
      resolution(input),
      ['key', 'click', 'long_press', 'swipe', 'type', 'system_button', 'open', 'wait', 'terminate'],
      { humanName: true, textDoc: 'Required only by `action=key`, `action=type`, and `action=open`.' },
    );
    const steps = input.past.map((p) => callOf(p.reply)).filter((s): s is string => !!s);
    const query = `The user query:  ${instructionWithContext(input)}\nTask progress (You have done the following operation on the current device): ${progress(steps)}`;
    return [
      { role: 'system', content: nousSystem([tool]) },
      { role: 'user', content: [text(query), image(input.image)] },
    ];
  },
  read: (reply) => readMobileUse(reply),
  reask,
};

const QWEN3_FORMAT = `

# Response format

Response format for every step:
1) Thought: one concise sentence explaining the next move (no multi-step reasoning).
2) Action: a short imperative describing what to do in the UI.
3) A single <tool_call>...</tool_call> block containing only the JSON: {"name": <function-name>, "arguments": <args-json-object>}.

Rules:
- Output exactly in the order: Thought, Action, <tool_call>.
- Be brief: one sentence for Thought, one for Action.
- Do not output anything else outside those three parts.
- If finishing, use action=terminate in the tool call.`;

/** The "Action:" sentence of a Qwen3-style reply (its history is these sentences), else the tool call. */
export function actionLine(reply: string): string | undefined {
  const m = /(?:^|\n)\s*Action\s*[:：]\s*(.+)/.exec(stripThinking(reply).rest);
  return m ? m[1]!.trim().replace(/"/g, '') : callOf(reply);
}

export const qwen3vl: Family = {
  name: 'qwen3-vl',
  title: 'Qwen3-VL (2B … 235B, Instruct and Thinking) with the cookbook’s mobile_use tool',
  models: /qwen3(?:\.\d+)?-?vl/i,
  regime: 'norm999',
  frame: nativeFrame({ factor: 32, minPixels: 4 * 32 * 32, maxPixels: 16384 * 32 * 32 }),
  messages: (input) => {
    const tool = mobileUseTool(
      '999x999',
      ['click', 'long_press', 'swipe', 'type', 'answer', 'system_button', 'wait', 'terminate'],
      { textDoc: 'Required only by `action=type` and `action=answer`.' },
    );
    const steps = input.past.map((p) => actionLine(p.reply)).filter((s): s is string => !!s);
    const query = `The user query: ${instructionWithContext(input)}.\nTask progress (You have done the following operation on the current device): ${progress(steps)}.\n`;
    return [
      { role: 'system', content: nousSystem([tool], '').trimStart() + QWEN3_FORMAT },
      { role: 'user', content: [text(query), image(input.image)] },
    ];
  },
  read: (reply) => readMobileUse(reply),
  reask,
};
