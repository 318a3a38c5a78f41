// Switches and checkboxes: what a toggle turns on, from the words on its row (a topic: ads, location, backup,
// special access, notifications, a permission with an access word) and its polarity from its state and wording
// (turning an exposure on, or a protection off, exposes). A Preference row's checkbox is a switch too.
import type { Category, Grant } from '../../core/vocab.js';
import { idSuffix, type UiElement, type UiTree, within } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { ACCESS, SPECIAL } from './topics.js';
import { topicWords } from './permission.js';
import { point } from './point.js';
import { namesNoun, topicNouns } from './states.js';
import { normMessage } from './text.js';
import { startsSharing } from './serving.js';

export const isRadio = (tree: UiTree, e: UiElement) =>
  /RadioButton/.test(e.class) || /RadioButton/.test(toggleOf(tree, e)?.class ?? '');

/** A checkable in a Preference row: its row (up to two levels up) holds AOSP's title and summary ids, one checkable. */
export function preferenceRow(tree: UiTree, box: UiElement): boolean {
  let row = box;
  for (let i = 0; i < 2 && row.parent !== undefined; i++) row = tree.elements[row.parent]!;
  const inRow = tree.elements.filter((x) => within(x, row));
  const ids = new Set(inRow.map((x) => idSuffix(x.resourceId)));
  return ids.has('title') && ids.has('summary') && inRow.filter((x) => x.checkable).length === 1;
}

/** Toggles whose label names what they share: on shares, off protects. */
const TOGGLE_TOPICS: [Category, RegExp][] = [
  ['payment_purchase', /save (my )?card|remember (this )?card|save payment/i],
  [
    'tracking_ads_cookies',
    /offers|newsletter|marketing|partners|promotions|werbung|реклам|营销|マーケティング|마케팅/i,
  ],
  ['tracking_ads_cookies', /cookie|tracking|personali[sz]ed ads|ad personali[sz]ation|advertising id|广告|広告|광고/i],
  ['location', /location|geotag|位置|위치|местоположени/i],
  // Usage statistics, diagnostics, crash reports: data collected about the user, as tracking consent dialogs say.
  [
    'tracking_ads_cookies',
    /usage (data|statistics|stats)|diagnostic|crash (report|data)|performance data|analytics|telemetry|help improve|uuid|统计|诊断|使用情况|사용 통계|статистик/i,
  ],
  // Overlays, accessibility, auto-start and the other special app access (context.ts SPECIAL).
  ['special_access', SPECIAL],
  [
    'data_sharing_publish',
    /back ?up|sync|shar(e|ing)|upload|find friends|hotspot|tethering|\b(ftp|sftp|http|web|dlna|smb|webdav) ?server|热点|网络共享|テザリング|핫스팟|테더링|точк\S* доступа|режим модема|punto de acceso|ponto de acesso|point d.accès|partage de connexion|erişim noktası|điểm phát sóng|アクセスポイント|نقطة (ال)?اتصال|हॉटस्पॉट|screen content|screen context|screenshot|屏幕上的|屏幕截图|画面の|화면의|system log|include logs?\b|registro (do|del) sistema|备份|同步|共享|バックアップ|백업|동기화/i,
  ],
  [
    'notifications',
    /notification|\balerts?\b|reminders?|\be-?mails\b|benachrichtigung|notificaç|notificacion|notifica|push|bildirim|通知|알림|уведомлени/i,
  ],
  ['sms_calls', /call recording|record calls|通话录音|通話録音|통화 녹음|запись (звонков|разговоров)/i],
  ['photos_media', /\bphotos\b|照片|写真|사진|фото/i],
  ['account_signin', /stay signed in|remember me|save login|保存登录|로그인 상태 유지/i],
];

/** The switch or checkbox a row holds (a preference row nests it in a widget frame). */
export function toggleOf(tree: UiTree, e: UiElement): UiElement | undefined {
  if (e.checkable) return e;
  const under = (c: UiElement) => {
    for (let up = c.parent; up !== undefined; up = tree.elements[up]!.parent) if (up === e.index) return true;
    return false;
  };
  return tree.elements.find((c) => c.checkable && c.index > e.index && under(c));
}

/**
 * A switch's label says what it turns on: an exposure ("Personalised ads", "Share usage data") or a protection
 * ("Limit ad tracking", "Hide my location", "Private account"). Its polarity comes from its state and that wording:
 * turning an exposure on, or a protection off, exposes. Protection words: negations, limiting and blocking verbs,
 * privacy adjectives, in the corpus languages.
 */
const PROTECTS =
  /\b(limit|limited|opt[ -]?out|disable|disallow|block|blocking|turn off|switch off|stop|pause|hide|hidden|do not|don't|dont|never|no|not|prevent|restrict|restricted|private|privacy mode|incognito|anonymous|anonymi[sz]e|without|exclude|mute)\b|nicht|kein|deaktivier|blockier|verberg|ausblend|einschränk|privat|ne pas|désactiv|bloquer|masquer|limiter|privé|anonym|desactiv|bloque|ocultar|limitar|privad|anónim|non |disattiv|blocca|nascond|limita|privat|не |отключ|запрет|скры|блокир|огранич|приватн|анонимн|不|禁止|关闭|隐藏|屏蔽|限制|私密|匿名|しない|無効|非公開|制限|ブロック|非表示|안 |않|차단|끄기|숨기|제한|비공개/i;
/** Words for being seen by others: a privacy switch ("Private account", "Public profile") shares or withholds. */
const VISIBILITY =
  /private|public|visible|discoverable|searchable|privat|öffentlich|sichtbar|privé|public|privad|públic|приватн|публичн|私密|公开|非公開|公開|비공개|공개/i;

/** A switch's or checkbox's consent point, from `texts` (the words a person reads it by: labels.ts candidates). */
export function togglePoint(tree: UiTree, e: UiElement, texts: string[]): Sensitivity | undefined {
  const toggle = toggleOf(tree, e);
  if (!toggle || e.class === 'android.widget.RadioButton') return undefined;
  const topic =
    TOGGLE_TOPICS.find(([, re]) => texts.some((t) => re.test(t))) ??
    // "Start Copyparty Server" as a switch: turning on what shares the phone with others.
    (texts.some(startsSharing) ? (['data_sharing_publish', /./] as const) : undefined) ??
    // A notification switch in any of the sourced locales ("Mesaj bildirimleri", "Powiadomienia").
    (texts.some((t) => topicNouns().some(([c, noun]) => c === 'notifications' && namesNoun(t, noun)))
      ? (['notifications', /./] as const)
      : undefined) ??
    (texts.some((t) => VISIBILITY.test(t)) ? (['data_sharing_publish', VISIBILITY] as const) : undefined);
  // A privacy switch that names a permission and access to it ("Camera access", "마이크 사용 … 허용합니다"); a camera
  // app's "Camera grid" names no access and is no consent point.
  const joined = texts.join(' ');
  const perm = topic ? undefined : ACCESS.test(joined) ? topicWords(joined) : undefined;
  const category = topic?.[0] ?? perm?.category;
  if (!category) return undefined;
  const label = texts[0] ?? '';
  const protects = PROTECTS.test(normMessage(label));
  // On a protection, "checked" is the safe state: tapping it off exposes.
  const exposes = toggle.checked === protects;
  const grant: Grant = exposes ? 'accept' : 'decline';
  const how = protects
    ? `protection "${label}" ${toggle.checked ? 'off' : 'on'}`
    : `"${label}" ${toggle.checked ? 'off' : 'on'}`;
  return point(e, category, grant, `toggle ${how}`, { standing: true });
}
