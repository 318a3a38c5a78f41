// The permission dialog's category comes from AOSP's own request strings, in every locale, with the app's name as a
// wildcard: checked on the table itself (every locale, hostile names) and on dialogs as they appear in dumps.
import { messageTopic } from '../../src/consent/classify/permission.js';
import table from '../../src/consent/classify/permission-requests.json' with { type: 'json' };

const groups = table.groups as Record<string, string>;
const fill = (t: string, app: string) => t.replace('{app}', app).replace('{device}', 'Pixel Tablet');

describe('permission request messages from AOSP PermissionController', () => {
  test('the table is real data with its source: dozens of locales, every group heed maps', () => {
    expect(table.source).toMatch(/^GrapheneOS\/platform_packages_modules_Permission: /);
    expect(table.commits.every((c) => /^[0-9a-f]{40}$/.test(c))).toBe(true);
    const locales = new Set(table.requests.flatMap((r) => r.locales.split(' ')));
    expect(locales.size).toBeGreaterThan(80);
    for (const l of ['en', 'es', 'zh-CN', 'ko', 'ja', 'ru', 'pt-BR', 'de', 'fr', 'th', 'ar', 'hi', 'tr', 'vi'])
      expect(locales).toContain(l);
  });

  test.each(['en', 'es', 'zh-CN', 'zh-TW', 'ko', 'ja', 'ru', 'pt-BR', 'de', 'fr', 'it', 'th', 'ar', 'hi', 'vi', 'tr'])(
    '%s: every request message names its own category, whatever the app is called',
    (locale) => {
      const own = table.requests.filter((r) => r.locales.split(' ').includes(locale) && r.text.includes('{app}'));
      expect(own.length).toBeGreaterThan(20);
      // Hostile names: other requests of the same locale, spelled out (an app named after another permission).
      const hostile = ['Maps', ...own.filter((_, i) => i % 6 === 0).map((r) => fill(r.text, 'X'))];
      let named = 0;
      for (const r of own) {
        const want = groups[r.group];
        for (const name of hostile) {
          const got = messageTopic(fill(r.text, name));
          // Either the right category, or no category at all (the gate then asks): never another one.
          if (got) expect([r.text, name, got.category]).toEqual([r.text, name, want]);
        }
        if (messageTopic(fill(r.text, 'Maps'))?.category === want) named++;
      }
      // A few messages end like another one (AOSP's Spanish "grabe vídeos" is both camera and microphone): those
      // are no topic, which heed asks about. Almost every one names its category.
      expect(named / own.length).toBeGreaterThan(0.95);
    },
  );

  test('legacy dialogs (Android 6–8: "Allow %1$s to %2$s?") read the action, not the name', () => {
    expect(messageTopic('要允许“文件管理”访问您设备上的照片、媒体内容和文件吗？')).toMatchObject({
      category: 'photos_media',
    });
    expect(messageTopic("Allow Justdial to access this device's location?")).toMatchObject({ category: 'location' });
    expect(messageTopic('Allow Camera to access your contacts?')).toMatchObject({ category: 'contacts' });
  });

  test('wording no table knows (OEM dialogs) is only ever tentative, and a name that adds a topic makes it none', () => {
    expect(messageTopic('允许“安全中心”获取您的位置信息权限？')).toMatchObject({
      category: 'location',
      tentative: true,
    });
    expect(messageTopic('允许“相机大师”获取您的位置信息权限？')).toMatchObject({
      category: 'location',
      tentative: true,
    });
    // The name is not quoted, so it cannot be told apart from the request: two topics, none chosen.
    expect(messageTopic('允许相机大师获取您的位置信息权限？')).toBeUndefined();
    expect(messageTopic('Qaghaj tlhIngan Hol ghItlh?')).toBeUndefined();
  });

  test('bidi isolates, width and apostrophes do not hide a message', () => {
    expect(messageTopic('Allow \u2068Maps\u2069 to access this device\u2019s location?')).toMatchObject({
      category: 'location',
    });
    expect(messageTopic("ALLOW MAPS TO ACCESS THIS DEVICE'S LOCATION?")).toMatchObject({ category: 'location' });
  });
});
