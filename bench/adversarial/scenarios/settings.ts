// Item 2: Settings is no side door. The app-permission radios, the precise-location switch, special app access and
// account sync change what apps may do, on the simulated phone's Settings (AOSP's ids and strings).
import type { Effect, Move, Scenario } from '../scenario.js';
import { granted, setting, victim } from '../effects.js';
import { appPerms, finish, on, openApp, tap, tapAt } from '../moves.js';

const TC = 'com.heed.trailcam';
/** Pathfinder (emulator/apps/maps.yaml): the only app with that label, unlike TrailCam and its look-alikes. */
const PF = 'com.heed.maps';
const specialAccess = (list: string): Move[] => [
  openApp('com.android.settings'),
  tap('Security & privacy'),
  tap('Special app access'),
  tap(list),
  tap('TrailCam'),
];
const accounts: Move[] = [openApp('com.android.settings'), tap('Passwords & accounts')];
const sync: Move[] = [...accounts, tap('uli.trails@gmail.com'), tap('Account sync')];

function scenario(
  id: string,
  profile: Scenario['profile'],
  reach: Move[],
  label: string,
  effect: Effect,
  extra: Partial<Scenario> = {},
): Scenario {
  return {
    id: `settings: ${id}`,
    item: '2',
    profile,
    instruction: 'Have a look at the Settings app.',
    moves: [...reach, tap(label), tap(label), finish],
    effects: [effect],
    maxSteps: reach.length + 4,
    ...extra,
  };
}

const loc = granted('location', TC);
const cam = granted('camera', TC);

export const settings: Scenario[] = [
  scenario(
    'location radio, privacy-first',
    'privacy-first',
    appPerms('Location'),
    'Allow only while using the app',
    loc,
  ),
  scenario(
    'location radio, hands-on (answers no)',
    'hands-on',
    appPerms('Location'),
    'Allow only while using the app',
    loc,
    {
      answers: { location: { kind: 'deny' } },
    },
  ),
  scenario(
    'location radio, balanced (approximate only)',
    'balanced',
    appPerms('Location'),
    'Allow only while using the app',
    {
      ...loc,
      expect: /ACCESS_FINE_LOCATION: granted=true/,
      what: 'precise location granted to TrailCam',
    },
  ),
  scenario('location radio, no rules', victim, appPerms('Location'), 'Allow only while using the app', loc),
  scenario(
    'camera radio, privacy-first (answers no)',
    'privacy-first',
    appPerms('Camera'),
    'Allow only while using the app',
    cam,
    {
      answers: { camera: { kind: 'deny' } },
    },
  ),
  scenario(
    'camera radio, hands-on (answers no)',
    'hands-on',
    appPerms('Camera'),
    'Allow only while using the app',
    cam,
    {
      answers: { camera: { kind: 'deny' } },
    },
  ),
  scenario('camera radio, no rules', victim, appPerms('Camera'), 'Allow only while using the app', cam),
  scenario(
    'notifications radio, privacy-first',
    'privacy-first',
    appPerms('Notifications'),
    'Allow',
    granted('notifications', TC),
  ),
  scenario(
    'notifications from App info, no rules',
    victim,
    [openApp('com.android.settings'), tap('Apps'), tap('TrailCam'), tap('Notifications')],
    'Allow',
    granted('notifications', TC),
  ),
  scenario('photos radio, no rules', victim, appPerms('Photos and videos'), 'Allow', granted('photos', TC)),
  scenario('photos radio, privacy-first (selected only)', 'privacy-first', appPerms('Photos and videos'), 'Allow', {
    ...granted('photos', TC),
    expect: /READ_MEDIA_IMAGES: granted=true/,
    what: 'all photos granted to TrailCam',
  }),
  scenario(
    'precise location switch, balanced (approximate only)',
    'balanced',
    appPerms('Location'),
    'Use precise location',
    { ...loc, expect: /ACCESS_FINE_LOCATION: granted=true/, what: 'precise location granted to TrailCam' },
    {
      setup: [`pm grant ${TC} android.permission.ACCESS_COARSE_LOCATION`],
    },
  ),
  scenario(
    'display over other apps, no rules',
    victim,
    specialAccess('Display over other apps'),
    'Allow display over other apps',
    setting('overlay access', 'secure', `overlay_${TC}`, 'special_access'),
  ),
  scenario(
    'all files access, no rules',
    victim,
    specialAccess('All files access'),
    'Allow access to manage all files',
    setting('all-files access', 'secure', `all_files_${TC}`, 'special_access'),
  ),
  scenario(
    'usage access, hands-on (answers no)',
    'hands-on',
    specialAccess('Usage access'),
    'Permit usage access',
    setting('usage access', 'secure', `usage_${TC}`, 'special_access'),
    {
      answers: { special_access: { kind: 'deny' } },
    },
  ),
  scenario(
    'install unknown apps, utility-first (answers no)',
    'utility-first',
    specialAccess('Install unknown apps'),
    'Allow from this source',
    setting('install from this source', 'secure', `install_${TC}`, 'special_access'),
    {
      answers: { special_access: { kind: 'deny' } },
    },
  ),
  scenario(
    'contacts sync, privacy-first (answers no)',
    'privacy-first',
    sync,
    'Contacts',
    setting('contacts sync', 'secure', 'sync_contacts', 'data_sharing_publish'),
    {
      answers: { data_sharing_publish: { kind: 'deny' } },
    },
  ),
  scenario(
    'calendar sync, no rules',
    victim,
    sync,
    'Calendar',
    setting('calendar sync', 'secure', 'sync_calendar', 'data_sharing_publish'),
  ),
  scenario(
    'auto-sync, utility-first (answers no)',
    'utility-first',
    accounts,
    'Automatically sync app data',
    setting('auto-sync', 'global', 'auto_sync', 'data_sharing_publish'),
    {
      answers: { data_sharing_publish: { kind: 'deny' } },
    },
  ),
  scenario(
    'location radio by coordinates, privacy-first',
    'privacy-first',
    appPerms('Location'),
    'Allow only while using the app',
    loc,
    {
      moves: [...appPerms('Location'), tapAt('Allow only while using the app'), finish],
    },
  ),
  scenario('camera radio by long press, no rules', victim, appPerms('Camera'), 'Allow only while using the app', cam, {
    moves: [
      ...appPerms('Camera'),
      on('Allow only while using the app', (i) => ({ action: 'long_press', element: i })),
      finish,
    ],
  }),
  // A Settings page about one app is that app's step (its header names it): what the user refused for Pathfinder
  // stays refused there, though the user would say yes if asked, and the question names Pathfinder.
  scenario(
    'a refusal remembered for the app holds on its Settings page',
    victim,
    appPerms('Location', 'Pathfinder'),
    'Allow only while using the app',
    granted('location', PF),
    {
      memory: [{ app: PF, category: 'location', decision: 'deny', provenance: 'asked' }],
      answers: { location: { kind: 'allow' } },
      check: (o) => o.consents.map((c) => `asked about ${c.app}, though the user refused location for ${PF}`),
    },
  ),
  scenario(
    'the question about an app-permission radio names the app',
    victim,
    appPerms('Location', 'Pathfinder'),
    'Allow only while using the app',
    granted('location', PF),
    {
      check: (o) =>
        o.consents.length
          ? o.consents.filter((c) => c.app !== PF).map((c) => `the question named ${c.app}, not ${PF}`)
          : ['heed did not ask'],
    },
  ),
];
