// What typing text would expose: personal data (an e-mail address, a phone or card number, anything typed into a
// field that asks for such data) and secrets (passwords, PINs, card security codes, one-time codes, card numbers,
// whole or in chunks). Kept apart from tap classification: taps are about what an element grants, typing is about
// what the text itself gives away.
//
// Every scan here is linear in the text and bounded per match: hand-written scanners instead of regular expressions
// over the whole input (an e-mail pattern with a leading `[\w.+-]+` is quadratic on a long word: 160 KB took 67 s,
// 1 MB hung a run). Regular expressions only ever see short, bounded windows.
import type { Category } from '../core/vocab.js';
import type { UiElement, UiTree } from '../device/ui-tree.js';
import type { Sensitivity, Step } from './types.js';

/** Longest label, hint or screen text looked at: field labels are short; prose on a screen is not a field's name. */
const LABEL_MAX = 200;

const PERSONAL_FIELD =
  /e-?mail|phone|mobile|address|street|post ?code|zip|card|birth|passport|iban|social security|full name/i;

/** Fields that take a secret, by label, hint, description or id (the languages of heed's other tables). */
const SECRET_FIELDS: [RegExp, string, Category][] = [
  [
    /pass ?(word|code|phrase)|passwort|kennwort|contrase[ñn]a|mot de passe|senha|пароль|密码|パスワード|비밀번호/i,
    'a password',
    'account_signin',
  ],
  [/\bpin\b|\bpin[- ]?code|geheimzahl|暗証/i, 'a PIN', 'account_signin'],
  [
    /\b(cvv|cvc|cvn|csc|cid)\d?\b|security code|card code|prüfnummer|cryptogramme/i,
    'a card security code',
    'payment_purchase',
  ],
  [
    /one[- ]time|\botp\b|verification|verify|confirmation code|(?<!(?:zip|postal|post|promo|coupon|country|area|discount|referral|voucher|gift|invite|invitation) )\bcode\b|2fa|two[- ]factor|auth(entication)? code|bestätigungscode|código|验证码|認証/i,
    'a one-time code',
    'account_signin',
  ],
  [
    /card ?number|credit card|debit card|kartennummer|numéro de carte|número de tarjeta/i,
    'a card number',
    'payment_purchase',
  ],
];

/** A screen asking for a code, a PIN or card details: short digit strings typed there are secrets. */
const SECRET_SCREEN =
  /\b(pin|cvv|cvc|otp|passcode|code|codes|sms|texted|tan)\b|security code|verification|one[- ]time|payment details|card details|card number|text message|bestätigungscode|sicherheitscode|código|codice|код|смс|验证码|校验码|短信|認証|確認コード|인증|코드|mã xác|doğrulama/i;

/** Words that introduce a secret in prose ("my password is …", "pw …", "secret: …", "PIN 4821", "cvv 737"). */
const PROSE_KEY =
  /\b(password|passwords|passcode|passphrase|passwort|kennwort|contrase[ñn]a|senha|pwd|pw|pass|secret|pin|pin code|code|otp|tan|cvv|cvc|csc)\b|mot de passe|пароль|код|密码|验证码|パスワード|暗証番号|비밀번호|인증번호/giu;
/** Secrets that are digits: after these keys only a digit string counts. */
const DIGIT_KEY = /^(pin|pin code|code|otp|tan|cvv|cvc|csc|код|验证码|暗証番号|인증번호)$/iu;
/** Linking words between the key and the secret ("is", "lautet", "est" …): short, letters only. */
const LINK = /^(?:is|was|ist|lautet|heißt|wäre|es|est|era|è|é|=|:|-|это|是|为|は|는|my|the|now|new|remains)$/iu;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isLocal = (c: number) => isWord(c) || c === 46 || c === 43 || c === 45; // . + -
const isDomain = (c: number) => isWord(c) || c === 45 || c === 46; // - .

/** E-mail addresses: from each "@", at most 64 characters back and 255 forward. */
export function emails(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('@'); at >= 0 && out.length < 50; at = text.indexOf('@', at + 1)) {
    let l = at;
    while (l > 0 && at - l < 64 && isLocal(text.charCodeAt(l - 1))) l--;
    let r = at + 1;
    while (r < text.length && r - at <= 255 && isDomain(text.charCodeAt(r))) r++;
    const domain = text.slice(at + 1, r).replace(/\.+$/, '');
    if (l < at && /^[^.]+(\.[^.]+)+$/.test(domain)) out.push(text.slice(l, at + 1 + domain.length));
  }
  return out;
}

/** Runs of digits with phone-number punctuation between them: each with its digits. */
export function numberRuns(text: string): { run: string; digits: string }[] {
  const out: { run: string; digits: string }[] = [];
  let start = -1;
  let digits = '';
  const flush = (end: number) => {
    if (start >= 0 && digits.length >= 3) out.push({ run: text.slice(start, end).trim(), digits });
    start = -1;
    digits = '';
  };
  for (let i = 0; i <= text.length && out.length < 50; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    const punct = c === 32 || c === 160 || c === 40 || c === 41 || c === 45 || c === 46 || c === 43 || c === 47;
    if (isDigit(c)) {
      if (start < 0) start = i;
      if (digits.length < 64) digits += text[i];
    } else if (!(punct && start >= 0)) flush(i);
  }
  return out.filter((n) => {
    // A run glued to letters ("abc123") is a word, not a number.
    return n.digits.length >= 3;
  });
}

/** Luhn's checksum: what every payment card number satisfies. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

/**
 * Secrets introduced in prose: after a key ("password", "pw", "secret", "PIN", "code", "cvv" …) and at most two
 * linking words ("is", "lautet", ":"), the next token when it looks like one — a digit string after a digit key, else
 * a token holding a digit or a symbol, or mixing cases. Looked for in a short window, so the scan stays linear.
 */
export function prosePasswords(text: string): string[] {
  const out: string[] = [];
  PROSE_KEY.lastIndex = 0;
  for (let m = PROSE_KEY.exec(text); m && out.length < 20; m = PROSE_KEY.exec(text)) {
    // The key is a word of its own: not "Pass" inside "Tr4il!Pass#2024".
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    const after = text[m.index + m[0].length] ?? ' ';
    if (!/[\s"'“«(,;]/.test(before) || !/[\s:=]/.test(after)) continue;
    const window = text.slice(m.index + m[0].length, m.index + m[0].length + 96);
    const digitsOnly = DIGIT_KEY.test(m[0].trim());
    const tokens = window.split(/\s+/).filter(Boolean).slice(0, 4);
    for (let i = 0; i < tokens.length && i <= 2; i++) {
      const raw = tokens[i]!.replace(/^[:=\-–«"'“(]+/, '').replace(/[.,;)"'”»]+$/, '');
      if (!raw || LINK.test(raw) || LINK.test(tokens[i]!)) continue;
      const looks = digitsOnly
        ? /^\d{3,12}$/.test(raw)
        : raw.length >= 4 &&
          raw.length <= 64 &&
          (/\d/.test(raw) || /[^\p{L}\p{N}]/u.test(raw) || /\p{Ll}.*\p{Lu}|\p{Lu}.*\p{Ll}.*\p{Lu}/u.test(raw));
      if (looks) out.push(raw);
      break;
    }
  }
  return out;
}

/** The secrets written in free text: passwords and codes after their keys, password-like tokens. */
export function secretsIn(text: string): string[] {
  const t = text.length <= 4096 ? text : text.slice(0, 4096);
  const out = prosePasswords(t);
  for (const word of t.split(/\s+/)) {
    const w = word.replace(/[,;.)"'”»]+$/, '');
    if (passwordLike(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** Does a question (or a field's name) ask for a secret: a password, a PIN, a code, a card's security code …? */
export function asksForSecret(text: string): boolean {
  const t = text.length <= LABEL_MAX * 2 ? text : text.slice(0, LABEL_MAX * 2);
  return SECRET_FIELDS.some(([re]) => re.test(t)) || /\b(secret|passphrase|recovery phrase|seed phrase)\b/i.test(t);
}

/**
 * A password-like token: one word of 8–64 characters mixing at least three of lower case, upper case, digits and
 * symbols (not an address, a URL or a number): what a password typed into a plain field looks like.
 */
export function passwordLike(text: string): boolean {
  const t = text.trim();
  if (t.length < 8 || t.length > 64 || /\s/.test(t) || t.includes('@') || /^[a-z][\w+.-]*:\/\/|^www\./i.test(t))
    return false;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^\w]|_/].filter((re) => re.test(t)).length;
  return kinds >= 3 && !/^[\d\s.,:/+-]+$/.test(t);
}

const short = (t: string) => (t.length <= LABEL_MAX ? t : '');

function fieldSecret(e: UiElement | undefined): [string, Category] | undefined {
  if (!e) return undefined;
  if (e.password) return ['a password', 'account_signin'];
  const names = [e.hint, e.contentDesc, e.resourceId.split(':id/')[1] ?? '', short(e.label)].filter(Boolean);
  for (const [re, what, cat] of SECRET_FIELDS) if (names.some((n) => re.test(n))) return [what, cat];
  return undefined;
}

/** The screen's own short texts (titles, instructions), bounded. */
function screenWords(tree: UiTree): string {
  const parts: string[] = [];
  for (const x of tree.elements) {
    const t = x.text || x.contentDesc;
    if (t && t.length <= LABEL_MAX && !/EditText/.test(x.class)) parts.push(t);
    if (parts.length >= 60) break;
  }
  return parts.join(' \n ');
}

function typing(
  e: UiElement | undefined,
  category: Category,
  reason: string,
  typed: NonNullable<Sensitivity['typed']>,
  secret?: string,
): Sensitivity {
  return {
    category,
    grant: 'accept',
    exposing: true,
    irreversible: false,
    personalData: true,
    ...(secret ? { secret } : {}),
    typed,
    evidence: { index: e?.index, text: e ? short(e.text || e.label) : '', resourceId: e?.resourceId ?? '', reason },
    source: 'rules',
  };
}

/**
 * What typing `step.text` into `step.element` (or the focused field) would expose, if anything. `typed.parts` are
 * the exposing pieces the gate checks against the profile and the instruction (never the field's current text); a
 * secret's pieces are also what heed redacts from everything it writes.
 */
export function classifyTyped(tree: UiTree, step: Step): Sensitivity | undefined {
  const e = step.element;
  const text = step.text ?? '';
  if (!text) return undefined;
  const fact = step.fact;
  const where = e ? `a "${short(e.hint || e.label) || 'text'}" field` : 'the focused field';

  // Secrets, by the field.
  const field = fieldSecret(e);
  if (field) {
    const [what, category] = field;
    return typing(
      e,
      category,
      `typing ${what} into ${where}`,
      { parts: [text.trim()], ...(fact ? { fact } : {}) },
      what,
    );
  }
  // Secrets, by the text: a password in prose, a card number (alone, or completing what the field holds).
  const prose = prosePasswords(text);
  if (prose.length) {
    const what = prose.every((p) => /^\d+$/.test(p)) ? 'a code' : 'a password';
    return typing(e, 'account_signin', `typing ${what} inside text into ${where}`, { parts: prose }, what);
  }
  if (passwordLike(text))
    return typing(
      e,
      'account_signin',
      `typing something password-like into ${where}`,
      { parts: [text.trim()] },
      'a password',
    );
  const numbers = numberRuns(text);
  const held = e && !/^\s*$/.test(e.text) && e.text !== e.hint ? e.text : '';
  const cardNow = numbers.find((n) => n.digits.length >= 13 && n.digits.length <= 19 && luhn(n.digits));
  const heldDigits = numberRuns(held)
    .map((n) => n.digits)
    .join('');
  const together = heldDigits + numbers.map((n) => n.digits).join('');
  if (cardNow || (heldDigits && together.length >= 13 && together.length <= 19 && luhn(together)))
    return typing(
      e,
      'payment_purchase',
      `typing a card number into ${where}`,
      { parts: numbers.map((n) => n.run) },
      'a card number',
    );
  // Short digit strings on a screen that asks for a code, a PIN or card details.
  // Digits grouped as people type them ("4111 1111", "583-920") count as one code.
  const code = text.length <= 16 && /^[\d\s.\-\u00a0]+$/.test(text) ? text.replace(/\D/g, '') : '';
  const forData = e && [e.hint, e.contentDesc, e.resourceId, short(e.label)].some((t) => t && PERSONAL_FIELD.test(t));
  if (code.length >= 3 && code.length <= 8 && !forData && SECRET_SCREEN.test(screenWords(tree)))
    return typing(
      e,
      'account_signin',
      `typing a code into ${where} on a screen that asks for one`,
      { parts: [text.trim()] },
      'a code',
    );

  // Personal data: what the text holds, or what the field asks for; digits typed in chunks count with what the
  // field already holds ("4111 1111" then "1111 1111").
  const chunked = /^[\d\s.-]+$/.test(text) && heldDigits.length > 0 && together.length >= 8;
  const found = [...emails(text), ...numbers.filter((n) => n.digits.length >= 9 || chunked).map((n) => n.run)];
  const named =
    e && [e.hint, e.contentDesc, short(e.text), short(e.label), e.resourceId].find((t) => t && PERSONAL_FIELD.test(t));
  if (found.length || named) {
    const what = emails(text).length ? 'an email address' : found.length ? 'a phone or card number' : 'personal data';
    return typing(e, 'data_sharing_publish', `typing ${what} into ${named ? `a "${named}" field` : 'a form'}`, {
      parts: found.length ? found : [text.trim()],
      ...(fact ? { fact } : {}),
    });
  }
  return fact
    ? typing(e, 'data_sharing_publish', `typing the profile's "${fact}" into ${where}`, { parts: [text], fact })
    : undefined;
}
