// The `mobile_use` tool as the Qwen cookbooks describe it to the model, in qwen-agent's Nous/Hermes function-calling
// system text (QwenLM/Qwen2.5-VL cookbooks/utils/agent_function_call.py; X-PLUG/MobileAgent Mobile-Agent-v3.5
// mobile_use/utils.py). Reading the calls back is mobile-use.ts.

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
