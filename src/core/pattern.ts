// A regular expression in a task or a profile, compiled when the file loads: a bad one is refused then, with the file
// and field named (by the schema's error path), not after a whole run.
import { z } from 'zod';

/** A string that must compile as a regular expression with these flags. */
export function pattern(flags = '') {
  return z.string().superRefine((s, ctx) => {
    try {
      new RegExp(s, flags);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
    }
  });
}
