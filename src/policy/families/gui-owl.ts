// GUI-Owl (Mobile-Agent-v3, Qwen2.5-VL based) and GUI-Owl-1.5 (Mobile-Agent-v3.5, Qwen3-VL based).
// v1: the mobile_use tool with `answer`, in pixels of the smart-resized image (factor 28, max 12800·28² =
// 10 035 200; X-PLUG/MobileAgent Mobile-Agent-v3/android_world_v3/run_ma3.py#L173 "abs_resized",
// coordinate_resize.py#L48), reasoning in <thinking>, a <conclusion> after the call, history as those conclusions
// (mobile_agent_utils_new.py#L85-L116, gui_owl.py). 1.5: "The screen's resolution is 1000x1000", `interact` to
// ask the user, the last 4 screenshots with their replies as turns (Mobile-Agent-v3.5/mobile_use/utils.py#L293-L420).
// After `answer` both end the task (gui_owl.py auto-terminates; 1.5's answer "Terminate[s] the current task").
import type { SmartResize } from '../../device/coords.js';
import { sections, tags } from './envelope.js';
import { mobileUseTool, nousSystem } from './mobile-use-prompt.js';
import { readMobileUse } from './qwen.js';
import { feedback, image, instructionWithContext, heedContext, nativeFrame, resolution, text } from './shared.js';
import type { Family, FamilyInput } from './types.js';
import type { Message } from '../llm/client.js';

const OWL_RESIZE: SmartResize = { factor: 28, minPixels: 3136, maxPixels: 12800 * 28 * 28 };

const reask = (error: string) =>
  `The last reply could not be executed: ${error}. Explain your reasoning in <thinking></thinking>, then give exactly one <tool_call>{"name": "mobile_use", "arguments": {...}}</tool_call>.`;

function conclusion(reply: string): string | undefined {
  return tags(reply, 'conclusion')[0]?.replace(/\n/g, '').replace(/"/g, '') || undefined;
}

export const guiOwl: Family = {
  name: 'gui-owl',
  title: 'GUI-Owl (GUI-Owl-7B/32B, Mobile-Agent-v3)',
  models: /gui-?owl(?!-?1\.5)/i,
  regime: { resized: OWL_RESIZE },
  frame: nativeFrame(OWL_RESIZE),
  messages: (input: FamilyInput) => {
    const tool = mobileUseTool(
      resolution(input),
      ['click', 'long_press', 'swipe', 'type', 'answer', 'system_button', 'wait', 'terminate'],
      { humanName: true, textDoc: 'Required only by `action=type` and `action=answer`.' },
    );
    const history = input.past
      .map((p) => conclusion(p.reply) ?? p.action)
      .filter(Boolean)
      .map((s, i) => `Step ${i + 1}: ${s}; `)
      .join('');
    const user =
      `The user query: ${instructionWithContext(input)}` +
      `\nTask progress (You have done the following operation on the current device): ${history}.\n` +
      '\nBefore answering, explain your reasoning step-by-step in <thinking></thinking> tags, and insert them before the <tool_call></tool_call> XML tags.' +
      '\nAfter answering, summarize your action in <conclusion></conclusion> tags, and insert them after the <tool_call></tool_call> XML tags.';
    return [
      { role: 'system', content: nousSystem([tool]) },
      { role: 'user', content: [text(user), image(input.image)] },
    ];
  },
  read: (reply) => readMobileUse(reply, { answerEnds: true }),
  reask,
};

const OWL15_FORMAT = `

# Response format

Response format for every step:
1) Action: a short imperative describing what to do in the UI.
2) A single <tool_call>...</tool_call> block containing only the JSON: {"name": <function-name>, "arguments": <args-json-object>}.

Rules:
- Output exactly in the order: Action, <tool_call>.
- Be brief: one sentence for Action.
- Do not output anything else outside those two parts.
- If finishing, use action=terminate in the tool call.`;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HISTORY_N = 4;

export const guiOwl15: Family = {
  name: 'gui-owl-1.5',
  title: 'GUI-Owl-1.5 (Mobile-Agent-v3.5)',
  models: /gui-?owl-?1\.5/i,
  regime: 'norm1000',
  // The v3.5 script sends the screenshot smart-resized with factor 28 and max 10 035 200 pixels (utils.py).
  frame: nativeFrame({ factor: 28, minPixels: 3136, maxPixels: 10035200 }),
  messages: (input) => {
    const tool = mobileUseTool(
      '1000x1000',
      [
        'key',
        'click',
        'long_press',
        'swipe',
        'type',
        'system_button',
        'open',
        'wait',
        'answer',
        'interact',
        'terminate',
      ],
      {
        humanName: true,
        docs: {
          answer: '* `answer`: Terminate the current task and output the answer.',
        },
        textDoc: 'Required only by `action=key`, `action=type`, `action=open`, `action=answer`,and `action=interact`.',
      },
    );
    const start = Math.max(0, input.past.length - HISTORY_N);
    const early = input.past.slice(0, start).map((p, i) => {
      const a = sections(p.reply, 'Action', [])[0]?.split('<tool_call>')[0]?.trim();
      return `Step ${i + 1}: ${a || p.action || ''}`;
    });
    const d = input.now;
    const date = `Today's date is: ${d.toISOString().slice(0, 10)} ${WEEKDAYS[d.getDay()]}.`;
    const c = heedContext(input, start === input.past.length);
    const instruction =
      `Please generate the next move according to the UI screenshot, instruction and previous actions.\n\n` +
      `Instruction: ${date}${input.instruction}${c ? `\n\n${c}` : ''}\n\nPrevious actions:\n${early.join('\n') || 'None'}`;
    const out: Message[] = [{ role: 'system', content: nousSystem([tool], '').trimStart() + OWL15_FORMAT }];
    const recent = input.past.slice(start);
    recent.forEach((p, i) => {
      out.push({ role: 'user', content: i === 0 ? [text(instruction), image(p.image)] : [image(p.image)] });
      out.push({ role: 'assistant', content: p.reply });
      const f = feedback(p);
      if (f) out.push({ role: 'user', content: f });
    });
    out.push({ role: 'user', content: recent.length ? [image(input.image)] : [text(instruction), image(input.image)] });
    return out;
  },
  read: (reply) => readMobileUse(reply, { answerEnds: true }),
  reask: (error) =>
    `The last reply could not be executed: ${error}. Reply with one "Action:" line, then one <tool_call>{"name": "mobile_use", "arguments": {...}}</tool_call>.`,
};
