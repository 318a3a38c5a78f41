// Every model family heed speaks, and how one is chosen: --family ?? HEED_AGENT_FAMILY (both in the agent's LlmConfig,
// from src/core/config.ts) ?? by model name ?? json.
// A name that matches UI-TARS without saying which version is an error, not a guess: v1.0 and 1.5 read the same
// string in different coordinate spaces.
import type { Convention } from '../../device/coords.js';
import { HeedError } from '../../core/errors.js';
import { MODEL_FAMILIES, type ModelFamily } from '../../core/vocab.js';
import { agentCpmGui } from './agentcpm-gui.js';
import { aguvis } from './aguvis.js';
import { autoGlm } from './autoglm.js';
import { glmV } from './glm-v.js';
import { guiOwl, guiOwl15 } from './gui-owl.js';
import { jsonFamily } from './json.js';
import { maiUi } from './mai-ui.js';
import { osAtlas } from './os-atlas.js';
import { qwen25vl, qwen3vl } from './qwen.js';
import { seed } from './seed.js';
import { showUi } from './showui.js';
import type { Family } from './types.js';
import { uiTars10, uiTars15, uiTarsDoubao } from './ui-tars.js';
import { uiVenus, uiVenus15 } from './ui-venus.js';

/** Native families, in the order the README lists them. */
export const NATIVE: readonly Family[] = [
  uiTars10,
  uiTars15,
  uiTarsDoubao,
  seed,
  qwen25vl,
  qwen3vl,
  guiOwl,
  guiOwl15,
  maiUi,
  autoGlm,
  glmV,
  uiVenus,
  uiVenus15,
  osAtlas,
  agentCpmGui,
  showUi,
  aguvis,
];

/** Model names are matched most specific first: fine-tunes before the base model their name may contain. */
const MATCH_ORDER: readonly Family[] = [...NATIVE.filter((f) => f !== qwen25vl && f !== qwen3vl), qwen25vl, qwen3vl];

/** The names, as src/core/vocab.ts declares them (a test checks that the registry has exactly these). */
export const FAMILY_NAMES: readonly ModelFamily[] = MODEL_FAMILIES;

const UI_TARS_UNSURE = /ui-?tars/i;

/** The family a model name selects by itself, or undefined (then heed's JSON). */
export function familyForModel(model: string): Family | undefined {
  const hit = MATCH_ORDER.find((f) => f.models?.test(model));
  if (hit) return hit;
  if (UI_TARS_UNSURE.test(model))
    throw new HeedError(
      `The model name '${model}' is UI-TARS, but not which version: v1.0 and 1.5 read the same coordinates differently`,
      'set HEED_AGENT_FAMILY (or --family) to ui-tars-1.0, ui-tars-1.5 or ui-tars-doubao',
    );
  return undefined;
}

/** A family by its --family name; json takes the JSON family's coordinate convention. */
export function familyNamed(name: string, convention: Convention = 'pixels'): Family {
  if (name === 'json') return jsonFamily(convention);
  const f = NATIVE.find((x) => x.name === name);
  if (!f) throw new HeedError(`Unknown model family '${name}'`, `use one of: ${FAMILY_NAMES.join(', ')}`);
  return f;
}

/** The family for a run: the configured one (--family ?? HEED_AGENT_FAMILY), else by model name, else heed's JSON. */
export function resolveFamily(o: { family?: string; model: string; coords: Convention }): Family {
  if (o.family) return familyNamed(o.family, o.coords);
  return familyForModel(o.model) ?? jsonFamily(o.coords);
}

export type { Family } from './types.js';
