// What consent reasons about. Nothing here knows of Appium or models: a screen is a parsed UI tree.
import type { Category, Grant } from '../core/vocab.js';
import type { Touch } from '../device/device.js';

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
  /** Typing a secret (password, PIN, card security code, one-time code, card number): what kind, in words. */
  secret?: string;
  /**
   * Typing: the exposing pieces of the typed text (what the gate checks against the profile's facts and the
   * instruction, and what heed redacts when they are secrets), and the profile fact it was typed from, if any.
   */
  typed?: { parts: string[]; fact?: string };
  /**
   * The category was read from words the requesting app may control (its name in an OEM permission message), not
   * from AOSP's own strings or the dialog's structure: the gate asks instead of allowing by rule or memory.
   */
  tentative?: boolean;
  /**
   * The step changes a standing setting (a switch, special access, sync): it stays as set until someone changes it
   * back, so an "only this time" answer cannot be honoured by tapping it.
   */
  standing?: boolean;
  evidence: { index?: number; text: string; resourceId: string; reason: string };
  /** Who noticed: heed's rules, the agent's self-report or the guard model (either may add caution, never remove it). */
  source: 'rules' | 'model' | 'guard';
  /** The model flagged this step as sensitive (its reason): the gate asks rather than allow by profile or memory. */
  flagged?: string;
}

/** A step as consent sees it: what would be touched or typed (the device's own description of a gesture). */
export type Step = Touch;
