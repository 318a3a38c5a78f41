// The device port: everything heed needs from a phone, and nothing about models.
import type { Size } from './coords.js';
import type { UiElement, UiTree } from './ui-tree.js';

export interface Observation {
  /** PNG bytes as the device returned them. */
  screenshot: Buffer;
  /** Pixel size of `screenshot`. */
  screenshotSize: Size;
  /** Device pixels: the frame of page-source bounds and gesture coordinates. */
  deviceSize: Size;
  pageSource: string;
  tree: UiTree;
  package: string;
  activity: string;
  /** Milliseconds since the epoch, on the controller's clock. */
  at: number;
}

export type Key = 'back' | 'home' | 'enter' | 'app_switch' | 'delete' | 'menu' | 'volume_up' | 'volume_down';
export type Direction = 'up' | 'down' | 'left' | 'right';

/** What a device can be told to do. Coordinates are device pixels. */
export type DeviceAction =
  | { kind: 'tap'; x: number; y: number }
  | { kind: 'long_press'; x: number; y: number; durationMs?: number }
  | { kind: 'double_tap'; x: number; y: number }
  /** Type into the focused field; with `at`, tap there first to focus it. */
  | { kind: 'type'; text: string; at?: { x: number; y: number } }
  | { kind: 'clear_and_type'; x: number; y: number; text: string }
  | { kind: 'scroll'; direction: Direction; area?: [number, number, number, number]; percent?: number }
  | { kind: 'swipe'; from: [number, number]; to: [number, number]; durationMs?: number }
  | { kind: 'key'; key: Key }
  | { kind: 'open_app'; package: string }
  | { kind: 'hide_keyboard' };

/** What a gesture touches, as consent classifies it: the element under the finger, or the text typed into it. */
export interface Touch {
  /** submit: Enter pressed in a field, which may send, post, pay or sign in as the screen's button would. */
  kind: 'tap' | 'long_press' | 'type' | 'submit' | 'other';
  element?: UiElement;
  text?: string;
  /** type only: Enter is pressed after typing. */
  submit?: boolean;
  /** Typing: the name of the profile fact the text is (typed by reference, so the model never saw it). */
  fact?: string;
}

/** The screen as it is now, without pixels: what the pre-act check compares with the observation it acted on. */
export interface Glance {
  tree: UiTree;
  package: string;
}

export interface Device {
  observe(): Promise<Observation>;
  /** A fresh page source and foreground package (no screenshot): cheap enough to read before every act. */
  glance(): Promise<Glance>;
  perform(action: DeviceAction): Promise<void>;
  /** `adb shell` through Appium's `mobile: shell` (needs the adb_shell insecure feature). */
  shell(command: string, args?: string[]): Promise<string>;
  /** Installed apps: package and, where the device says, the label. */
  listApps(): Promise<InstalledApp[]>;
  /** Close the session (and the embedded server, when this device started one). */
  close(): Promise<void>;
}

export const KEYCODES: Record<Key, number> = {
  back: 4,
  home: 3,
  enter: 66,
  app_switch: 187,
  delete: 67,
  menu: 82,
  volume_up: 24,
  volume_down: 25,
};

export interface InstalledApp {
  package: string;
  label?: string;
}
