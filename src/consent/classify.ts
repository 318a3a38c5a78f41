// Deterministic sensitivity rules: what tapping an element (or typing text) on this screen would grant. One concern
// per file under classify/: permission dialogs (AOSP request strings, every locale), system surfaces (by package and
// id), a button's words (a multilingual vocabulary from real string resources), the screen around it (a dialog's
// message, prices, credential fields, terms), and the fail-safe for a dialog no rule names. Settings' permission and
// special-access screens (settings-screens.ts) and typed text (typed.ts) are their own modules.
import type { Category } from '../core/vocab.js';
import { idSuffix, type UiElement, type UiTree, within } from '../device/ui-tree.js';
import { contextOf } from './classify/context.js';
import { rowTopic } from './classify/rows.js';
import { failSafePoint } from './classify/failsafe.js';
import { labelPoint, named, namedHow, protective, saysAction } from './classify/labels.js';
import { isPermissionScreen, permissionPoint } from './classify/permission.js';
import { point } from './classify/point.js';
import { surfacePoint } from './classify/surfaces.js';
import { unnamedPoint } from './classify/unnamed.js';
import { settingsPoint } from './settings-screens.js';
import type { Sensitivity, Step } from './types.js';
import { classifyTyped } from './typed.js';

export { isPermissionScreen };

/** What tapping one element means, on its own (before "Cancel"-style buttons borrow a screen's topic). */
function ownPoint(tree: UiTree, e: UiElement, windowPackage: string, perm: boolean): Sensitivity | undefined {
  // On a permission dialog its buttons are the grants; the panel holding the message ("Allow X to send you
  // notifications?") is not a button, whatever words it holds.
  if (perm && holdsMessage(tree, e)) return undefined;
  const words = labelPoint(tree, e);
  const byId =
    settingsPoint(tree, e) ?? (perm ? permissionPoint(tree, e) : undefined) ?? surfacePoint(tree, e, windowPackage);
  if (!byId) return words;
  // On the system's own windows (the permission controller, Settings, the share sheet …) the ids and the words are
  // AOSP's and agree ("Allow all" there is every photo, not every cookie); anywhere else an app chose them.
  return SYSTEM_WINDOW.test(e.package || windowPackage) ? byId : seen(tree, e, byId, words);
}

/** Windows only the system draws: their resource ids are the platform's, not an app's choice. */
const SYSTEM_WINDOW =
  /^(com\.(google\.)?android\.(permissioncontroller|packageinstaller|settings|intentresolver|photopicker|credentialmanager|providers\.media(\.module)?|gms(\.auth)?)|com\.android\.settings|android)$/;

/**
 * An element's id never outranks what the user sees: any app can give its "Pay $12.99" the permission controller's
 * refusal id, or a grant id beside a notification request. Ids (and the surface a package names) refine words that
 * agree with them (the grant level of "While using the app"); words that name an exposing action they contradict
 * decide — a protective id under exposing words, or an action of another category ("Pay" on a "grant" button).
 */
function seen(tree: UiTree, e: UiElement, byId: Sensitivity, words: Sensitivity | undefined): Sensitivity {
  if (!words?.exposing) return byId;
  if (!byId.exposing)
    return {
      ...words,
      evidence: { ...words.evidence, reason: `${words.evidence.reason}; its id says ${byId.grant}, the words win` },
    };
  const direct = named(tree, e)?.concept.role === 'direct' || !!saysAction(tree, e);
  return direct && words.category !== byId.category ? words : byId;
}

const holdsMessage = (tree: UiTree, e: UiElement) => {
  const m = tree.elements.find((x) => ['permission_message', 'permission_title'].includes(idSuffix(x.resourceId)));
  return !!m && (m === e || within(m, e));
};

/**
 * For the given elements (every interactive one by default: inspect's consentPoints), what tapping each would mean.
 * A disabled button is still classified when asked for: a tap on it is still an attempt to grant.
 */
export function consentPoints(
  tree: UiTree,
  windowPackage: string,
  indexes: number[] = tree.interactive,
): Map<number, Sensitivity> {
  const out = new Map<number, Sensitivity>();
  const perm = isPermissionScreen(tree, windowPackage);
  const own = new Map<number, Sensitivity | undefined>();
  const ownOf = (i: number) => {
    if (!own.has(i)) {
      const e = tree.elements[i]!;
      // The fail-safe last: a dialog's way forward that no rule names is `unknown`, so its "Cancel" protects that; then
      // what stands where no words are needed (a sign-in form's button, a "Tap to enable …" banner: unnamed.ts).
      own.set(
        i,
        ownPoint(tree, e, windowPackage, perm) ??
          (protective(tree, e) ? undefined : (failSafePoint(tree, e) ?? unnamedPoint(tree, e))),
      );
    }
    return own.get(i);
  };
  const exposing = tree.interactive.map((i) => [tree.elements[i]!, ownOf(i)] as const).filter(([, s]) => s?.exposing);
  for (const i of indexes) {
    const e = tree.elements[i]!;
    // A scrollable container is scrolled, not tapped: it holds consent points, it is none.
    if (e.scrollable) continue;
    const mine = ownOf(i);
    if (mine) {
      out.set(i, mine);
      continue;
    }
    // "Cancel", "Not now", "Skip" protect against what the screen's consent button would do: the one in the same
    // dialog first, else the screen's first, else what the screen's words are about.
    const p = protective(tree, e);
    if (p) {
      const ctx = contextOf(tree, e);
      const inDialog = ctx.dialog && exposing.find(([x]) => within(x, ctx.dialog!.root));
      // Else what its row names ("禁用自启" beside an app that may start itself), else the screen's first consent
      // point, else what the screen's words are about.
      const row = p.category || inDialog ? undefined : rowTopic(tree, e);
      const peer = inDialog ?? (row ? undefined : exposing[0]);
      const category = p.category ?? peer?.[1]?.category ?? row?.category ?? ctx.topic?.category;
      if (category) {
        const why = p.category
          ? namedHow(p.n)
          : peer
            ? `protects against "${peer[1]!.evidence.text}"`
            : (row?.why ?? ctx.topic!.why);
        out.set(i, point(e, category, p.n.concept.grant, `${namedHow(p.n)}: declines ${category} (${why})`));
      }
    }
  }
  return out;
}

/** What submitting a form would do: Enter in a field does what the screen's send / post / pay / sign-in button does. */
const SUBMITTING: ReadonlySet<Category> = new Set([
  'data_sharing_publish',
  'payment_purchase',
  'account_signin',
  'destructive',
  'tracking_ads_cookies',
]);

function submitPoint(tree: UiTree, windowPackage: string): Sensitivity | undefined {
  for (const s of consentPoints(tree, windowPackage).values())
    if (s.exposing && SUBMITTING.has(s.category))
      return {
        ...s,
        evidence: { ...s.evidence, reason: `pressing Enter submits this screen, like ${s.evidence.reason}` },
      };
  return undefined;
}

/** What a step would mean: a tap's consent point, what typing the text would expose, or a form being submitted. */
export function classify(tree: UiTree, windowPackage: string, step: Step): Sensitivity | undefined {
  const e = step.element;
  if ((step.kind === 'tap' || step.kind === 'long_press') && e)
    return consentPoints(tree, windowPackage, [e.index]).get(e.index);
  if (step.kind === 'submit') return submitPoint(tree, windowPackage);
  // Typing then Enter: what the screen would submit, else what was typed.
  if (step.kind === 'type' && step.submit) return submitPoint(tree, windowPackage) ?? classifyTyped(tree, step);
  if (step.kind === 'type') return classifyTyped(tree, step);
  return undefined;
}
