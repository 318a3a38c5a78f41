// Generates src/consent/classify/permission-requests.json: the permission dialog's request messages ("Allow %1$s to
// access this device’s location?") in every locale AOSP translates, each with the permission group it asks for, and
// the dialog's button labels. Source: AOSP PermissionController's string resources, from a git mirror (GrapheneOS
// mirrors AOSP's packages/modules/Permission with its history, which also holds the older PackageInstaller strings).
//
//   npm run build --silent && node dist/tools/permission-requests.js <git dir of the mirror> > src/consent/classify/permission-requests.json
//
// Reads every version of each locale's strings.xml at the sampled commits (Android 6 to 14 wordings), so dialogs of
// old and new releases both match. The app's name (%1$s) and a companion device's name (%2$s) become {app} and
// {device}; the legacy "Allow %1$s to %2$s?" frame (Android 6–8, whose %2$s is the group's description) is kept as
// a frame with {action}, and the actions are derived from newer messages of the same locale that fit the frame.
import { git, locale, readBlobs, resourceText, strings, tableJson } from './android-strings.js';

const REPO = 'GrapheneOS/platform_packages_modules_Permission';
const RES = 'PermissionController/res';

/** Permission group (the string's suffix) → heed category. Groups no category fits are `unknown`: heed asks. */
const GROUPS: Record<string, string> = {
  location: 'location',
  coarselocation: 'location',
  fineupgrade: 'location',
  // Bluetooth/UWB scanning finds and ranges devices around the phone: what it reveals is where you are.
  nearby_devices: 'location',
  camera: 'camera',
  microphone: 'microphone',
  contacts: 'contacts',
  calendar: 'calendar',
  sms: 'sms_calls',
  calllog: 'sms_calls',
  phone: 'sms_calls',
  storage: 'photos_media',
  storage_isolated: 'photos_media',
  storage_q_to_s: 'photos_media',
  storage_pre_q: 'photos_media',
  read_media_visual: 'photos_media',
  read_media_aural: 'photos_media',
  more_photos: 'photos_media',
  notifications: 'notifications',
  // Physical activity and body sensors: health data, which no heed category names.
  activityRecognition: 'unknown',
  sensors: 'unknown',
};

const REQUEST = /^perm(group|groupbackground|groupupgrade)request(detail)?_(device_aware_)?(.+)$/;
/** The dialog's buttons, by the grant they give (their words, for dialogs that lack AOSP's ids). */
const BUTTONS: Record<string, string> = {
  allow: 'allow_always',
  allow_always: 'allow_always',
  allow_all: 'allow_always',
  allow_all_files: 'allow_always',
  allow_background: 'allow_always',
  always_allow_all: 'allow_always',
  allow_foreground: 'allow_foreground',
  allow_one_time: 'allow_once',
  allow_selected_photos: 'allow_selected',
  allow_limited_access: 'allow_selected',
  deny: 'deny',
  deny_anyway: 'deny',
  no_upgrade: 'deny',
  no_upgrade_one_time: 'deny',
  dont_select_more: 'deny',
  deny_and_dont_ask_again: 'deny_dont_ask',
};
const BUTTON = /^grant_dialog_button_(.+)$/;

/** Commits that changed a locale's strings, sampled evenly, plus the branch heads. */
function commits(dir: string): string[] {
  const touching = (since: string, until: string) =>
    git(dir, 'log', '--format=%H', `--since=${since}`, `--until=${until}`, '--', `${RES}/values-de/strings.xml`)
      .split('\n')
      .filter(Boolean);
  const sample = (list: string[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0);
  const heads = git(dir, 'for-each-ref', '--format=%(objectname)', 'refs/heads').split('\n').filter(Boolean);
  return [
    ...new Set([
      ...heads,
      ...sample(touching('2019-11-14', '2030-01-01'), 24),
      ...sample(touching('2015-03-01', '2019-11-14'), 8),
    ]),
  ];
}

interface Found {
  requests: Map<string, { group: string; kind: string; locales: Set<string> }>;
  frames: Map<string, Set<string>>;
  buttons: Map<string, { button: string; locales: Set<string> }>;
}

function collect(dir: string, shas: string[]): Found {
  const found: Found = { requests: new Map(), frames: new Map(), buttons: new Map() };
  // One blob can be several locales' file (values-pt and values-pt-rBR are the same bytes).
  const blobs = new Map<string, Set<string>>();
  for (const sha of shas) {
    for (const line of git(dir, 'ls-tree', '-r', sha, '--', `${RES}/`).split('\n')) {
      const m = /^\d+ blob ([0-9a-f]+)\t.*\/res\/(values[^/]*)\/strings\.xml$/.exec(line);
      const loc = m && locale(m[2]!);
      if (m && loc) blobs.set(m[1]!, (blobs.get(m[1]!) ?? new Set()).add(loc));
    }
  }
  const texts = readBlobs(dir, [...blobs.keys()]);
  for (const [blob, locs] of blobs) {
    for (const [name, raw] of strings(texts.get(blob)!)) {
      const req = REQUEST.exec(name);
      if (name === 'permission_warning_template') {
        const text = resourceText(raw, '{action}');
        if (!found.frames.has(text)) found.frames.set(text, new Set());
        for (const l of locs) found.frames.get(text)!.add(l);
      } else if (req && !req[2] && GROUPS[req[4]!] !== undefined) {
        // Request titles only: the detail lines under them name no app and add nothing the title lacks.
        const text = resourceText(raw, '{device}');
        const key = `${req[4]}\u0000${text}`;
        if (!found.requests.has(key)) found.requests.set(key, { group: req[4]!, kind: req[1]!, locales: new Set() });
        for (const l of locs) found.requests.get(key)!.locales.add(l);
      } else if (BUTTONS[BUTTON.exec(name)?.[1] ?? '']) {
        const text = resourceText(raw, '{device}');
        const button = BUTTONS[BUTTON.exec(name)![1]!]!;
        const key = `${button}\u0000${text}`;
        if (!found.buttons.has(key)) found.buttons.set(key, { button, locales: new Set() });
        for (const l of locs) found.buttons.get(key)!.locales.add(l);
      }
    }
  }
  return found;
}

/** Legacy actions: a newer message of the same locale that fits the legacy frame gives the group's description. */
function legacyActions(found: Found) {
  const actions = new Map<string, { group: string; locales: Set<string> }>();
  for (const [frame, frameLocales] of found.frames) {
    const [pre, post] = frame.split('{action}');
    if (post === undefined || !pre!.includes('{app}')) continue;
    for (const [key, r] of found.requests) {
      if (r.kind !== 'group') continue;
      // Newer messages quote the name (“{app}”, 「{app}」) where the legacy frame left it bare.
      const text = key.split('\u0000')[1]!.replace(/[“"„«「『]\{app\}[”"“»」』]/, '{app}');
      if (!text.startsWith(pre!) || !text.endsWith(post) || text.length <= pre!.length + post.length) continue;
      const action = text.slice(pre!.length, text.length - post.length);
      if (action.includes('{')) continue;
      const shared = [...r.locales].filter((l) => frameLocales.has(l));
      if (!shared.length) continue;
      const id = `${r.group}\u0000${action}`;
      if (!actions.has(id)) actions.set(id, { group: r.group, locales: new Set() });
      for (const l of shared) actions.get(id)!.locales.add(l);
    }
  }
  return actions;
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node dist/tools/permission-requests.js <git dir of a PermissionController mirror>');
    process.exit(2);
  }
  const shas = commits(dir);
  const found = collect(dir, shas);
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const locs = (s: Set<string>) => [...s].sort().join(' ');
  const data = {
    source: `${REPO}: ${RES}/values*/strings.xml (phone UI; car, TV and watch left out) at ${shas.length} commits`,
    generatedBy: 'tools/permission-requests.ts',
    commits: shas,
    groups: GROUPS,
    requests: sorted(found.requests).map(([k, v]) => ({
      group: v.group,
      kind: v.kind,
      text: k.split('\u0000')[1],
      locales: locs(v.locales),
    })),
    legacyFrames: sorted(found.frames).map(([text, l]) => ({ text, locales: locs(l) })),
    legacyActions: sorted(legacyActions(found)).map(([k, v]) => ({
      group: v.group,
      text: k.split('\u0000')[1],
      locales: locs(v.locales),
    })),
    buttons: sorted(found.buttons).map(([k, v]) => ({
      grant: v.button,
      text: k.split('\u0000')[1],
      locales: locs(v.locales),
    })),
  };
  process.stdout.write(tableJson(data));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
