// Parsers for environment values: each returns the value or says what it expected (src/core/config.ts names the
// variable). Nothing here falls back to NaN or a default.
import { delimiter } from 'node:path';

/** A parser: the value, or a throw of `Expected` saying what was expected. */
export type Parse<T> = (raw: string) => T;

export class Expected extends Error {}
const expected = (what: string): never => {
  throw new Expected(what);
};

export const text: Parse<string> = (raw) => raw;

/** Folders separated by the platform's path delimiter (":" on Linux), as PATH is. */
export const folders: Parse<string[]> = (raw) => raw.split(delimiter).filter(Boolean);

export const whole =
  (min: number, max = Number.MAX_SAFE_INTEGER): Parse<number> =>
  (raw) => {
    const n = Number(raw);
    if (!/^\s*-?\d+\s*$/.test(raw) || n < min || n > max)
      expected(max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`);
    return n;
  };

export const number =
  (min: number, { above = false, max = Infinity } = {}): Parse<number> =>
  (raw) => {
    const n = Number(raw);
    const low = above ? n > min : n >= min;
    if (raw.trim() === '' || !Number.isFinite(n) || !low || n > max)
      expected(`a number ${above ? '>' : '≥'} ${min}${max < Infinity ? ` and ≤ ${max}` : ''}`);
    return n;
  };

export const bool: Parse<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return expected('true or false');
};

export const oneOf =
  <T extends string>(values: readonly T[]): Parse<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw)
      ? (raw as T)
      : expected(`${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

export const url: Parse<string> = (raw) => {
  if (!/^https?:\/\/\S+$/.test(raw)) expected('an http:// or https:// URL');
  try {
    new URL(raw);
  } catch {
    expected('an http:// or https:// URL');
  }
  return raw.replace(/\/+$/, '');
};

export const device: Parse<string> = (raw) => (raw === 'sim' || raw === 'emulator' ? raw : url(raw));

export const appiumLogLevel: Parse<string> = (raw) =>
  /^(debug|info|warn|error)(:(debug|info|warn|error))?$/.test(raw)
    ? raw
    : expected("one of Appium's log levels: debug, info, warn, error (or console:file, e.g. info:debug)");

export interface Spec<T = unknown> {
  meaning: string;
  parse: Parse<T>;
  /** The value when the variable is unset. */
  fallback?: T;
  /** The default as people read it, when `fallback` does not say it ("a free port"). */
  shown?: string;
}
