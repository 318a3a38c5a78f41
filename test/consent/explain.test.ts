import { explain, isLasting, narrowerOf } from '../../src/consent/explain.js';
import { sensitivity } from '../support/sensitivity.js';

const s = sensitivity;

describe('consent requests in plain words', () => {
  test('a permission says what the app could do and for how long', () => {
    expect(explain(s(), 'TrailCam')).toMatchObject({
      what: 'TrailCam could use your location whenever the app is open.',
      lasts: 'until you change it in Settings',
      defaultAnswer: 'deny',
    });
    expect(explain(s({ precision: 'precise', grant: 'allow_always' }), 'TrailCam').what).toBe(
      'TrailCam could use your precise location at any time, even when you are not using the app.',
    );
    expect(explain(s({ category: 'camera', grant: 'allow_once' }), 'TrailCam')).toMatchObject({
      what: 'TrailCam could take pictures and record video this time only, until you leave the app.',
      lasts: 'this time only',
    });
    expect(explain(s({ category: 'photos_media', grant: 'allow_selected' }), 'Trailgram').what).toBe(
      'Trailgram could see the photos and videos you select and nothing else.',
    );
  });

  test('other surfaces: payments and deletions cannot be undone; typed secrets are named', () => {
    expect(explain(s({ category: 'payment_purchase', grant: 'accept', irreversible: true }), 'Cartly')).toMatchObject({
      what: 'Cartly would charge you or place an order.',
      lasts: 'it cannot be undone',
    });
    expect(explain(s({ category: 'account_signin', grant: 'accept', secret: 'a password' }), 'Mail').what).toBe(
      'Mail would receive a password you type, in clear.',
    );
  });

  test('the narrower choice on the screen is offered, and no answer is never an allow', () => {
    const e = explain(s(), 'TrailCam', 'Only this time');
    expect(e.narrower).toBe('use "Only this time" instead');
    expect(e.defaultText).toMatch(/deny/);
    expect(explain(s(), '').what).toMatch(/^The app could/);
  });

  test('a refusal names its topic in words, as the approval page and reports do', () => {
    expect(explain(s({ category: 'account_signin', grant: 'decline', exposing: false }), 'TrailCam').what).toBe(
      'TrailCam would be refused sign-in.',
    );
    expect(explain(s({ grant: 'deny', exposing: false }), 'TrailCam').what).toBe('TrailCam would be refused location.');
  });

  test('narrowerOf picks the one-time choice of the same category, never a refusal or another topic', () => {
    const choices = [
      s({ grant: 'allow_always' }),
      s({ grant: 'deny', exposing: false }),
      s({ category: 'camera', grant: 'allow_once' }),
      s({ grant: 'allow_once', evidence: { text: 'Only this time', resourceId: '', reason: '' } }),
    ];
    expect(narrowerOf(s(), choices)?.evidence.text).toBe('Only this time');
    expect(narrowerOf(s({ grant: 'allow_once' }), choices)).toBeUndefined();
    expect(isLasting('allow_foreground')).toBe(true);
    expect(isLasting('allow_once')).toBe(false);
  });
});
