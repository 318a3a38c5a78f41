import { locale, resourceText } from '../../tools/android-strings.js';

describe('reading Android string resources (the data generators in tools/)', () => {
  test('a string as the device shows it: placeholders named, markup, entities and escapes resolved', () => {
    expect(
      resourceText(
        'Allow\n        &lt;b><xliff:g id="app_name" example="Gmail">%1$s</xliff:g>&lt;/b> to access this device\\u2019s location?',
        '{device}',
      ),
    ).toBe('Allow {app} to access this device’s location?');
    expect(
      resourceText(
        '"Zulassen, dass &lt;b&gt;<xliff:g id="APP_NAME">%1$s</xliff:g>&lt;/b&gt; auf deine Kontakte zugreift?"',
        '{device}',
      ),
    ).toBe('Zulassen, dass {app} auf deine Kontakte zugreift?');
    expect(resourceText('"Allow <b>%1$s</b> to %2$s?"', '{action}')).toBe('Allow {app} to {action}?');
    expect(resourceText("Don\\'t allow \\u0026 don\\u2019t ask again", '{device}')).toBe(
      "Don't allow & don’t ask again",
    );
  });

  test('locales of values folders; car, TV, watch and pseudo-locales are not phone dialogs', () => {
    expect(['values', 'values-de', 'values-pt-rBR', 'values-zh-rCN-v33', 'values-b+sr+Latn'].map(locale)).toEqual([
      'en',
      'de',
      'pt-BR',
      'zh-CN',
      'sr-Latn',
    ]);
    expect(
      ['values-de-car', 'values-fr-television', 'values-watch', 'values-en-rXC', 'values-h720dp'].map(locale),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
