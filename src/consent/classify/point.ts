// One consent point, with its evidence: every rule builds its result here, so each carries the element it is about,
// the text a person reads on it and the reason in words.
import { PROTECTIVE, type Category, type Grant } from '../../core/vocab.js';
import type { UiElement } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';

/** Categories whose exposing steps cannot be undone: money spent, things deleted. */
export const IRREVERSIBLE: ReadonlySet<Category> = new Set(['payment_purchase', 'destructive']);

export function point(
  e: UiElement,
  category: Category,
  grant: Grant,
  reason: string,
  extra: Partial<Sensitivity> = {},
): Sensitivity {
  return {
    category,
    grant,
    exposing: !PROTECTIVE.has(grant),
    irreversible: extra.irreversible ?? (IRREVERSIBLE.has(category) && !PROTECTIVE.has(grant)),
    evidence: { index: e.index, text: e.text || e.contentDesc || e.label, resourceId: e.resourceId, reason },
    source: 'rules',
    ...extra,
  };
}
