// The Settings side door: every Android surface outside the grant dialog that changes a runtime permission, special
// app access, an account or its sync. The app-permission screen is matched by its radio buttons' resource ids (AOSP
// PermissionController's app_permission.xml: allow_radio_button, allow_always_radio_button,
// allow_foreground_only_radio_button, select_radio_button, ask[_one_time]_radio_button, deny[_foreground]_radio_button,
// location_accuracy_switch), so it holds in every language; the permission it changes comes from the screen's title
// ("Location permission") or header ("Location access for this app"). Special app access and sync switches are
// matched by AOSP Settings' own switch titles ("Allow display over other apps", "Permit usage access", …).
import { PROTECTIVE, type Category, type Grant } from '../core/vocab.js';
import { idSuffix, type UiElement, type UiTree } from '../device/ui-tree.js';
import { conceptsIn } from './classify/vocabulary.js';
import type { Sensitivity } from './types.js';

const RADIOS: Record<string, Grant> = {
  allow_radio_button: 'allow_always',
  allow_always_radio_button: 'allow_always',
  allow_foreground_only_radio_button: 'allow_foreground',
  foreground_only_radio_button: 'allow_foreground',
  select_radio_button: 'allow_selected',
  // "Ask every time" leaves no standing grant: the app must ask again, and that dialog is gated.
  ask_radio_button: 'deny',
  ask_one_time_radio_button: 'deny',
  deny_radio_button: 'deny',
  deny_foreground_radio_button: 'deny',
};
const ACCURACY = 'location_accuracy_switch';

/** Permission group labels (AOSP PermissionController, the main languages) → heed's categories. */
const GROUPS: [Category, RegExp][] = [
  ['location', /location|standort|ubicaci[óo]n|localisation|posizione|местоположение|位置|위치/i],
  ['camera', /camera|kamera|c[áa]mara|cam[ée]ra|fotocamera|камера|相机|カメラ|카메라/i],
  ['microphone', /microphone|mikrofon|micr[óo]fono|microfono|микрофон|麦克风|マイク|마이크/i],
  ['contacts', /contacts|kontakte|contactos|contatti|контакты|通讯录|連絡先|연락처/i],
  ['calendar', /calendar|kalender|calendario|calendrier|календарь|日历|カレンダー|캘린더/i],
  ['sms_calls', /\bsms\b|phone|call logs|telefon|anrufliste|tel[ée]fono|t[ée]l[ée]phone|журнал|短信|電話|전화/i],
  ['notifications', /notifications|benachrichtigungen|notificaciones|notifiche|уведомления|通知|알림/i],
  [
    'photos_media',
    /photos|videos|music|audio|files|media|storage|fotos|dateien|archivos|fichiers|фото|照片|写真|사진|nearby devices/i,
  ],
];

/** Special app access, each switch as AOSP Settings titles it. Turning one on gives the app that power. */
const SPECIAL_ACCESS =
  /^(allow display over other apps|permit usage access|allow modifying system settings|allow from this source|allow access to manage all files|allow access to all files|allow management of all files|allow setting alarms and reminders|allow notification access|allow picture-in-picture|allow app to control wi-?fi|allow app to manage media|allow do not disturb|allow full screen notifications|allow background usage|allow turn screen on|allow premium sms|unrestricted data|use .+ service)$/i;
/** Confirmations that give an app control of the device or a role. */
const SPECIAL_CONFIRM: [RegExp, RegExp][] = [
  [/^(allow|erlauben|permitir|autoriser|consenti)$/i, /full control of your device|notification access for/i],
  [/^activate this device admin app$|^activate$/i, /device admin/i],
  [/^set as default$/i, /as your default .+ app\?/i],
];
/** Sync and account surfaces: a sync switch shares the account's data with the service. */
const SYNC_SWITCH = /^(automatically sync (app |personal |work )?data|auto-sync( app)? data|sync now|sync .+)$/i;
const SYNC_SCREEN = /^(account sync|sync)$/i;
const ADD_ACCOUNT = /^add account$/i;
/**
 * App info's "Archive" (Android 15): the app is removed and only its data kept, beside "Uninstall". Elsewhere
 * ("Archive" in a mail app) it files a message away, so only a page that offers to uninstall counts.
 */
const ARCHIVE =
  /^(archive|archive app|archivieren|archivar|archiver|archiviare|arquivar|archiveren|архивировать|归档|封存|アーカイブ|보관처리|보관 처리|arşivle|arsipkan|lưu trữ)$/i;

function sensitivity(e: UiElement, category: Category, grant: Grant, reason: string, extra: Partial<Sensitivity> = {}) {
  const s: Sensitivity = {
    category,
    grant,
    exposing: !PROTECTIVE.has(grant),
    irreversible: false,
    evidence: { index: e.index, text: e.text || e.label, resourceId: e.resourceId, reason },
    source: 'rules',
    ...extra,
  };
  return s;
}

/** Texts that may name the permission group: the toolbar title, the header message. */
function screenTitles(tree: UiTree): string[] {
  const out: string[] = [];
  for (const e of tree.elements) {
    const t = e.text.trim();
    if (!t || t.length > 80) continue;
    // AOSP's header has the id; the toolbar title ("Location permission") does not, so English titles count too.
    if (idSuffix(e.resourceId) === 'permission_message' || / permission$| access for this app$/i.test(t)) out.push(t);
  }
  return out;
}

function groupOf(tree: UiTree): Category | undefined {
  for (const t of screenTitles(tree)) {
    const hit = GROUPS.find(([, re]) => re.test(t));
    if (hit) return hit[0];
  }
  return undefined;
}

const isRadioScreen = (tree: UiTree) => tree.elements.some((x) => idSuffix(x.resourceId) in RADIOS);

/** The checked radio's grant (what the app has now), for the precise-location switch. */
function currentGrant(tree: UiTree): Grant | undefined {
  const on = tree.elements.find((x) => x.checked && idSuffix(x.resourceId) in RADIOS);
  return on ? RADIOS[idSuffix(on.resourceId)] : undefined;
}

/** A switch row: the row itself or its checkable child. */
function switchOf(tree: UiTree, e: UiElement): UiElement | undefined {
  if (e.checkable) return e;
  return tree.elements.find((c) => c.parent === e.index && c.checkable);
}

function rowTitle(tree: UiTree, e: UiElement): string {
  if (e.text) return e.text.trim();
  const title = tree.elements.find((c) => c.parent === e.index && c.text && !c.checkable);
  return (title?.text ?? e.label.split(' · ')[0] ?? '').trim();
}

/** What tapping `e` on a Settings surface would change, if it changes a permission, access, account or sync. */
export function settingsPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  const id = idSuffix(e.resourceId);
  if (id in RADIOS || (id === ACCURACY && isRadioScreen(tree))) {
    // An unnamed group is still a permission: 'unknown', which the gate always asks about, never a guessed topic.
    const category = groupOf(tree) ?? 'unknown';
    const why = category === 'unknown' ? 'a permission the screen does not name' : category;
    if (id === ACCURACY) {
      const sw = switchOf(tree, e);
      if (sw?.checked) return sensitivity(e, 'location', 'decline', 'Settings: precise location off (approximate)');
      const grant = currentGrant(tree) === 'allow_always' ? 'allow_always' : 'allow_foreground';
      return sensitivity(e, 'location', grant, 'Settings: turns precise location on', { precision: 'precise' });
    }
    const grant = RADIOS[id]!;
    const accuracy = tree.elements.find((x) => idSuffix(x.resourceId) === ACCURACY);
    // Only an enabled switch that is off means approximate: a disabled one (no grant yet) says nothing of what the
    // grant will give, so precise is assumed.
    const sw = accuracy && switchOf(tree, accuracy);
    const precise = !(sw && sw.enabled && accuracy!.enabled && !sw.checked);
    const precision =
      category === 'location' && !PROTECTIVE.has(grant) ? (precise ? 'precise' : 'approximate') : undefined;
    return sensitivity(e, category, grant, `Settings app permission (${why}): "${e.text || id}" gives ${grant}`, {
      ...(precision ? { precision } : {}),
    });
  }
  const title = rowTitle(tree, e);
  const sw = switchOf(tree, e);
  if (sw && title && SPECIAL_ACCESS.test(title))
    return sensitivity(
      e,
      'special_access',
      sw.checked ? 'decline' : 'accept',
      `special app access: "${title}" ${sw.checked ? 'off' : 'on'}`,
      { standing: true },
    );
  const screen = tree.elements.map((x) => x.text).filter(Boolean);
  if (sw && title && (SYNC_SWITCH.test(title) || screen.some((t) => SYNC_SCREEN.test(t.trim()))))
    return sensitivity(
      e,
      'data_sharing_publish',
      sw.checked ? 'decline' : 'accept',
      `account sync: "${title}" ${sw.checked ? 'off' : 'on'}`,
      { standing: true },
    );
  const label = (e.text || e.contentDesc || e.label).trim();
  if (label.length <= 48) {
    if (ADD_ACCOUNT.test(label)) return sensitivity(e, 'account_signin', 'accept', `"${label}" (account_signin)`);
    const text = screen.join(' \n ');
    if (ARCHIVE.test(label) && conceptsIn(text).has('uninstall'))
      return sensitivity(e, 'destructive', 'accept', `"${label}" beside Uninstall archives the app: it is removed`);
    for (const [button, context] of SPECIAL_CONFIRM)
      if (button.test(label) && context.test(text))
        return sensitivity(e, 'special_access', 'accept', `"${label}" confirms special access`);
  }
  return undefined;
}

/** The app a Settings screen is about, by the label in its header ("TrailCam"), when it shows one. */
export function settingsAppLabel(tree: UiTree): string | undefined {
  const header = tree.elements.find((x) => idSuffix(x.resourceId) === 'entity_header_title' && x.text);
  return header?.text.trim() || undefined;
}
