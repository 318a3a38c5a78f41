// The real-screen corpus (fixtures/real-screens): real UI dumps from public repositories, byte-exact, each with a
// hand-made label of what every consent element on it grants. It is the yardstick of the consent classifier, so the
// loader checks the corpus itself (format, checksum, that every labelled element is in its dump) before anything is
// measured against it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { HeedError } from '../core/errors.js';
import { ROOT } from '../core/paths.js';
import { Category, GRANTS } from '../core/vocab.js';
import { decodeDump, parseUiTree, type UiTree } from '../device/ui-tree.js';

export const CORPUS_DIR = join(ROOT, 'fixtures', 'real-screens');

export const SURFACES = [
  'permission_dialog',
  'account_chooser',
  'signin',
  'share_sheet',
  'billing',
  'payment',
  'checkout_cart',
  'composer',
  'media_projection',
  'photo_picker',
  'usb_dialog',
  'special_access',
  'device_admin',
  'accessibility',
  'cookie_banner',
  'tracking_prompt',
  'terms_agreement',
  'confirm_dialog',
  'settings',
  'app_screen',
  'launcher',
  'other',
] as const;

export const LabelledElement = z.object({
  bounds: z.string().regex(/^\[-?\d+,-?\d+\]\[-?\d+,-?\d+\]$/, 'bounds as in the dump: [left,top][right,bottom]'),
  text: z.string().optional(),
  resourceId: z.string().optional(),
  category: Category,
  grant: z.enum(GRANTS),
  exposing: z.boolean(),
  irreversible: z.boolean(),
  why: z.string().min(1),
});
export type LabelledElement = z.infer<typeof LabelledElement>;

export const ScreenLabel = z.object({
  source: z.string().regex(/^[^/\s]+\/[^:\s]+:.+@[0-9a-f]{40}$/, 'owner/repo:path@<40-hex commit>'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  app: z.string(),
  language: z.string().regex(/^([a-z]{2}|und)$/, 'ISO 639-1, or und'),
  surface: z.enum(SURFACES),
  categories: z.array(Category),
  neutral: z.boolean(),
  hardNegative: z.string().optional(),
  elements: z.array(LabelledElement),
  notes: z.string().optional(),
});
export type ScreenLabel = z.infer<typeof ScreenLabel>;

export interface CorpusScreen {
  slug: string;
  label: ScreenLabel;
  /** The dump's bytes, exactly as committed. */
  bytes: Buffer;
}

/** Every screen of the corpus, checked; problems are collected and thrown together, each naming its file. */
export function loadCorpus(dir = CORPUS_DIR): CorpusScreen[] {
  const labels = join(dir, 'labels');
  if (!existsSync(labels))
    throw new HeedError(
      `No corpus at ${dir}`,
      'the real-screen corpus lives in fixtures/real-screens/{screens,labels}',
    );
  const problems: string[] = [];
  const screens: CorpusScreen[] = [];
  for (const file of readdirSync(labels)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const slug = file.slice(0, -5);
    const where = `labels/${file}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(labels, file), 'utf8'));
    } catch (e) {
      problems.push(`${where}: not JSON: ${(e as Error).message}`);
      continue;
    }
    const r = ScreenLabel.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0]!;
      problems.push(`${where}: ${i.path.join('.')}: ${i.message}`);
      continue;
    }
    const xml = join(dir, 'screens', `${slug}.xml`);
    if (!existsSync(xml)) {
      problems.push(`${where}: no screens/${slug}.xml`);
      continue;
    }
    const bytes = readFileSync(xml);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== r.data.sha256) problems.push(`screens/${slug}.xml: sha256 ${sha} is not the label's ${r.data.sha256}`);
    if (r.data.neutral && r.data.elements.length)
      problems.push(`${where}: a neutral screen lists ${r.data.elements.length} consent elements`);
    screens.push({ slug, label: r.data, bytes });
  }
  if (problems.length)
    throw new HeedError(`The real-screen corpus has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return screens;
}

/** The dump as heed parses it (a dump that does not parse throws, naming the file). */
export function screenTree(s: CorpusScreen): UiTree {
  return parseUiTree(decodeDump(s.bytes), `screens/${s.slug}.xml`);
}
