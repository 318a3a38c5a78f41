// The concepts a button's words can name — what pressing it does: its category (when the words alone name one), its
// grant, whether it can be undone, and its role (an action, an agreement, a confirmation, a refusal, a provider).
import type { Category, Grant } from '../../core/vocab.js';

/**
 * What pressing a button of this concept does. `category` set: the words alone name it. Unset: the category comes
 * from the screen (a dialog's message, a terms text, the screen's own consent point): `confirm` concepts go ahead
 * with whatever the screen asks, `protective` ones refuse it.
 */
export interface Concept {
  category?: Category;
  grant: Grant;
  irreversible?: boolean;
  role: 'direct' | 'agree' | 'confirm' | 'protective' | 'provider';
  /** Its one-word phrases are nouns too ("Close Friends", "Call history"): they must be the whole label. */
  whole?: boolean;
}

export const CONCEPTS: Record<string, Concept> = {
  sign_in: { category: 'account_signin', grant: 'accept', role: 'direct' },
  share_location: { category: 'location', grant: 'accept', irreversible: true, role: 'direct' },
  pair: { category: 'data_sharing_publish', grant: 'accept', role: 'direct' },
  // An identity provider's name alone ("Google", "카카오", "Phone OTP") signs in only on a screen that says sign in.
  provider: { category: 'account_signin', grant: 'accept', role: 'provider', whole: true },
  call: { category: 'sms_calls', grant: 'accept', role: 'direct', whole: true },
  // Turning on a sensor a permission guards, from inside the app: the microphone ("Voice input", "语音输入"), the
  // camera ("Use camera", "Take photo").
  record_audio: { category: 'microphone', grant: 'accept', role: 'direct' },
  use_camera: { category: 'camera', grant: 'accept', role: 'direct' },
  // Handing the app the user's photos or files from inside it ("Choose photo", "Browse Gallery", "Attach Image"): an
  // app's own gallery reads what the storage permission already lets it, and what the system picker returns is the
  // app's from then on, so the in-app entry is where the user decides. A bare "Gallery" beside a "Camera" is the same
  // choice (media.ts).
  pick_media: { category: 'photos_media', grant: 'accept', role: 'direct' },
  // "Upload photo", "上传图片": the picked photo goes to the app's servers, irreversible as any upload.
  upload_media: { category: 'photos_media', grant: 'accept', irreversible: true, role: 'direct' },
  // Attaching a file to what is being written ("Attach", "Adjuntar", "添付", a composer's 📎: media.ts): it goes out
  // with the message. Nothing is sent yet, so it is not irreversible.
  attach: { category: 'data_sharing_publish', grant: 'accept', role: 'direct' },
  add_contact: { category: 'contacts', grant: 'accept', role: 'direct' },
  sign_up: { category: 'account_signin', grant: 'accept', role: 'direct' },
  continue_as: { category: 'account_signin', grant: 'accept', role: 'direct' },
  verify: { category: 'account_signin', grant: 'accept', role: 'direct' },
  save_login: { category: 'account_signin', grant: 'accept', role: 'direct' },
  guest: { category: 'account_signin', grant: 'decline', role: 'protective' },
  pay: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  buy: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  order: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  subscribe: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  trial: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  transfer: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  top_up: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  trade: { category: 'payment_purchase', grant: 'accept', irreversible: true, role: 'direct' },
  checkout: { category: 'payment_purchase', grant: 'accept', role: 'direct' },
  send: { category: 'data_sharing_publish', grant: 'accept', irreversible: true, role: 'direct' },
  share: { category: 'data_sharing_publish', grant: 'accept', irreversible: true, role: 'direct' },
  invite: { category: 'data_sharing_publish', grant: 'accept', irreversible: true, role: 'direct' },
  publish: { category: 'data_sharing_publish', grant: 'accept', irreversible: true, role: 'direct' },
  upload: { category: 'data_sharing_publish', grant: 'accept', irreversible: true, role: 'direct' },
  delete: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  remove: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  uninstall: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  leave: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  sign_out: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  unpublish: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  disconnect: { category: 'destructive', grant: 'accept', irreversible: true, role: 'direct' },
  accept_all: { category: 'tracking_ads_cookies', grant: 'accept', role: 'direct' },
  reject_all: { category: 'tracking_ads_cookies', grant: 'decline', role: 'protective' },
  accept: { grant: 'accept', role: 'agree' },
  agree: { grant: 'accept', role: 'agree' },
  allow: { grant: 'accept', role: 'agree' },
  ok: { grant: 'accept', role: 'confirm' },
  continue: { grant: 'accept', role: 'confirm' },
  next: { grant: 'accept', role: 'confirm' },
  confirm: { grant: 'accept', role: 'confirm' },
  cancel: { grant: 'decline', role: 'protective', whole: true },
  not_now: { grant: 'decline', role: 'protective', whole: true },
  later: { grant: 'decline', role: 'protective', whole: true },
  skip: { grant: 'decline', role: 'protective', whole: true },
  dismiss: { grant: 'decline', role: 'protective', whole: true },
  close: { grant: 'decline', role: 'protective', whole: true },
  decline: { grant: 'decline', role: 'protective', whole: true },
  reject: { grant: 'decline', role: 'protective', whole: true },
  deny: { grant: 'deny', role: 'protective', whole: true },
  disagree: { grant: 'decline', role: 'protective', whole: true },
  // "Enable" / "Turn on" / "启用" go ahead with what the screen or row asks (an overlay, notifications); "Disable" /
  // "禁用" turn it off. Neither names a category: the dialog's message or the row's words do.
  enable: { grant: 'accept', role: 'confirm' },
  // "Save" goes ahead only with what a dialog or a confirmation page names ("Save password?"): labels.ts.
  save: { grant: 'accept', role: 'confirm' },
  disable: { grant: 'decline', role: 'protective', whole: true },
};
