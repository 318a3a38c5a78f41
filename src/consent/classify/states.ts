// Words that are not actions: a switch's state ("On", "关闭", "Açık") and the topic nouns a permission row or a
// notification switch names ("Bildirimler", "Kamera"), both from sourced translations (vocabulary.json).
import type { Category } from '../../core/vocab.js';
import sourced from './vocabulary.json' with { type: 'json' };
import written from './words.json' with { type: 'json' };
import { normWords, unspaced } from './text.js';

let nouns: [Category, string][] | undefined;
/**
 * Topic nouns by category from the sourced translations (Fossify's "Notifications", "Camera", "Contacts", "Calendar",
 * "Gallery", "Storage" in 80 locales): what a permission row or a notification switch names, in normWords form.
 */
export function topicNouns(): [Category, string][] {
  nouns ??= sourced.phrases
    .filter((r) => r.concept.startsWith('topic_'))
    .map((r) => [r.concept.slice(6) as Category, normWords(r.text)] as [Category, string])
    .filter(([, w]) => [...w].length >= 3);
  return nouns;
}

/** Does the text name this noun: the word itself, or (in spaced scripts) a word that inflects it ("bildirimleri")? */
export function namesNoun(text: string, noun: string): boolean {
  const words = normWords(text);
  if (unspaced(noun)) return words.includes(noun);
  const stem = noun.length >= 7 ? noun.slice(0, -2) : noun;
  return words.split(' ').some((w) => w === noun || (stem !== noun && w.startsWith(stem)));
}

let states: Set<string> | undefined;
/**
 * A switch's state as its text ("On", "Off", "关闭", "Açık"): AOSP PermissionController's on / off strings in every
 * locale (vocabulary.json) and words.json's `states`. Such a text says nothing about what the switch does.
 */
export function isSwitchState(label: string): boolean {
  states ??= new Set(
    [
      ...sourced.phrases.filter((r) => r.concept === 'switch_on' || r.concept === 'switch_off').map((r) => r.text),
      ...(written.states as string[]),
    ].map(normWords),
  );
  return states.has(normWords(label));
}
