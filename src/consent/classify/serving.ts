// Starting something that shares the phone with others: a server its files are served from ("Start Copyparty
// Server", "Enable FTP Server"), a hotspot or tethering its connection goes out over, the screen, a live broadcast
// ("Go live", "开始直播"). A verb that starts or turns on, and a noun for what is then shared, in the major languages,
// in the order each language puts them; never the verb alone ("Start", "Start game") nor the noun alone (a "Live" tab,
// "Server profiles").
import type { UiElement } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { topicWords } from './permission.js';
import { point } from './point.js';
import { normWords, wordCount } from './text.js';

const alt = (words: string[]) => words.map(normWords).join('|');

/** Verbs that start or turn something on, leading the label (English, Romance, Russian, Vietnamese, Indonesian). */
const LEAD_VERBS = alt([
  ...['start', 'enable', 'turn on', 'switch on', 'run', 'launch', 'activate', 'begin'],
  ...['iniciar', 'activar', 'habilitar', 'encender', 'empezar', 'comenzar', 'ativar', 'ligar', 'começar'],
  ...['démarrer', 'lancer', 'activer', 'commencer', 'avvia', 'avviare', 'attiva', 'attivare', 'abilita', 'inizia'],
  ...['starte', 'aktiviere', 'запустить', 'запуск', 'включить', 'начать', 'старт'],
  ...['bật', 'khởi động', 'bắt đầu', 'mulai', 'aktifkan', 'nyalakan', 'jalankan'],
  ...['تشغيل', 'بدء', 'تفعيل', 'ابدأ', 'شغل'],
]);
/** What is then shared: a server, a hotspot or tethering, the screen, a broadcast. */
const NOUNS = alt([
  ...['server', 'hotspot', 'wi fi hotspot', 'tethering', 'screen sharing', 'screen share', 'sharing', 'broadcast'],
  ...['broadcasting', 'live stream', 'livestream', 'live streaming', 'live broadcast'],
  ...['servidor', 'punto de acceso', 'zona wi fi', 'anclaje de red', 'compartir pantalla', 'transmisión'],
  ...['ponto de acesso', 'roteador wi fi', 'ancoragem', 'compartilhamento de tela', 'transmissão'],
  ...['serveur', 'point d accès', 'partage de connexion', 'partage d écran', 'diffusion'],
  ...['punto di accesso', 'condivisione schermo', 'trasmissione', 'diretta'],
  ...['сервер', 'точку доступа', 'точка доступа', 'режим модема', 'трансляцию', 'трансляция', 'демонстрацию экрана'],
  ...['máy chủ', 'điểm phát sóng', 'điểm truy cập', 'chia sẻ màn hình', 'phát trực tiếp'],
  ...['berbagi layar', 'siaran', 'siaran langsung', 'tambatan'],
  // Not Arabic البث (a broadcast): تشغيل before it is "play" as well as "turn on".
  ...['الخادم', 'خادم', 'نقطة الاتصال', 'نقطة اتصال', 'مشاركة الشاشة'],
]);
/** Languages that put the verb last: the noun, then a verb that starts or turns on (German, Turkish, Hindi). */
const LAST_VERBS = alt([
  // Not Turkish "aç" (open): "Canlı yayını aç" opens a stream to watch.
  ...['starten', 'aktivieren', 'einschalten', 'başlat', 'etkinleştir'],
  ...['शुरू करें', 'चालू करें', 'आरंभ करें'],
]);
const LAST_NOUNS = alt([
  ...['server', 'hotspot', 'tethering', 'bildschirmfreigabe', 'übertragung', 'livestream', 'sunucu', 'sunucuyu'],
  ...['sunucusunu', 'erişim noktası', 'erişim noktasını', 'ekran paylaşımı', 'ekran paylaşımını', 'yayın', 'yayını'],
  ...['canlı yayın', 'canlı yayını', 'सर्वर', 'हॉटस्पॉट', 'स्क्रीन शेयरिंग', 'लाइव स्ट्रीम'],
]);

/** Up to two words between verb and noun ("Start Copyparty Server"), or after the noun ("Iniciar servidor FTP"). */
const SPACED = new RegExp(
  `^(?:${LEAD_VERBS})(?: \\S+){0,2}? (?:${NOUNS})(?: \\S+){0,2}$|^(?:\\S+ ){0,2}(?:${LAST_NOUNS})(?: \\S+)? (?:${LAST_VERBS})$`,
  'u',
);
/**
 * Chinese, Japanese, Korean: verb and noun without spaces, each language's order; whole labels that say both. A live
 * stream only with a verb that starts it (开始直播): "打开直播" opens one to watch.
 */
const UNSPACED =
  /^(?:启动|开启|打开|启用|開啟|啟動)\S{0,6}?(?:服务器|伺服器|热点|熱點|网络共享|屏幕共享|共享屏幕)$|^(?:开始|開始|发起)\S{0,4}?(?:直播|屏幕共享|共享屏幕|投屏)$|^(?:开播|共享屏幕|共享螢幕|去直播|发起直播)$|^(?:サーバー?|テザリング|アクセスポイント|画面共有|ライブ配信|配信)を?\s?(?:起動|開始|オン|有効に)(?:する|します)?$|^(?:서버|핫스팟|테더링|화면 공유|방송|라이브 방송|라이브)\s?(?:시작|켜기|실행|활성화)(?:하기)?$|^go live$|^(?:passer|aller) en direct$|^transmitir en (?:vivo|directo)$|^transmitir ao vivo$|^vai in diretta$|^выйти в эфир$|^(?:بدء|ابدأ) البث(?: المباشر)?$|^live gehen$|^canlı yayına (?:geç|başla)$/u;

/** Does the label start sharing (a server, a hotspot, the screen, a broadcast)? */
export function startsSharing(label: string): boolean {
  const words = normWords(label);
  return !!words && wordCount(words) <= 6 && (SPACED.test(words) || UNSPACED.test(words));
}

/** A button that starts sharing: "Start Copyparty Server", "Turn on hotspot", "开始直播". */
export function servingPoint(e: UiElement): Sensitivity | undefined {
  const label = (e.text || e.contentDesc).trim();
  if (!label || !startsSharing(label)) return undefined;
  // Sharing one's location is a location consent, as the vocabulary's share_location is ("Turn on location sharing").
  if (topicWords(label)?.category === 'location')
    return point(e, 'location', 'accept', `"${label}" starts sharing the user's location`, { irreversible: true });
  return point(
    e,
    'data_sharing_publish',
    'accept',
    `"${label}" starts sharing with others (a server, a hotspot, the screen or a broadcast)`,
  );
}
