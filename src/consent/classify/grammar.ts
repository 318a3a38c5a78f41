// The grammar of labels, per language family, as the vocabulary matches them: which adverbs may lead a verb, which
// languages end a label with it, first-person statements, head nouns and verb endings of the unspaced scripts,
// possessive labels that name places, and the phrases too short or too ambiguous to read inside a longer label.

/** In scripts that space their words, a button's verb leads it ("Pay now – $12.99"); these adverbs may come first. */
export const LEADING = new Set(
  // Adverbs; "or sign in with your number"; React Native test ids ("button-LOGIN").
  'now quick quickly securely jetzt maintenant ahora agora ora nu сейчас or ou o oder или atau hoặc button btn yes да sí oui ja sim'.split(
    ' ',
  ),
);
/**
 * Languages that space their words but put the verb last (Turkish, Hindi, Bengali …): there the phrase may end the
 * label ("Fotoğrafları Gönderi Olarak Yayınla", "Hesabı sil"). Told by letters only those languages write, in the
 * phrase or in the label.
 */
export const VERB_LAST =
  /[ğşıİĞŞ]|[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}]/u;
/** One word in the infinitive form German and Dutch labels end with ("Konto löschen", "Foto delen"). */
export const INFINITIVE = /^[a-zäöüßéëïè]{3,}(?:en|ern|eln)$/;
export const VERB_FINAL_LOCALES = /(?:^| )(?:de|nl|vls|gsw|lb|li|fy|af|nds)(?:-|$| )/;
/** Locales whose labels end with the verb, whatever its letters ("Talebi gönder"): Turkish, Azerbaijani, Persian, India's. */
export const VERB_LAST_LOCALES = /(?:^| )(?:tr|az|fa|hi|bn|mr|gu|pa|ta|te|kn|ml|ur|ne|si)(?:-|$| )/;
/** A checkbox's statement in the first person ("I understand and want to delete."): its verb may come anywhere. */
export const FIRST_PERSON = /^(i|i m|i ve|i have|ich|je|j|yo|eu|io|ik|я|我|私|저는|나는)( |$)|^(我|私)/;
/** Chinese nouns that head a compound and are never a verb's object: settings, method, centre, rules, notes, details
 * (not 协议, "agreement": "同意协议" agrees to it). */
export const HEAD_NOUN = /^(?:设置|設置|设定|設定|方式|方法|中心|说明|說明|规则|規則|须知|須知|详情|詳情)/u;
/** Korean and Japanese verb endings after a noun-verb (공유하기, 送信する). */
export const VERB_ENDING =
  /^(하기|하다|합니다|해요|하세요|할게요|해|실행|する|します|して|しよう|を?する|は?こちら|を?(実行|確定)(する)?)$/;
/** Sign-in words are nouns as well: "Student sign in", "Staff login" name the action too. */
export const TRAILING = new Set(['sign_in', 'sign_up', 'sign_out']);
/** Possessive labels name places, not actions: "My posts", "我的发布", "マイページ", "내 주문". */
export const POSSESSIVE =
  /^(my|mein\S*|mon|ma|mes|mi|mis|meu\S*|minha\S*|mio|mia|miei|mijn|мо[йиея]|我的|マイ|내)( |$)|^(我的|マイ)/;
/**
 * Phrases one sourced language uses for an action that a language sharing its script uses for another: Japanese
 * 退出 (leave a room) is Chinese "exit the app". Turkish "Ara" is both "Call" and "Search"; Scandinavian "Ring" (call)
 * is an English noun.
 */
export const AMBIGUOUS = new Set(['退出', 'ara', 'ring']);
/**
 * Translations that name the action only as a whole label: Bitwarden's Brazilian "Conectar-se" and Firefox's Chilean
 * "Conectarse" (log in) and French "Connexion" are "connect" and "connection" before a noun ("Conectar-se a uma rede
 * Wi-Fi", "Connexion Bluetooth"); Russian "Выход", Hebrew "צא" and Arabic "اخرج" (log out) are any "exit".
 */
export const WHOLE_ONLY = new Set(['conectar se', 'conectarse', 'connexion', 'выход', 'צא', 'اخرج']);
export const SHORT_CHARS = 12;
