// Replies in each model family's own grammar, and the point a model of that family would give for a device pixel —
// computed here from each family's published formula (not from heed's coords.ts), so tests check heed against them.
import type { ChatRequest } from './fake-llm.js';

export interface Size {
  width: number;
  height: number;
}

/** Width and height of a JPEG data URL, from its SOF header (synchronous, for scripted endpoints). */
export function jpegSize(dataUrl: string): Size {
  const b = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  for (let i = 2; i < b.length;) {
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('no SOF marker in the JPEG');
}

/** The image of the last user turn that has one (the current screenshot). */
export function lastImage(req: ChatRequest): string {
  for (const m of [...req.messages].reverse())
    if (Array.isArray(m.content))
      for (const p of [...m.content].reverse()) if (p.type === 'image_url' && p.image_url) return p.image_url.url;
  throw new Error('no image in the request');
}

/** Python round() (half to even), as the families' reference code rounds. */
export function pyRound(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

/** qwen-vl-utils smart_resize, written out again from vision_process.py for the tests. */
export function pySmartResize(h: number, w: number, factor: number, minP: number, maxP: number): Size {
  let hb = Math.max(factor, pyRound(h / factor) * factor);
  let wb = Math.max(factor, pyRound(w / factor) * factor);
  if (hb * wb > maxP) {
    const beta = Math.sqrt((h * w) / maxP);
    hb = Math.floor(h / beta / factor) * factor;
    wb = Math.floor(w / beta / factor) * factor;
  } else if (hb * wb < minP) {
    const beta = Math.sqrt(minP / (h * w));
    hb = Math.ceil((h * beta) / factor) * factor;
    wb = Math.ceil((w * beta) / factor) * factor;
  }
  return { width: wb, height: hb };
}

type Space = 'abs' | 1000 | 999 | 1;

/** How each family's reference code reads a point (model-grammars.md §0). */
export const SPACE: Record<string, Space> = {
  json: 'abs',
  'ui-tars-1.0': 1000,
  'ui-tars-1.5': 'abs',
  'ui-tars-doubao': 1000,
  seed: 1000,
  'qwen2.5-vl': 'abs',
  'qwen3-vl': 999,
  'gui-owl': 'abs',
  'gui-owl-1.5': 1000,
  'mai-ui': 999,
  autoglm: 1000,
  'glm-v': 999,
  'ui-venus': 'abs',
  'ui-venus-1.5': 1000,
  'os-atlas': 1000,
  'agentcpm-gui': 1000,
  showui: 1,
  aguvis: 1,
};

/** The point a model of this family gives for a device pixel, when it was sent an image of `image` size. */
export function modelPoint(family: string, p: { x: number; y: number }, device: Size, image: Size): [number, number] {
  const s = SPACE[family]!;
  if (s === 'abs')
    return [Math.round((p.x * image.width) / device.width), Math.round((p.y * image.height) / device.height)];
  if (s === 1) return [Number((p.x / device.width).toFixed(4)), Number((p.y / device.height).toFixed(4))];
  return [Math.round((p.x / device.width) * s), Math.round((p.y / device.height) * s)];
}

/** The device pixel a family's reference code computes for a model point (for the round trip). */
export function referenceDevice(family: string, m: [number, number], device: Size, sentImage: Size): [number, number] {
  const s = SPACE[family]!;
  if (s === 'abs') return [(m[0] * device.width) / sentImage.width, (m[1] * device.height) / sentImage.height];
  return [(m[0] / s) * device.width, (m[1] / s) * device.height];
}

/** A tap at a model point, in each family's grammar (as the family's real replies write it). */
export function tapReply(family: string, [x, y]: [number, number], sensitive?: string): string {
  switch (family) {
    case 'json':
      return JSON.stringify({ action: 'tap', x, y });
    case 'ui-tars-1.0':
      return `Thought: I tap the button.\nAction: click(start_box='<|box_start|>(${x},${y})<|box_end|>')`;
    case 'ui-tars-1.5':
      return `Thought: I tap the button.\nAction: click(start_box='(${x},${y})')`;
    case 'ui-tars-doubao':
      return `Thought: I tap the button.\nAction: click(point='<point>${x} ${y}</point>')`;
    case 'seed':
      return `<think>I tap the button.</think><seed:tool_call>\n<function=click>\n<parameter=point><point>${x} ${y}</point></parameter>\n</function>\n</seed:tool_call>`;
    case 'qwen2.5-vl':
      return `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    case 'qwen3-vl':
      return `Thought: The button is in the dialog.\nAction: "Tap the button."\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    case 'gui-owl':
      return `<thinking>\nThe button is in the dialog.\n</thinking>\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>\n<conclusion>\nTapped the button.\n</conclusion>`;
    case 'gui-owl-1.5':
      return `Action: Tap the button.\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    case 'mai-ui':
      return `<thinking>\nTap the button.\n</thinking>\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    case 'autoglm':
      return `<think>点击按钮。</think>\n<answer>do(action="Tap", element=[${x},${y}]${sensitive ? `, message="${sensitive}"` : ''})</answer>`;
    case 'glm-v':
      return `Memory: None\nReason: tap it\nAction: <|begin_of_box|>{"action_type": "click", "box_2d": [[${x - 2},${y - 2},${x + 2},${y + 2}]]}<|end_of_box|>`;
    case 'ui-venus':
    case 'ui-venus-1.5':
      return `<think> tap it </think>\n<action>Click(box=(${x},${y}))</action>\n<conclusion> tapped </conclusion>`;
    case 'os-atlas':
      return `thoughts:\nTap the button.\nactions:\nCLICK <point>[[${x},${y}]]</point>`;
    case 'agentcpm-gui':
      return `{"thought":"点击按钮","POINT":[${x},${y}]}`;
    case 'showui':
      return `{'action': 'TAP', 'value': None, 'position': [${x}, ${y}]}`;
    case 'aguvis':
      return `<|recipient|>os\npyautogui.click(x=${x}, y=${y})`;
    default:
      throw new Error(`no tap grammar for ${family}`);
  }
}

/** The end of the task in each family's grammar. */
export function finishReply(family: string): string {
  switch (family) {
    case 'json':
      return JSON.stringify({ action: 'finish', status: 'success', message: 'done' });
    case 'ui-tars-1.0':
    case 'ui-tars-1.5':
    case 'ui-tars-doubao':
      return `Thought: Done.\nAction: finished(content='done')`;
    case 'seed':
      return `<think>Done.</think><seed:tool_call><function=finished><parameter=content>done</parameter></function></seed:tool_call>`;
    case 'qwen2.5-vl':
    case 'qwen3-vl':
    case 'gui-owl':
    case 'gui-owl-1.5':
    case 'mai-ui':
      return `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "terminate", "status": "success"}}\n</tool_call>`;
    case 'autoglm':
      return `<think>完成</think><answer>finish(message="done")</answer>`;
    case 'glm-v':
      return `Memory: None\nReason: done\nAction: {"action_type": "status", "goal_status": "complete"}`;
    case 'ui-venus':
    case 'ui-venus-1.5':
      return `<think> done </think>\n<action>Finished(content='done')</action>`;
    case 'os-atlas':
      return `thoughts:\nDone.\nactions:\nCOMPLETE`;
    case 'agentcpm-gui':
      return `{"thought":"完成","STATUS":"finish"}`;
    case 'showui':
      return `{'action': 'STATUS TASK COMPLETE', 'value': None, 'position': None}`;
    case 'aguvis':
      return `mobile.terminate(status='success')`;
    default:
      throw new Error(`no finish grammar for ${family}`);
  }
}

/** A scripted model that answers the n-th request with the n-th move. */
export function script(moves: ((req: ChatRequest) => string)[]): (req: ChatRequest) => string {
  let i = 0;
  return (req) => (moves[i++] ?? (() => 'nothing more'))(req);
}
