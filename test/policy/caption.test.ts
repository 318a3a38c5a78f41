// One caption per action for the terminal, the approval page and the reports: short, readable, never raw JSON, and
// never a crash on what a file or a hostile reply may hold.
import { actionCaption } from '../../src/policy/caption.js';

describe('action captions', () => {
  test('each action in a line, with the element it touched', () => {
    const t = { index: 14, label: 'Take photo' };
    expect(actionCaption({ action: 'tap', element: 14 }, t)).toBe('tap [14] "Take photo"');
    expect(actionCaption({ action: 'long_press', x: 500, y: 1200.456 })).toBe('long_press at (500, 1200.46)');
    expect(actionCaption({ action: 'type', text: 'Sam', element: 3 }, { index: 3, label: 'To' })).toBe(
      'type "Sam" into [3] "To"',
    );
    expect(actionCaption({ action: 'type', text: 'x', clear: true })).toBe('type "x" (replacing)');
    expect(actionCaption({ action: 'scroll', direction: 'down' })).toBe('scroll down');
    expect(actionCaption({ action: 'swipe', direction: 'left', element: 2 })).toBe('swipe left on [2]');
    expect(actionCaption({ action: 'open_app', app: 'TrailCam' })).toBe('open_app TrailCam');
    expect(actionCaption({ action: 'wait', seconds: 2 })).toBe('wait 2 s');
    expect(actionCaption({ action: 'ask_user', question: 'Which trail?' })).toBe('ask_user "Which trail?"');
    expect(actionCaption({ action: 'finish', status: 'success', message: 'ok' })).toBe('finish success');
    expect(actionCaption({ action: 'back' })).toBe('back');
  });

  test('long texts are cut with an ellipsis; whitespace is folded', () => {
    const c = actionCaption({ action: 'answer', text: `a\n\n${'b'.repeat(100)}` });
    expect(c).toMatch(/^answer "a b{57}…"$/);
  });

  test('anything else reads as "no valid action", never throws', () => {
    for (const v of [undefined, null, 42, 'tap', {}, { action: 7 }, [] as unknown])
      expect(actionCaption(v)).toBe('(no valid action)');
    expect(actionCaption({ action: 'x'.repeat(200) })).toHaveLength(40);
  });
});
