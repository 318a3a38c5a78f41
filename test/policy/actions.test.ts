import { actionDocs, actionJsonSchema, ACTIONS, validateAction } from '../../src/policy/actions.js';

describe('the action space', () => {
  test('valid actions pass', () => {
    for (const a of [
      { action: 'tap', element: 3 },
      { action: 'tap', x: 10, y: 20, sensitive: { category: 'location', reason: 'grants location' } },
      { action: 'type', text: 'hello', clear: true },
      { action: 'scroll', direction: 'down' },
      { action: 'swipe', direction: 'left', element: 4 },
      { action: 'ask_user', question: 'Which address?', options: ['Home', 'Work'] },
      { action: 'finish', status: 'infeasible', message: 'No such setting' },
    ]) {
      expect(validateAction(a)).toEqual({ ok: true, action: a });
    }
  });

  test('invalid output is rejected with a message the model can act on', () => {
    expect(validateAction({ action: 'tap' })).toEqual({
      ok: false,
      error: expect.stringContaining('give element, or both x and y'),
    });
    expect(validateAction({ action: 'tap', x: 5 })).toMatchObject({ ok: false });
    expect(validateAction({ action: 'scroll', direction: 'sideways' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^direction: /),
    });
    expect(validateAction({ action: 'fly' })).toMatchObject({ ok: false });
    expect(validateAction('tap 3')).toMatchObject({ ok: false });
    expect(
      validateAction({ action: 'tap', element: 1, sensitive: { category: 'weather', reason: 'x' } }),
    ).toMatchObject({ ok: false });
  });

  test('there is no action that grants consent', () => {
    expect(Object.keys(ACTIONS)).not.toEqual(expect.arrayContaining(['grant', 'allow', 'approve', 'consent']));
    expect(validateAction({ action: 'grant', category: 'location' })).toMatchObject({ ok: false });
  });

  test('the JSON schema and the prompt docs come from the same definitions', () => {
    const schema = JSON.stringify(actionJsonSchema());
    const docs = actionDocs();
    for (const name of Object.keys(ACTIONS)) {
      expect(schema).toContain(`"${name}"`);
      expect(docs).toContain(`- ${name}`);
    }
    expect(docs).toContain('- tap {element?, x?, y?, sensitive?}: tap an element or a point');
    expect(docs).toContain('- ask_user {question, options?}:');
    expect(docs).toContain('- back: press the system BACK key');
  });
});
