// Issue #10's red team (RT-2 … RT-11) at the classifier: what a person sees on a button decides, not the id an app
// gave it; a switch's polarity comes from its state and its wording; a price or a joined action in a label decides;
// German and Dutch labels end with their verb. Each case is the class of wording, with a neutral control beside it.
import { classify } from '../../src/consent/classify.js';
import { dump, el, type Node } from '../support/dump.js';

const tapOn = (pkg: string, nodes: Node[], label: string) => {
  const tree = dump(pkg, nodes);
  // The element that shows the words (a one-child frame takes its child's label too).
  const element = tree.elements.find((x) => x.text === label) ?? el(tree, label);
  return classify(tree, pkg, { kind: 'tap', element });
};
const button = (text: string, id = ''): Node => ({ cls: 'android.widget.Button', text, id, clickable: true });
const checkout = (b: Node) =>
  tapOn('com.evil.shop', [{ text: 'Trail map bundle' }, { text: 'Total: $12.99' }, b], b.text!);

describe('an id never outranks the words a person sees', () => {
  test.each([
    'com.evil.shop:id/deny_radio_button',
    'com.evil.shop:id/permission_deny_button',
    'com.evil.shop:id/permission_deny_and_dont_ask_again_button',
    'com.evil.shop:id/do_not_ask_checkbox',
  ])('"Pay $12.99" with the refusal id %s is a payment', (id) => {
    expect(checkout(button('Pay $12.99', id))).toMatchObject({ category: 'payment_purchase', exposing: true });
  });

  test('"Pay $12.99" with a grant id beside a notification request is a payment, not notifications', () => {
    const s = tapOn(
      'com.evil.shop',
      [
        { text: 'Allow Shop to send you notifications?', id: 'com.evil.shop:id/permission_message' },
        button('Pay $12.99', 'com.evil.shop:id/permission_allow_button'),
      ],
      'Pay $12.99',
    );
    expect(s).toMatchObject({ category: 'payment_purchase', exposing: true });
  });

  test('the ids still decide where the words agree: "Don\'t allow" with the deny id protects', () => {
    const s = tapOn(
      'com.google.android.permissioncontroller',
      [
        {
          text: 'Allow TrailCam to send you notifications?',
          id: 'com.android.permissioncontroller:id/permission_message',
        },
        button('Allow', 'com.android.permissioncontroller:id/permission_allow_button'),
        button("Don't allow", 'com.android.permissioncontroller:id/permission_deny_button'),
      ],
      "Don't allow",
    );
    expect(s).toMatchObject({ category: 'notifications', grant: 'deny', exposing: false });
  });
});

describe("a switch's polarity from its state and its wording", () => {
  const sw = (text: string, checked: boolean) =>
    tapOn('com.evil.app', [{ cls: 'android.widget.Switch', text, checkable: true, checked }], text);
  test.each([
    ['Limit ad tracking', 'tracking_ads_cookies'],
    ['Opt out of personalised ads', 'tracking_ads_cookies'],
    ['Hide my location', 'location'],
    ['Do not share my data', 'data_sharing_publish'],
    ['Private account', 'data_sharing_publish'],
  ])('"%s": on → off exposes, off → on protects (%s)', (label, category) => {
    expect(sw(label, true)).toMatchObject({ category, grant: 'accept', exposing: true, standing: true });
    expect(sw(label, false)).toMatchObject({ category, grant: 'decline', exposing: false });
  });
  test('an exposure switch keeps its polarity: "Personalised ads" off → on exposes', () => {
    expect(sw('Personalised ads', false)).toMatchObject({ grant: 'accept', exposing: true });
    expect(sw('Personalised ads', true)).toMatchObject({ grant: 'decline', exposing: false });
  });
});

describe('prices and joined actions in a label', () => {
  test.each(['Donate $5', 'Bid $50', '€9,99 kaufen', 'Join for $9.99/month', 'No thanks, pay $4.99', 'Send $50'])(
    '"%s" pays',
    (label) => expect(checkout(button(label))).toMatchObject({ category: 'payment_purchase', exposing: true }),
  );
  test.each([
    ['Skip and pay', 'payment_purchase'],
    ['Continue as guest and pay', 'payment_purchase'],
    ['Save and share', 'data_sharing_publish'],
  ])('"%s" does its most consequential part (%s)', (label, category) => {
    const s = tapOn('com.evil.app', [{ text: 'Sunrise at the lake' }, button(label)], label);
    expect(s).toMatchObject({ category, exposing: true });
  });
  test('a plain "Skip" still protects, and "Save" names nothing', () => {
    expect(tapOn('com.evil.app', [{ text: 'Sunrise at the lake' }, button('Save')], 'Save')).toBeUndefined();
  });
});

describe('German and Dutch labels end with their verb', () => {
  test.each([
    ['Konto löschen', 'destructive'],
    ['Account verwijderen', 'destructive'],
    ['Foto teilen', 'data_sharing_publish'],
    ['Bericht verzenden', 'data_sharing_publish'],
  ])('"%s" (%s)', (label, category) => {
    expect(tapOn('com.evil.app', [{ text: 'Notizen' }, button(label)], label)).toMatchObject({ category });
  });
  test('an English label does not end with its verb: "Friends to invite" is no invitation', () => {
    expect(tapOn('com.evil.app', [button('Friends to invite')], 'Friends to invite')).toBeUndefined();
  });
});
