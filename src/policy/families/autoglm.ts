// AutoGLM-Phone (zai-org/Open-AutoGLM, GLM-4.1V-9B based): `<think>…</think><answer>do(action="Tap",
// element=[x,y])</answer>`, points 0–1000 (the handler maps int(x/1000·W), phone_agent/actions/handler.py#L110-L116,
// although the prompt says 999). The Chinese system prompt is the one with the whole action space
// (phone_agent/config/prompts_zh.py): `Take_over` (login, captcha) and `Interact` (choose among options) become
// heed's questions to the user; a sensitive `Tap(…, message="重要操作")` is a tap flagged sensitive, which makes heed's
// gate ask — the flag adds caution, it never decides. Reading follows phone_agent/model/client.py#L176-L215: from the
// first `finish(message=` else `do(action=`, a missing or stray </answer> is fine. History: every reply rebuilt as
// <think>…</think><answer>…</answer>, earlier screenshots removed (phone_agent/agent.py#L145-L222).
import type { Category } from '../../core/vocab.js';
import type { Action } from '../actions.js';
import type { Message } from '../llm/client.js';
import { readCalls } from './pylit.js';
import { pair, pointOf, xy } from './points.js';
import { ask, feedback, finished, heedContext, image, nativeFrame, seconds, text } from './shared.js';
import { ReplyError, type Family, type Reading } from './types.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function system(now: Date): string {
  const date = `${now.getFullYear()}年${String(now.getMonth() + 1).padStart(2, '0')}月${String(now.getDate()).padStart(2, '0')}日 ${WEEKDAYS[now.getDay()]}`;
  return `今天的日期是: ${date}
你是一个智能体分析专家，可以根据操作历史和当前状态图执行一系列操作来完成任务。
你必须严格按照要求输出以下格式：
<think>{think}</think>
<answer>{action}</answer>

其中：
- {think} 是对你为什么选择这个操作的简短推理说明。
- {action} 是本次执行的具体操作指令，必须严格遵循下方定义的指令格式。

操作指令及其作用如下：
- do(action="Launch", app="xxx")  
    Launch是启动目标app的操作，这比通过主屏幕导航更快。此操作完成后，您将自动收到结果状态的截图。
- do(action="Tap", element=[x,y])  
    Tap是点击操作，点击屏幕上的特定点。可用此操作点击按钮、选择项目、从主屏幕打开应用程序，或与任何可点击的用户界面元素进行交互。坐标系统从左上角 (0,0) 开始到右下角（999,999)结束。此操作完成后，您将自动收到结果状态的截图。
- do(action="Tap", element=[x,y], message="重要操作")  
    基本功能同Tap，点击涉及财产、支付、隐私等敏感按钮时触发。
- do(action="Type", text="xxx")  
    Type是输入操作，在当前聚焦的输入框中输入文本。使用此操作前，请确保输入框已被聚焦（先点击它）。自动清除文本：当你使用输入操作时，输入框中现有的任何文本都会在输入新文本前自动清除。
- do(action="Type_Name", text="xxx")  
    Type_Name是输入人名的操作，基本功能同Type。
- do(action="Interact")  
    Interact是当有多个满足条件的选项时而触发的交互操作，询问用户如何选择。
- do(action="Swipe", start=[x1,y1], end=[x2,y2])  
    Swipe是滑动操作，通过从起始坐标拖动到结束坐标来执行滑动手势。坐标系统从左上角 (0,0) 开始到右下角（999,999)结束。
- do(action="Long Press", element=[x,y])  
    Long Pres是长按操作，在屏幕上的特定点长按指定时间。坐标系统从左上角 (0,0) 开始到右下角（999,999)结束。
- do(action="Double Tap", element=[x,y])  
    Double Tap在屏幕上的特定点快速连续点按两次。坐标系统从左上角 (0,0) 开始到右下角（999,999)结束。
- do(action="Take_over", message="xxx")  
    Take_over是接管操作，表示在登录和验证阶段需要用户协助。
- do(action="Back")  
    导航返回到上一个屏幕或关闭当前对话框。相当于按下 Android 的返回按钮。
- do(action="Home") 
    Home是回到系统桌面的操作，相当于按下 Android 主屏幕按钮。
- do(action="Wait", duration="x seconds")  
    等待页面加载，x为需要等待多少秒。
- finish(message="xxx")  
    finish是结束任务的操作，表示准确完整完成任务，message是终止信息。 

必须遵循的规则：
1. 在执行任何操作前，先检查当前app是否是目标app，如果不是，先执行 Launch。
2. 如果进入到了无关页面，先执行 Back。如果执行Back后页面没有变化，请点击页面左上角的返回键进行返回，或者右上角的X号关闭。
3. 如果页面未加载出内容，最多连续 Wait 三次，否则执行 Back重新进入。
4. 如果当前页面找不到目标联系人、商品、店铺等信息，可以尝试 Swipe 滑动查找。
5. 在执行下一步操作前请一定要检查上一步的操作是否生效。
6. 在结束任务前请一定要仔细检查任务是否完整准确的完成。
`;
}

/** thinking and action, split as Open-AutoGLM's client does. */
export function splitAutoGlm(reply: string): { thinking: string; action: string } {
  for (const marker of ['finish(message=', 'do(action=']) {
    const i = reply.indexOf(marker);
    if (i >= 0) return { thinking: clean(reply.slice(0, i)), action: reply.slice(i).trim() };
  }
  const i = reply.indexOf('<answer>');
  if (i >= 0)
    return {
      thinking: clean(reply.slice(0, i)),
      action: reply
        .slice(i + 8)
        .replace(/<\/answer>/g, '')
        .trim(),
    };
  return { thinking: '', action: reply.trim() };
}

const clean = (t: string) => t.replace(/<\/?think>|<answer>/g, '').trim();

/** What a sensitive tap's message is about, for the question heed asks (the gate asks whatever it says). */
function categoryOf(message: string): Category {
  if (/登录|验证|sign|log ?in|password|密码/i.test(message)) return 'account_signin';
  if (/删除|delete|remove/i.test(message)) return 'destructive';
  if (/发送|发布|分享|send|post|share|publish/i.test(message)) return 'data_sharing_publish';
  if (/位置|定位|location/i.test(message)) return 'location';
  // "涉及财产、支付、隐私等敏感按钮": property and payment first.
  return 'payment_purchase';
}

function toAction(name: string, p: Record<string, unknown>, thought: string): Action {
  if (name === 'finish') return finished(p.message ?? p._);
  if (name !== 'do') throw new ReplyError(`'${name}(…)' is neither do(action=…) nor finish(message=…)`);
  const a = String(p.action ?? '');
  const el = () => pointOf(p.element, `${a}'s element`);
  switch (a) {
    case 'Launch':
      return { action: 'open_app', app: String(p.app ?? '') };
    case 'Tap': {
      if (p.message === undefined) return { action: 'tap', ...xy(el()) };
      const m = String(p.message);
      return { action: 'tap', ...xy(el()), sensitive: { category: categoryOf(m), reason: m || 'sensitive tap' } };
    }
    case 'Type':
    case 'Type_Name':
      return { action: 'type', text: String(p.text ?? ''), clear: true };
    case 'Swipe':
      return {
        action: 'swipe',
        from: pair(pointOf(p.start, 'Swipe’s start')),
        to: pair(pointOf(p.end, 'Swipe’s end')),
      };
    case 'Long Press':
      return { action: 'long_press', ...xy(el()) };
    case 'Double Tap':
      return { action: 'double_tap', ...xy(el()) };
    case 'Back':
      return { action: 'back' };
    case 'Home':
      return { action: 'home' };
    case 'Wait':
      return { action: 'wait', seconds: seconds(p.duration, 2) };
    case 'Interact':
      return ask(p.message, thought, 'Several options fit the task; which one do you want?');
    case 'Take_over':
      return ask(
        p.message,
        thought,
        'Please take over this step on the phone (sign-in or verification), then answer when done.',
      );
    case 'Note':
    case 'Call_API':
      // Notes and summaries are the agent's own memory in Open-AutoGLM; heed keeps none, so the step only waits.
      return { action: 'wait', seconds: 1 };
    default:
      throw new ReplyError(`do(action="${a}") is not an AutoGLM action`);
  }
}

export function readAutoGlm(reply: string): Reading {
  const { thinking, action } = splitAutoGlm(reply);
  const calls = readCalls(action.replace(/<\/answer>[\s\S]*$/, ''));
  if (!calls.length) throw new ReplyError('no do(action=…) or finish(message=…) was found');
  return {
    actions: calls.map((c) => toAction(c.name, { _: c.args[0], ...c.kwargs }, thinking)),
    ...(thinking ? { thought: thinking } : {}),
  };
}

const screenInfo = (pkg: string) => JSON.stringify({ current_app: pkg });

export const autoGlm: Family = {
  name: 'autoglm',
  title: 'AutoGLM-Phone (zai-org, AutoGLM-Phone-9B and -Multilingual)',
  models: /auto-?glm/i,
  regime: 'norm1000',
  frame: nativeFrame(),
  messages: (input) => {
    const c = heedContext(input, false);
    const out: Message[] = [{ role: 'system', content: system(input.now) }];
    input.past.forEach((p, i) => {
      out.push({
        role: 'user',
        content:
          i === 0
            ? `${input.instruction}${c ? `\n\n${c}` : ''}\n\n${screenInfo(p.package)}`
            : `** Screen Info **\n\n${screenInfo(p.package)}`,
      });
      const { thinking, action } = splitAutoGlm(p.reply);
      out.push({
        role: 'assistant',
        content: `<think>${thinking}</think><answer>${action.replace(/<\/answer>[\s\S]*$/, '')}</answer>`,
      });
      const f = feedback(p);
      if (f) out.push({ role: 'user', content: f });
    });
    const now = input.past.length
      ? `** Screen Info **\n\n${screenInfo(input.package)}`
      : `${input.instruction}${c ? `\n\n${c}` : ''}\n\n${screenInfo(input.package)}`;
    out.push({ role: 'user', content: [text(now), image(input.image)] });
    return out;
  },
  read: readAutoGlm,
  reask: (error) =>
    `上一步的输出无法执行：${error}。请严格按照格式输出：<think>...</think><answer>do(action=...)</answer>（The last reply could not be executed; answer in the required format.）`,
};
