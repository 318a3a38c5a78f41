// Where an app gets the user's photos and files from, read by where a button stands: a choice of sources ("Galerie"
// beside "Caméra"; the camera side itself is no consent point, its permission dialog is), a composer's attachment sheet: Camera · Gallery · File), an upload beside a camera choice ("Camera
// Scan" · "Upload Receipt" picks the receipt from the phone's photos), and a composer's paperclip beside its message
// field. A bare source name is no consent point alone: a "Gallery" tab, a section titled "Gallery", a launcher's
// "Camera" icon name a place, not a choice of what to hand the app.
import type { UiElement, UiTree } from '../../device/ui-tree.js';
import type { Sensitivity } from '../types.js';
import { point } from './point.js';
import { NAV_TAB } from './readings.js';
import { normWords } from './text.js';
import { conceptOf } from './vocabulary.js';
import sourced from './vocabulary.json' with { type: 'json' };
import written from './words.json' with { type: 'json' };

type Source = 'camera' | 'library';

let names: Map<string, Source> | undefined;
/**
 * Source names in normWords form: Element's attachment sheet (Camera, Gallery, File) and Fossify's Camera, Gallery and
 * Take photo in their translations (vocabulary.json), and words.json's `sources`.
 */
function sourceNames(): Map<string, Source> {
  if (names) return names;
  names = new Map();
  const kind: Record<string, Source> = {
    source_camera: 'camera',
    topic_camera: 'camera',
    source_library: 'library',
    topic_photos_media: 'library',
  };
  for (const r of sourced.phrases) if (kind[r.concept]) names.set(normWords(r.text), kind[r.concept]!);
  const w = written.sources as Record<Source, string[]>;
  for (const s of ['camera', 'library'] as const) for (const t of w[s]) names.set(normWords(t), s);
  return names;
}

const own = (e: UiElement) => (e.text || e.contentDesc || e.label).trim();

/** What source a button's whole label names: a bare name, or an action that picks from one ("Take photo"). */
function sourceOf(e: UiElement): Source | undefined {
  const label = own(e);
  const bare = sourceNames().get(normWords(label));
  if (bare) return bare;
  const c = conceptOf(label)?.concept;
  return c === 'use_camera' ? 'camera' : c === 'pick_media' || c === 'upload_media' ? 'library' : undefined;
}

/** Tabs and navigation bars: their "Camera" and "Gallery" open pages of the app. */
const NAVIGATION = /tab|navigation|nav_|_nav|bottom_?bar|bottomnav|menu_item/i;
const navigates = (e: UiElement) =>
  e.selected || e.checkable || NAV_TAB.test(own(e)) || NAVIGATION.test(`${e.class} ${e.resourceId}`);

/**
 * The buttons that stand with e: its parent's clickable descendants, or, when e is alone in its parent (a Compose
 * button wraps each choice), its grandparent's.
 */
function peers(tree: UiTree, e: UiElement): UiElement[] {
  const under = (root: number, x: UiElement) => {
    for (let up = x.parent; up !== undefined; up = tree.elements[up]!.parent) if (up === root) return true;
    return false;
  };
  let up = e.parent;
  for (let level = 0; up !== undefined && level < 2; level++, up = tree.elements[up]!.parent) {
    const root = up;
    const found = tree.interactive
      .map((i) => tree.elements[i]!)
      .filter((x) => x !== e && x.clickable && under(root, x) && !under(e.index, x));
    if (found.length) return found;
  }
  return [];
}

/** "Galerie" beside "Caméra": the user picks where the app gets the photo from. */
function sourceChoice(tree: UiTree, e: UiElement): Sensitivity | undefined {
  const label = own(e);
  const mine = sourceNames().get(normWords(label));
  // Opening the camera gives nothing away: the camera permission dialog is the grant, and what the picture is then
  // used for (a post, an upload) is asked where it happens. Asking at "Take photo" too asked twice for one photo.
  if (mine !== 'library' || !e.clickable || navigates(e)) return undefined;
  const group = peers(tree, e);
  // A grid of many (an app drawer, a tools page) lists places to go; a choice of source offers a few.
  if (group.length > 8 || group.some(navigates)) return undefined;
  const other = group.find((x) => {
    const s = sourceOf(x);
    return s && s !== mine;
  });
  if (!other) return undefined;
  return point(
    e,
    'photos_media',
    'accept',
    `"${label}" beside "${own(other)}" is a choice of source: it opens the phone’s photos or files for the app`,
  );
}

/** A paperclip (📎, 🖇) beside a message field: attaching a file to what is being written. */
const PAPERCLIP = /^(?:\u{1F4CE}|\u{1F587}\uFE0F?)$/u;

function paperclip(tree: UiTree, e: UiElement): Sensitivity | undefined {
  if (!e.clickable || !PAPERCLIP.test(own(e)) || draft(tree, e) !== 'written') return undefined;
  return point(
    e,
    'data_sharing_publish',
    'accept',
    `"${own(e)}" beside the message being written attaches a file to it`,
  );
}

/**
 * The message field beside a composer's control, on its line: 'written' when it holds what the user typed, 'empty' when it shows
 * only its hint or placeholder. Beside an empty field (a fresh chat, its Send still disabled) nothing is being
 * written: the attach icon is one of the tools on display, not a step in sending something.
 */
export function draft(tree: UiTree, e: UiElement): 'written' | 'empty' | undefined {
  // The field on the control's own line (a message bar), not any field of a form the button sits in.
  const field = peers(tree, e).find(
    (x) => /EditText/.test(x.class) && x.bounds[1] < e.bounds[3] && x.bounds[3] > e.bounds[1],
  );
  if (!field) return undefined;
  const text = field.text.trim();
  return text && text !== field.hint.trim() && !PLACEHOLDER.test(text) ? 'written' : 'empty';
}

/**
 * A field's placeholder as some dumps give it for its text (with an empty hint): "Message", "Type a message…",
 * "Aa", "输入消息": an ellipsis, or the word for a message with at most a verb before it.
 */
const PLACEHOLDER =
  /(?:…|\.\.\.)$|^(?:aa|(?:type|write|send|enter|add)?(?: an?)? ?(?:message|comment|reply)(?: here)?|mensaje|mensagem|message|nachricht|messaggio|сообщение|mesaj|رسالة|消息|输入消息|發訊息|发消息|メッセージ|메시지|tin nhắn|pesan|संदेश)$/iu;

/** Buttons whose words no vocabulary names, read as a media source: a choice of sources, a composer's paperclip. */
export function mediaPoint(tree: UiTree, e: UiElement): Sensitivity | undefined {
  return sourceChoice(tree, e) ?? paperclip(tree, e);
}

/** An upload or attach beside a camera choice picks from the phone's photos ("Camera Scan" · "Upload Receipt"). */
export function besideCamera(tree: UiTree, e: UiElement): string | undefined {
  const camera = peers(tree, e).find((x) => sourceOf(x) === 'camera');
  return camera ? own(camera) : undefined;
}
