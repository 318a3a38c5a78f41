// Generates src/consent/classify/vocabulary.json: the words real Android apps use, in every locale they ship, for
// the actions heed's consent rules know (sign in, pay, send, share, delete, agree … and the protective ones: cancel,
// not now, skip, decline …). Each source is a public repository's string resources, read by resource name, so the
// word is what translators wrote for that action, not a guess.
//
//   npm run build --silent && node dist/tools/vocabulary.js /work/.mirror > src/consent/classify/vocabulary.json
//
// The argument is the folder holding the mirrors as `fetch` brings them (<owner>+<name>/repo).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git, locale, readBlobs, resourceText, strings, tableJson } from './android-strings.js';

interface Source {
  repo: string;
  /** The strings.xml files to read (paths in the repository). */
  files: RegExp;
  /** Resource name → concept (what the button does, see src/consent/classify/vocabulary.ts). */
  names: Record<string, string>;
  /**
   * Only these languages (Firefox ships 110+ locales): a one-word translation in a language few apps ship collides
   * with another language's word (Yoruba "Pín", share, is "pin" once its tone is dropped).
   */
  languages?: ReadonlySet<string>;
}

/**
 * Translations that do not say the action their resource names, left out: Greek "Φωτογραφία" (take_photo) is the noun
 * "Photo", Bulgarian "Снимане" the noun "Shooting" and "на снимка" a fragment ("of a photo"), Slovak "Poslať fotku"
 * is "Send a photo".
 */
const NOT_THE_ACTION = new Set(['Φωτογραφία', 'Снимане', 'на снимка', 'Poslať fotku']);

/** The languages phone apps ship most: the corpus's, Europe's, India's, and East and South-East Asia's. */
const MAJOR = new Set(
  'en es pt fr de it nl ru uk pl cs sk hu ro bg el tr ar fa he iw hi bn ur ta te mr gu kn ml pa th vi id in ms zh ja ko sv da nb nn fi et lv lt hr sr sl ca'.split(
    ' ',
  ),
);

const SOURCES: Source[] = [
  {
    repo: 'element-hq/element-android',
    files: /^library\/ui-strings\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      action_send: 'send',
      action_share: 'share',
      share_without_verifying_short_label: 'share',
      action_invite: 'invite',
      room_participants_action_invite: 'invite',
      action_leave: 'leave',
      leave_space: 'leave',
      action_delete: 'delete',
      action_remove: 'remove',
      action_sign_out: 'sign_out',
      logout: 'sign_out',
      sign_out_anyway: 'sign_out',
      auth_login: 'sign_in',
      auth_login_sso: 'sign_in',
      login_signin: 'sign_in',
      login_social_signin_with: 'sign_in',
      login_signin_sso: 'sign_in',
      soft_logout_signin_submit: 'sign_in',
      login_splash_create_account: 'sign_up',
      login_signup: 'sign_up',
      login_social_signup_with: 'sign_up',
      action_accept: 'accept',
      action_agree: 'agree',
      action_decline: 'decline',
      action_reject: 'reject',
      action_skip: 'skip',
      action_not_now: 'not_now',
      later: 'later',
      action_cancel: 'cancel',
      action_dismiss: 'dismiss',
      action_close: 'close',
      action_unpublish: 'unpublish',
      action_disconnect: 'disconnect',
      room_alias_published_alias_add_manually_submit: 'publish',
      verification_profile_verify: 'verify',
      encryption_information_verify: 'verify',
      room_widget_resource_grant_permission: 'allow',
      ok: 'ok',
      _continue: 'continue',
      action_next: 'next',
      // The composer's attachment sheet: the sources a photo or file comes from. A camera beside a gallery is a
      // choice of where the app gets the user's media (media.ts); alone, "Camera" or "Take photo" may be a tab or a
      // camera screen's shutter.
      attachment_type_camera: 'source_camera',
      attachment_type_gallery: 'source_library',
      attachment_type_file: 'source_library',
      option_take_photo: 'source_camera',
      option_take_photo_video: 'source_camera',
    },
  },
  {
    repo: 'firebase/FirebaseUI-Android',
    files: /^auth\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      fui_sign_in_default: 'sign_in',
      fui_sign_in_with_google: 'sign_in',
      fui_sign_in_with_facebook: 'sign_in',
      fui_sign_in_with_twitter: 'sign_in',
      fui_sign_in_with_github: 'sign_in',
      fui_sign_in_with_email: 'sign_in',
      fui_sign_in_with_phone: 'sign_in',
      fui_sign_in_with_apple: 'sign_in',
      fui_sign_in_with_microsoft: 'sign_in',
      fui_sign_in_with_yahoo: 'sign_in',
      fui_continue_with_google: 'sign_in',
      fui_continue_with_facebook: 'sign_in',
      fui_continue_with_twitter: 'sign_in',
      fui_continue_with_github: 'sign_in',
      fui_continue_with_email: 'sign_in',
      fui_continue_with_phone: 'sign_in',
      fui_continue_with_apple: 'sign_in',
      fui_continue_with_microsoft: 'sign_in',
      fui_continue_with_yahoo: 'sign_in',
      fui_title_register_email: 'sign_up',
      fui_sign_in_anonymously: 'guest',
      fui_sign_out_action: 'sign_out',
      fui_skip_action: 'skip',
      fui_verify_action: 'verify',
      fui_verify_phone_number: 'verify',
      fui_continue: 'continue',
      fui_next_default: 'next',
    },
  },
  {
    repo: 'facebook/facebook-android-sdk',
    files: /^facebook-(login|common|share)\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      com_facebook_loginview_log_out_button: 'sign_out',
      com_facebook_loginview_log_out_action: 'sign_out',
      com_facebook_loginview_log_in_button: 'sign_in',
      com_facebook_loginview_log_in_button_long: 'sign_in',
      com_facebook_loginview_log_in_button_continue: 'sign_in',
      com_facebook_smart_login_confirmation_continue_as: 'continue_as',
      com_facebook_share_button_text: 'share',
      com_facebook_send_button_text: 'send',
      com_facebook_loginview_cancel_action: 'cancel',
    },
  },
  {
    repo: 'Adyen/adyen-android',
    files: /^[a-z-]+\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      pay_button: 'pay',
      pay_button_with_value: 'pay',
      bacs_confirm_and_pay: 'pay',
      checkout_stored_payment_confirmation_message: 'pay',
      paymentInProgressView_cancelButton: 'cancel',
    },
  },
  {
    repo: 'GrapheneOS/platform_packages_apps_Launcher3',
    files: /^res\/values(-[^/]+)?\/strings\.xml$/,
    names: { uninstall_drop_target_label: 'uninstall', remove_drop_target_label: 'remove' },
  },
  {
    repo: 'GrapheneOS/platform_packages_modules_Permission',
    files: /^PermissionController\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      ok: 'ok',
      cancel: 'cancel',
      grant_dialog_button_allow: 'allow',
      grant_dialog_button_deny: 'deny',
      // A switch's state as Settings shows it: a switch whose only text is its state is read by its row.
      on: 'switch_on',
      off: 'switch_off',
    },
  },
  {
    // Firefox for Android: its password and sign-in prompts, and the browser's share, delete and sign-out actions,
    // in 110+ locales.
    repo: 'mozilla-mobile/firefox-android',
    languages: MAJOR,
    files:
      /^(android-components\/components\/feature\/prompts|fenix\/app)\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      mozac_feature_prompt_sign_in: 'sign_in',
      mozac_feature_prompt_login_save_headline: 'save_login',
      mozac_feature_prompt_login_save_headline_2: 'save_login',
      mozac_feature_prompt_never_save: 'not_now',
      mozac_feature_prompt_not_now: 'not_now',
      mozac_feature_prompt_dont_save: 'not_now',
      mozac_feature_prompts_allow: 'allow',
      mozac_feature_prompts_deny: 'deny',
      mozac_feature_prompts_cancel: 'cancel',
      onboarding_home_sign_in_button: 'sign_in',
      juno_onboarding_sign_in_negative_button: 'not_now',
      onboarding_home_skip_button: 'skip',
      preferences_sign_out: 'sign_out',
      browser_menu_share: 'share',
      history_delete_all: 'delete',
      history_delete_item: 'delete',
      preferences_delete_browsing_data: 'delete',
    },
  },
  {
    // Bitwarden: a password manager's log in, create account, log out and remove account, in 60+ locales.
    repo: 'bitwarden/android',
    languages: MAJOR,
    files: /^ui\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      log_in_verb: 'sign_in',
      create_account: 'sign_up',
      log_out: 'sign_out',
      remove_account: 'remove',
      delete: 'delete',
      continue_text: 'continue',
      cancel: 'cancel',
      verify_master_password: 'verify',
    },
  },
  {
    // The shared strings of Fossify's phone apps (Contacts, Messages, Phone, Gallery, File Manager …): 80 locales.
    repo: 'FossifyOrg/Commons',
    files: /^commons\/src\/main\/res\/values(-[^/]+)?\/strings\.xml$/,
    names: {
      ok: 'ok',
      yes: 'ok',
      no: 'decline',
      cancel: 'cancel',
      close: 'close',
      later: 'later',
      skip: 'skip',
      next: 'next',
      delete: 'delete',
      deletion_confirmation_short: 'delete',
      remove: 'remove',
      share: 'share',
      share_via: 'share',
      send_sms: 'send',
      send_email: 'send',
      call: 'call',
      call_person: 'call',
      add_contact: 'add_contact',
      add_number_to_contact: 'add_contact',
      grant_permission: 'allow',
      restore_defaults: 'delete',
      // What a permission row or switch names ("Bildirimler", "Kamera"): topic nouns, not actions.
      notifications: 'topic_notifications',
      notification: 'topic_notifications',
      camera: 'topic_camera',
      camera_short: 'topic_camera',
      contacts_tab: 'topic_contacts',
      contacts_short: 'topic_contacts',
      calendar_short: 'topic_calendar',
      gallery_short: 'topic_photos_media',
      storage: 'topic_photos_media',
      // Picking a photo, a video or a file for the app (pick_media), and taking one (a source beside the others, as
      // above: Vietnamese "Quay video" is also a menu's "make a video"). Not select_photo (German "Auswählen" is any
      // "Select").
      take_photo: 'source_camera',
      record_video: 'source_camera',
      choose_photo: 'pick_media',
      choose_video: 'pick_media',
      choose_file: 'pick_media',
    },
  },
];

function main() {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node dist/tools/vocabulary.js <folder of mirrors: <owner>+<name>/repo>');
    process.exit(2);
  }
  const phrases = new Map<string, { concept: string; text: string; locales: Set<string>; repos: Set<string> }>();
  const sources: { repo: string; commit: string; files: number }[] = [];
  for (const s of SOURCES) {
    const dir = join(root, s.repo.replace('/', '+'), 'repo');
    if (!existsSync(dir)) throw new Error(`no mirror of ${s.repo} at ${dir} (fetch github:${s.repo})`);
    const commit = git(dir, 'rev-parse', 'HEAD').trim();
    const blobs = new Map<string, Set<string>>();
    for (const line of git(dir, 'ls-tree', '-r', commit).split('\n')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
      if (!m || !s.files.test(m[2]!)) continue;
      const loc = locale(m[2]!.split('/').at(-2)!);
      if (loc && s.languages && !s.languages.has(loc.split('-')[0]!)) continue;
      if (loc) blobs.set(m[1]!, (blobs.get(m[1]!) ?? new Set()).add(loc));
    }
    const texts = readBlobs(dir, [...blobs.keys()]);
    for (const [blob, locs] of blobs) {
      for (const [name, raw] of strings(texts.get(blob)!)) {
        const concept = s.names[name];
        if (!concept) continue;
        const text = resourceText(raw.replace(/%(\d\$)?s/g, '{x}'), '{device}').replace(/\{app\}/g, '{x}');
        if (!text || text.length > 60 || NOT_THE_ACTION.has(text)) continue;
        const key = `${concept}\u0000${text}`;
        const p = phrases.get(key) ?? { concept, text, locales: new Set(), repos: new Set() };
        for (const l of locs) p.locales.add(l);
        p.repos.add(s.repo);
        phrases.set(key, p);
      }
    }
    sources.push({ repo: s.repo, commit, files: blobs.size });
  }
  const rows = [...phrases.values()].sort((a, b) =>
    a.concept === b.concept ? (a.text < b.text ? -1 : 1) : a.concept < b.concept ? -1 : 1,
  );
  process.stdout.write(
    tableJson({
      source: 'string resources of public Android projects, by resource name (tools/vocabulary.ts lists the names)',
      generatedBy: 'tools/vocabulary.ts',
      sources,
      phrases: rows.map((p) => ({
        concept: p.concept,
        text: p.text,
        locales: [...p.locales].sort().join(' '),
        from: [...p.repos].join(' '),
      })),
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
