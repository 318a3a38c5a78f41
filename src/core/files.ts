// Files heed reads from users and folders it writes for them: size limits, and one clear message naming the file
// and what to do for anything the filesystem refuses (a missing file, a directory, EACCES, EROFS, ENOSPC …), never a
// raw stack. A 50 MB task file would otherwise be parsed whole and echoed into every prompt.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { HeedError } from './errors.js';

const KB = 1024;
const MB = 1024 * KB;

/** The largest input heed accepts, per kind; real ones are a few KB. */
export const LIMITS = {
  /** A task YAML file. */
  task: 1 * MB,
  /** A profile YAML file (behaviour logs included). */
  profile: 1 * MB,
  /** A memory file (every answer ever remembered, with history). */
  memory: 8 * MB,
  /** A --caps JSON file. */
  caps: 256 * KB,
  /** A --replay cassette. */
  cassette: 256 * MB,
  /** An instruction, in characters (the command line's, a task's, or one typed as an answer). */
  instruction: 8000,
} as const;

const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / KB)} KB`);

/** Why the filesystem refused, in words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'a file of that name is in the way',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
  };
  return (code && words[code]) ?? (e as Error).message.split('\n')[0]!;
}

/** A user's text file, refused with its name when it is missing, a folder, unreadable or over `limit` bytes. */
export function readLimited(file: string, what: string, limit: number): string {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new HeedError(`${file}: cannot read the ${what}: ${fsReason(e)}`, `give the path of a ${what} file`);
  }
  if (st.isDirectory())
    throw new HeedError(`${file} is a folder, not a ${what} file`, `give the path of a ${what} file`);
  if (st.size > limit)
    throw new HeedError(
      `${file} is ${size(st.size)}; a ${what} file may be at most ${size(limit)}`,
      `is it the right file? a ${what} is normally a few KB`,
    );
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new HeedError(`${file}: cannot read the ${what}: ${fsReason(e)}`, 'check the file and its permissions');
  }
}

/** A folder heed will write into, created if need be; refused with its name and what to do. */
export function writableDir(dir: string, what: string, hint: string): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new HeedError(`Cannot create ${what} ${dir}: ${fsReason(e)}`, hint);
  }
  return dir;
}

/** An instruction no longer than LIMITS.instruction. */
export function checkInstruction(text: string, where: string): string {
  if (text.length > LIMITS.instruction)
    throw new HeedError(
      `${where} is ${text.length} characters; an instruction may be at most ${LIMITS.instruction}`,
      'say the task in a few sentences; put standing preferences in the profile',
    );
  return text;
}
