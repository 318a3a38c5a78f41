// What consent reasons about. Nothing here knows of Appium or models: a screen is a parsed UI tree.
import type { Category, Grant } from '../core/vocab.js';
import type { UiElement } from '../device/ui-tree.js';

export interface Sensitivity {
  category: Category;
  grant: Grant;
  /** False for protective choices (deny, decline): they never need consent. */
  exposing: boolean;
  irreversible: boolean;
  /** Location only: what the accuracy selector says when the grant is tapped. */
  precision?: 'precise' | 'approximate';
  /** Typing personal data (email, phone, address, card …) into a form. */
  personalData?: boolean;
  evidence: { index?: number; text: string; resourceId: string; reason: string };
  /** Who noticed: heed's rules, or only the model's self-report (which may add caution, never remove it). */
  source: 'rules' | 'model';
  /** The model flagged this step as sensitive (its reason): the gate asks rather than allow by profile or memory. */
  flagged?: string;
}

/** A step as consent sees it: what would be touched or typed, on which screen. */
export interface Step {
  /** submit: Enter pressed in a field, which may send, post, pay or sign in as the screen's button would. */
  kind: 'tap' | 'long_press' | 'type' | 'submit' | 'other';
  element?: UiElement;
  text?: string;
  /** type only: Enter is pressed after typing. */
  submit?: boolean;
}
