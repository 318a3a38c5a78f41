// MAI-UI (Tongyi-MAI, Qwen3-VL based): `<thinking>…</thinking><tool_call>{"name": "mobile_use", "arguments": …}
// </tool_call>` (a thinking model closes with </think>), the ASK_USER variant of the prompt so the model can ask
// through heed (Tongyi-MAI/MAI-UI src/prompt.py MAI_MOBILE_SYS_PROMPT_ASK_USER_MCP, without MCP tools and without
// MobileWorld's app list), coordinates 0–999 (`SCALE_FACTOR = 999`, src/mai_naivigation_agent.py#L38), swipe by
// finger direction with an optional anchor, the last 3 screenshots (history_n = 3) with every reply as an assistant
// turn and the user's answers as user turns (tests/output_messages/…ask_user_and_mcp.json).
import { conversation, heedContext, nativeFrame, text } from './shared.js';
import { readMobileUse } from './qwen.js';
import type { Family } from './types.js';

const SYSTEM = `You are a GUI agent. You are given a task and your action history, with screenshots. You need to perform the next action to complete the task.

## Output Format
For each function call, return the thinking process in <thinking> </thinking> tags, and a json object with function name and arguments within <tool_call></tool_call> XML tags:
\`\`\`
<thinking>
...
</thinking>
<tool_call>
{"name": "mobile_use", "arguments": <args-json-object>}
</tool_call>
\`\`\`

## Action Space

{"action": "click", "coordinate": [x, y]}
{"action": "long_press", "coordinate": [x, y]}
{"action": "type", "text": ""}
{"action": "swipe", "direction": "up or down or left or right", "coordinate": [x, y]} # "coordinate" is optional. Use the "coordinate" if you want to swipe a specific UI element.
{"action": "open", "text": "app_name"}
{"action": "drag", "start_coordinate": [x1, y1], "end_coordinate": [x2, y2]}
{"action": "system_button", "button": "button_name"} # Options: back, home, menu, enter
{"action": "wait"}
{"action": "terminate", "status": "success or fail"}
{"action": "answer", "text": "xxx"} # Use escape characters \\', \\", and \\n in text part to ensure we can parse the text in normal python string format.
{"action": "ask_user", "text": "xxx"} # you can ask user for more information to complete the task.
{"action": "double_click", "coordinate": [x, y]}

## Note
- Use the \`open\` action to open an app by its name: it is the fast way to open the app.
- Write a small plan and finally summarize your next action (with its target element) in one sentence in <thinking></thinking> part.`;

export const maiUi: Family = {
  name: 'mai-ui',
  title: 'MAI-UI (Tongyi-MAI, MAI-UI-2B/8B/32B)',
  models: /mai-?ui/i,
  regime: 'norm999',
  frame: nativeFrame({ factor: 32, minPixels: 4 * 32 * 32, maxPixels: 16384 * 32 * 32 }),
  messages: (input) => {
    const c = heedContext(input, false);
    return conversation(
      input,
      [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: [text(input.instruction + (c ? `\n\n${c}` : ''))] },
      ],
      3,
    );
  },
  read: (reply) => readMobileUse(reply, { space: 999 }),
  reask: (error) =>
    `The last reply could not be executed: ${error}. Reply with <thinking>...</thinking> and exactly one <tool_call>\n{"name": "mobile_use", "arguments": <args-json-object>}\n</tool_call>.`,
};
