// System surfaces recognised by the package and ids Android gives them, whatever the language: the share sheet and
// "Open with" (IntentResolver / ChooserActivity / ResolverActivity), the photo picker and the file picker, account choosers and
// credential sheets (an account row is the grant), and the screen-capture consent.
import { idSuffix, type UiElement, type UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { named } from './labels.js';
import { point } from './point.js';

/** The share sheet and "Open with": Android 14's IntentResolver, and ChooserActivity / ResolverActivity before it. */
const RESOLVER_PACKAGES = new Set(['com.android.intentresolver', 'com.google.android.intentresolver']);
const RESOLVER_IDS = new Set([
  'resolver_list',
  'chooser_row',
  'resolver_page',
  'button_once',
  'button_always',
  'profile_button',
]);
const PICKER_PACKAGES = new Set([
  'com.google.android.photopicker',
  'com.android.photopicker',
  'com.google.android.providers.media.module',
  'com.android.providers.media.module',
  'com.android.providers.media',
]);
const ACCOUNT_PACKAGES = new Set([
  'com.google.android.gms',
  'android',
  'com.android.credentialmanager',
  'com.google.android.gms.auth',
]);
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const ACCOUNT_IDS = /^(account_name|account_display_name|account_email|account_row|credential_.*|account_.*_row)$/;
const SCREEN_CAPTURE =
  /record(ing)? or cast|start recording or casting|截取.{0,12}屏幕|屏幕上显示的所有内容|投射|录制屏幕|screen (recording|capture|content)|share your screen|cast your screen|aufzeichnen oder streamen|grabar o transmitir|enregistrer ou caster|录制或投放|录屏|画面の録画|화면 녹화|запись или трансляц/i;

const pkgOf = (tree: UiTree, e: UiElement, windowPackage: string) =>
  e.package || windowPackage || tree.elements[0]?.package || '';
const tappable = (e: UiElement) => e.clickable || e.longClickable;

function resolverPoint(tree: UiTree, e: UiElement, pkg: string): Sensitivity | undefined {
  const system =
    RESOLVER_PACKAGES.has(pkg) ||
    (pkg === 'android' && tree.elements.some((x) => RESOLVER_IDS.has(idSuffix(x.resourceId))));
  if (!system || !tappable(e)) return undefined;
  const n = named(tree, e);
  if (n?.concept.role === 'protective') return undefined;
  const id = idSuffix(e.resourceId);
  const target = id === 'item' || id === 'button_once' || id === 'button_always' || (!!e.label && !e.scrollable);
  if (!target) return undefined;
  return point(
    e,
    'data_sharing_publish',
    'accept',
    `share sheet / "Open with" (${pkg}): "${e.label}" hands the content to that app`,
    {
      irreversible: false,
    },
  );
}

/** The system file picker (DocumentsUI), and its sign that it is picking for an app (ACTION_GET_CONTENT): the row of
 * other apps that can provide the content ("Browse files in other apps": apps_group's app_icon items). Browsing in
 * the Files app shows no such row, and its rows give nothing to anyone. */
const DOCUMENTS_UI = new Set([
  'com.android.documentsui',
  'com.google.android.documentsui',
  'com.google.android.go.documentsui',
]);
const pickingContent = (tree: UiTree) => {
  const group = tree.elements.find((x) => idSuffix(x.resourceId) === 'apps_group');
  return !!group && tree.elements.some((x) => idSuffix(x.resourceId) === 'app_icon' && x.index > group.index);
};

function pickerPoint(tree: UiTree, e: UiElement, pkg: string): Sensitivity | undefined {
  const files = DOCUMENTS_UI.has(pkg) && pickingContent(tree);
  if ((!PICKER_PACKAGES.has(pkg) && !files) || !tappable(e)) return undefined;
  const n = named(tree, e);
  const role = n?.concept.role;
  if (role === 'protective') return undefined;
  // A photo (tapping it picks it, or hands it over at once in a single-select sheet) and the button that hands the
  // selection over ("Done", "Add", "Allow"); tabs, albums, search and the sheet's handle only browse.
  const handsOver = ['confirm', 'agree'].includes(role ?? '');
  const item =
    /^(selected )?(photo|video|image|foto|vídeo|照片|视频|写真|動画|사진|동영상|фото|видео)\b/i.test(
      e.contentDesc || e.label,
    ) ||
    /thumbnail|media_item|photo_item|image_item/i.test(idSuffix(e.resourceId)) ||
    (files && idSuffix(e.resourceId) === 'item_root');
  if (!handsOver && !item) return undefined;
  return point(
    e,
    'photos_media',
    'allow_selected',
    `photo picker (${pkg}): "${e.label || e.resourceId}" gives the selected items`,
  );
}

/** A sheet that offers saved sign-ins: Credential Manager, or an account chooser that says so in its title. */
const CHOOSER =
  /choose an account|select an account|choose account|use your saved|saved passkey|passkey|sign in with|continue as|選擇帳戶|选择账号|选择帐号|选择账户|アカウントを選択|계정 선택|выберите аккаунт|elige una cuenta|selecciona una cuenta|escolha uma conta|konto auswählen|choisissez un compte|bir hesap seçin|pilih akun/i;

/** Credential Manager's rows and an account chooser's rows: each signs in with that credential. */
function credentialPoint(tree: UiTree, e: UiElement, pkg: string): Sensitivity | undefined {
  if (!tappable(e) || e.scrollable || !ACCOUNT_PACKAGES.has(pkg) || !e.label.trim()) return undefined;
  const sheet =
    pkg === 'com.android.credentialmanager' ||
    tree.elements.some((x) => !x.clickable && CHOOSER.test(x.text || x.contentDesc));
  if (!sheet) return undefined;
  const n = named(tree, e);
  // Its way out ("Cancel", "Not now") and the sheet's other controls ("Manage passwords") are no sign-in.
  // A button that names its own action ("Remove account") keeps it (labels.ts).
  if (
    n?.concept.role === 'protective' ||
    n?.concept.role === 'direct' ||
    /manage|settings|more options|管理|設定|설정|управл|gestionar/i.test(e.label)
  )
    return undefined;
  return point(e, 'account_signin', 'accept', `credential sheet (${pkg}): "${e.label}" signs in with it`);
}

function accountPoint(tree: UiTree, e: UiElement, pkg: string): Sensitivity | undefined {
  if (!tappable(e)) return undefined;
  const id = idSuffix(e.resourceId);
  const byId =
    ACCOUNT_IDS.test(id) || tree.elements.some((c) => c.parent === e.index && ACCOUNT_IDS.test(idSuffix(c.resourceId)));
  const email = EMAIL.exec(e.label)?.[0];
  if (!byId && !(email && ACCOUNT_PACKAGES.has(pkg))) return undefined;
  return point(e, 'account_signin', 'accept', `account chooser (${pkg}): "${e.label}" signs in with that account`);
}

function capturePoint(tree: UiTree, e: UiElement, pkg: string): Sensitivity | undefined {
  if (pkg !== 'com.android.systemui' || !tappable(e)) return undefined;
  const text = tree.elements.map((x) => x.text).join(' ');
  if (!SCREEN_CAPTURE.test(text)) return undefined;
  const n = named(tree, e);
  if (n?.concept.role === 'protective') return undefined;
  if (e.resourceId !== 'android:id/button1' && n?.concept.role !== 'confirm' && !/start/i.test(e.label))
    return undefined;
  return point(
    e,
    'data_sharing_publish',
    'accept',
    `screen-capture consent (${pkg}): "${e.label}" lets the app see everything on screen`,
  );
}

export function surfacePoint(tree: UiTree, e: UiElement, windowPackage: string): Sensitivity | undefined {
  const pkg = pkgOf(tree, e, windowPackage);
  return (
    resolverPoint(tree, e, pkg) ??
    pickerPoint(tree, e, pkg) ??
    capturePoint(tree, e, pkg) ??
    accountPoint(tree, e, pkg) ??
    credentialPoint(tree, e, pkg)
  );
}
