// Text as the rules compare it: one normal form for screen text, resource ids and the words the rules know, so
// "ＰＡＹ", "Pay\u00a0now!", "PAY NOW" and "pay now" are one label, and `btn_login_quick` / `btnLogInQuick` read
// "btn login quick". Matching is on whole words in scripts that space their words, on substrings in those that do not.

/** Marks that change nothing a person reads: bidi controls and isolates (Android wraps app names in them), zero-width
 * marks, and emoji variation selectors (the U+FE0F after "🗑️" would otherwise be a word of its own, ahead of the verb). */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ufe00-\ufe0f]/g;

/** Case, width (NFKC: full-width letters, NBSP), invisible marks and whitespace, for whole messages. */
export function normMessage(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * A label's words: normMessage, then Latin/Greek/Cyrillic diacritics dropped ("Iniciar sesión" = "iniciar sesion";
 * only the combining-diacritics block, so Thai vowels, kana voicing and Hangul stay) and punctuation and symbols made
 * spaces, trimmed.
 */
export function normWords(s: string): string {
  return (
    normMessage(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Turkish dotless ı: "ÇIKIŞ YAP" lowercases to "çikiş", so "Çıkış yap" must read the same.
      .replace(/ı/g, 'i')
      .normalize('NFC')
      // Punctuation, symbols, and private-use glyphs (icon fonts draw "" beside "Logout").
      .replace(/[\p{P}\p{S}\p{Co}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      // Chinese buttons padded to width ("确 定", "卖 出"): the space between two characters is no word break.
      .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
      .trim()
  );
}

/** A resource id as words: the part after ":id/", snake, kebab and camel case split ("btnLogIn_quick" → "btn log in quick"). */
export function idWords(resourceId: string): string {
  const i = resourceId.indexOf(':id/');
  const id = i >= 0 ? resourceId.slice(i + 4) : resourceId;
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** Scripts written without spaces between words: a phrase there matches as a substring. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Korean spaces its words but attaches particles and 하다-endings: 로그인하기 holds 로그인. */
const AGGLUTINATING = /\p{Script=Hangul}/u;

export function unspaced(s: string): boolean {
  return UNSPACED.test(s) || AGGLUTINATING.test(s);
}

/** How long a label is, in words (in unspaced scripts, a word per two characters). */
export function wordCount(words: string): number {
  if (!words) return 0;
  return words.split(' ').reduce((n, w) => n + (UNSPACED.test(w) ? Math.ceil([...w].length / 2) : 1), 0);
}

export interface Phrase {
  /** The phrase in normWords form; `*` stands for any words (a placeholder such as an amount or a name). */
  words: string;
  re: RegExp;
}

/** A phrase as a matcher over normWords text: whole words (or, in unspaced scripts, anywhere), `*` for any words. */
export function phrase(text: string): Phrase {
  // A word no label holds stands in for placeholders through normWords (which drops punctuation such as "*").
  const words = normWords(text.replace(/\{[^}]*\}|%(\d\$)?[sd]/g, ' zqxplaceholder '))
    .replace(/zqxplaceholder( zqxplaceholder)*/g, '*')
    .trim();
  const tight = unspaced(words);
  const body = words
    .split(' ')
    .map((w) => (w === '*' ? (tight ? '.+?' : '\\S+(?: \\S+)*?') : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join(tight ? ' ?' : ' ');
  return { words, re: new RegExp(tight ? body : `(?:^| )${body}(?= |$)`, 'u') };
}

/** Where the phrase sits in the label: 0 when the label starts with it, -1 when absent. */
export function findPhrase(p: Phrase, words: string): number {
  const m = p.re.exec(words);
  if (!m) return -1;
  return m.index === 0 || (m.index === 1 && words[0] === ' ') ? 0 : m.index;
}
