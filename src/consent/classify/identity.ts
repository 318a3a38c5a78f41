// Who signs a user in: identity providers by name (words.json `provider`), and the words for an account, a phone
// number or an e-mail address in the major languages. A connector ("Continue with {x}", "Continuar con {x}",
// "{x}で続ける") signs in only when its label names one of them: "Continuar con WhatsApp" does, "Continuar con la
// compra" and "あとで続ける" (continue later) do not. The sourced projects' "Continue with Facebook" / "Sign in with
// Google" in each of their locales is that locale's wording for every provider, so it becomes a template.
import written from './words.json' with { type: 'json' };
import { normWords, unspaced, type Phrase } from './text.js';

/**
 * The providers the sourced sign-in strings name (FirebaseUI, the Facebook SDK, Element), as a word of their own: not
 * glued to a Latin suffix ("Googlea", Polish), which a template could not match anyway.
 */
const SOURCED =
  /(?<![\p{Script=Latin}\p{N}])(?:facebook|google|apple|github|microsoft|twitter|yahoo|sso)(?![\p{Script=Latin}\p{N}])/iu;

/** A sourced sign-in phrase naming a provider, with the provider made a placeholder ("Continuar con {x}"). */
export function asTemplate(concept: string, text: string): string | undefined {
  if (concept !== 'sign_in' && concept !== 'sign_up') return undefined;
  return SOURCED.test(text) ? text.replace(SOURCED, '{x}') : undefined;
}

/**
 * Marks the placeholder sign-in phrases holding no sign-in phrase of their own ("continuar con *", "* で続ける"):
 * connectors, which sign in only where the label names who signs in. "使用 * 帐号登录" holds 登录 and signs in.
 */
export function markConnectors(entries: { concept: string; p: Phrase; size: number; connector?: boolean }[]): void {
  const signing = entries.filter(
    (e) => ['sign_in', 'sign_up'].includes(e.concept) && !e.p.words.includes('*') && e.size > 1,
  );
  for (const e of entries)
    if (e.concept === 'sign_in' && e.p.words.includes('*')) {
      const literal = e.p.words.replace(/\*/g, ' ').replace(/ +/g, ' ').trim();
      if (!signing.some((x) => x.p.re.test(literal))) e.connector = true;
    }
}

/**
 * An account, a phone number, an e-mail address, in the major languages (normWords form: no diacritics, lower case).
 * "ID" counts: "Apple ID", "HUAWEI ID", "Continue with Sber ID". A number alone does not ("Continuar con el número de
 * pedido"): only a phone's.
 */
const ACCOUNT =
  /(?:^| )(?:accounts?|id|konto|cuenta|conta|compte|аккаунт\S*|учетн\S*|обліков\S*|hesab\S*|akun|tai khoan|حساب\S*|खात\S*|phone|mobile|e ?mail|sms|otp|passkey|telefono|correo|celular|movil|telefone|courriel|telephone|telefon\S*|telepon|handynummer|телефон\S*|почт\S*|so dien thoai|هاتف|بريد|फ़ोन|फोन|ईमेल|मोबाइल)(?= |$)|账号|帐号|账户|帐户|帳號|帳戶|手机|电话|邮箱|郵箱|電話|メール|アカウント|携帯|계정|아이디|전화|이메일|휴대폰/u;

let providers: { spaced: RegExp; unspaced: string[] } | undefined;

function providerWords() {
  if (providers) return providers;
  const all = (written.concepts as Record<string, string[]>).provider!.map(normWords).filter(Boolean);
  const spaced = all.filter((p) => !unspaced(p)).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return (providers = {
    // A Latin or Cyrillic name ends where its letters do: "LINEで続ける", "Google 계정으로 계속".
    spaced: new RegExp(
      `(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])(?:${spaced.join('|')})(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])`,
      'u',
    ),
    unspaced: all.filter((p) => unspaced(p)),
  });
}

/** A wallet is no identity: "Continue with Apple Pay" / "Continuar con PayPal" pays (the screen's price says so). */
const WALLET =
  /(?:^| )(?:pay|paypal|wallet|pagar|pago|pagamento|paiement|zahlung|оплат\S*|odeme|bayar|thanh toan)(?= |$)|支付|付款|決済|결제|페이/u;

export const namesWallet = (text: string): boolean => WALLET.test(normWords(text));

/** Does a label name an identity provider, an account, a phone number or an e-mail address? */
export function namesIdentity(text: string): boolean {
  const words = normWords(text);
  if (!words || WALLET.test(words)) return false;
  const p = providerWords();
  return ACCOUNT.test(words) || p.spaced.test(words) || p.unspaced.some((u) => words.includes(u));
}
