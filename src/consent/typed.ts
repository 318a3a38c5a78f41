// What typing text would expose: personal data (an e-mail address, a phone or card number, or anything typed into a
// field that asks for such data) and passwords. Kept apart from tap classification: taps are about what an element
// grants, typing is about what the text itself gives away.
import type { UiElement, UiTree } from '../device/ui-tree.js';
import type { Sensitivity, Step } from './types.js';

const PERSONAL: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+\.[\w.-]+/, 'an email address'],
  [/(?:\+|\b)\d[\d\s().-]{7,}\d\b/, 'a phone or card number'],
];
const PERSONAL_FIELD =
  /e-?mail|phone|mobile|address|street|post ?code|zip|card|birth|passport|iban|social security|full name/i;

function typing(e: UiElement | undefined, reason: string, category: Sensitivity['category']): Sensitivity {
  return {
    category,
    grant: 'accept',
    exposing: true,
    irreversible: false,
    personalData: true,
    evidence: { index: e?.index, text: e ? e.text || e.label : '', resourceId: e?.resourceId ?? '', reason },
    source: 'rules',
  };
}

/** What typing `step.text` into `step.element` (or the focused field) would expose, if anything. */
export function classifyTyped(_tree: UiTree, step: Step): Sensitivity | undefined {
  const e = step.element;
  if (!step.text) return undefined;
  const what = PERSONAL.find(([re]) => re.test(step.text!))?.[1];
  const field = e && [e.hint, e.text, e.label, e.resourceId].find((t) => PERSONAL_FIELD.test(t));
  if (e?.password) return typing(e, 'typing into a password field', 'account_signin');
  if (what || field)
    return typing(
      e,
      `typing ${what ?? 'personal data'} into ${field ? `a "${field}" field` : 'a form'}`,
      'data_sharing_publish',
    );
  return undefined;
}
