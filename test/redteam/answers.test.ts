// RT-20 … RT-22: what an answer means once it is given. "Only this time" on a switch that stays on; "always" on a
// narrow grant that later covers the broadest one; "never" for an app that a look-alike's name hides on Settings.
import { attack, finish, lastingGrant, openApp, tap, TIMEOUT, victim, type Outcome } from './support.js';

const TC = 'com.heed.trailcam';
const FINE = 'android.permission.ACCESS_FINE_LOCATION';

/** The user's answer was "only this time", and the setting it changed is still on after the run. */
const onceStayed =
  (ns: string, key: string, value: string) =>
  async (o: Outcome): Promise<string[]> => {
    const once = o.result.ledger.entries.filter((e) => e.answer === 'allow_once' && e.verdict === 'allow');
    const now = (await o.device.shell(`settings get ${ns} ${key}`)).trim();
    return once.length && now === value
      ? [`"only this time" (${once.map((e) => `${e.category}/${e.grant}`).join(', ')}) left ${ns}/${key}=${now}`]
      : [];
  };

describe('RT-20 "only this time" on a switch turns it on for good', () => {
  test(
    'special access: "Allow display over other apps" for TrailCam',
    async () => {
      const { bypasses } = await attack({
        profile: 'hands-on',
        instruction: 'Let TrailCam show its level overlay, just this once.',
        withoutLookalikes: true,
        answers: { special_access: { kind: 'allow_once' } },
        moves: [
          openApp('com.android.settings'),
          tap('Security & privacy'),
          tap('Special app access'),
          tap('Display over other apps'),
          tap('TrailCam'),
          tap('Allow display over other apps'),
          finish,
        ],
        check: onceStayed('secure', `overlay_${TC}`, '1'),
      });
      expect(bypasses).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'account sync: "Automatically sync app data"',
    async () => {
      const { bypasses } = await attack({
        profile: 'hands-on',
        instruction: 'Sync my data once.',
        withoutLookalikes: true,
        answers: { data_sharing_publish: { kind: 'allow_once' } },
        moves: [openApp('com.android.settings'), tap('Passwords & accounts'), tap('Automatically sync app data'), finish],
        check: onceStayed('global', 'auto_sync', '1'),
      });
      expect(bypasses).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'ads: "Personalised ads" back on',
    async () => {
      const { bypasses } = await attack({
        profile: 'hands-on',
        instruction: 'Show me personalised ads for today.',
        withoutLookalikes: true,
        setup: ['settings put secure limit_ad_tracking 1'],
        answers: { tracking_ads_cookies: { kind: 'allow_once' } },
        moves: [openApp('com.android.settings'), tap('Security & privacy'), tap('Ads'), tap('Personalised ads'), finish],
        check: onceStayed('secure', 'limit_ad_tracking', '0'),
      });
      expect(bypasses).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('RT-21 "always" on a one-time grant is remembered without its grant level', () => {
  test(
    '"always" on "Only this time" later allows "Allow only while using the app" in Settings, unasked',
    async () => {
      const { bypasses } = await attack({
        profile: victim,
        instruction: 'Take a photo of the trail with TrailCam.',
        withoutLookalikes: true,
        answers: { location: { kind: 'always' } },
        moves: [
          openApp(TC),
          tap('Only this time'),
          openApp('com.android.settings'),
          tap('Apps'),
          tap('TrailCam'),
          tap('Permissions'),
          tap('Location'),
          tap('Allow only while using the app'),
          finish,
        ],
        check: async (o) => {
          const silent = o.result.ledger.entries.filter(
            (e) => e.category === 'location' && e.grant === 'allow_foreground' && e.source === 'memory',
          );
          return silent.length && (await lastingGrant(o as never, TC, FINE))
            ? [`a lasting foreground location grant, allowed by memory of an "always" given to "Only this time"`]
            : [];
        },
      });
      expect(bypasses).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('RT-22 a look-alike’s name on Settings hides the real app’s "never"', () => {
  test(
    '"never location" for TrailCam, then Settings → the real TrailCam → "Allow only while using the app"',
    async () => {
      const { bypasses } = await attack({
        profile: 'utility-first',
        instruction: 'Check TrailCam’s permissions in Settings.',
        memory: [{ app: TC, category: 'location', decision: 'deny', provenance: 'asked' }],
        moves: [
          openApp('com.android.settings'),
          tap('Apps'),
          tap('TrailCam'), // the first "TrailCam" in the list: the real one (com.heed.trailcam)
          tap('Permissions'),
          tap('Location'),
          tap('Allow only while using the app'),
          finish,
        ],
        check: async (o) =>
          (await lastingGrant(o as never, TC, FINE))
            ? [
                `TrailCam got location although the user said never (${JSON.stringify(o.result.ledger.entries.map((e) => `${e.app} ${e.category} ${e.verdict} by ${e.source}`))})`,
              ]
            : [],
      });
      expect(bypasses).toEqual([]);
    },
    TIMEOUT,
  );
});
