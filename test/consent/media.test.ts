// Where an app gets the user's photos and files (src/consent/classify/media.ts and the pick_media / attach concepts),
// and starting something that shares the phone with others (serving.ts). Each reading with the screens that must stay
// quiet: a Gallery tab, a lone "Gallery", a launcher, an app's tool grid, an empty composer, "Start game", a "Live" tab.
import { classify, consentPoints } from '../../src/consent/classify.js';
import { parseUiTree } from '../../src/device/ui-tree.js';
import { dump, el, type Node } from '../support/dump.js';

const BUTTON = 'android.widget.Button';
const VIEW = 'android.view.View';
const EDIT = 'android.widget.EditText';
const tap = (pkg: string, nodes: Node[], text: string) => {
  const tree = dump(pkg, nodes);
  return classify(tree, pkg, { kind: 'tap', element: el(tree, text) });
};
const btn = (text: string): Node => ({ cls: BUTTON, text, clickable: true });
const exposing = (pkg: string, nodes: Node[]) =>
  [...consentPoints(dump(pkg, nodes), pkg).values()].filter((p) => p.exposing);

/** A Compose choice: a clickable View whose words are a TextView inside it (as Compose dumps a Button). */
const choice = (text: string): Node => ({ cls: VIEW, clickable: true, children: [{ text }, { cls: BUTTON }] });

describe('a choice of media source', () => {
  test.each([
    ['Galerie', 'Caméra'],
    ['Gallery', 'Camera'],
    ['相册', '相机'],
    ['Galería', 'Cámara'],
    ['갤러리', '카메라'],
    ['Photos & videos', 'Camera'],
  ])(
    '"%s" beside "%s": the gallery hands the phone’s photos; the camera only opens (its permission dialog is the grant)',
    (library, camera) => {
      const nodes: Node[] = [{ text: 'Votre pièce' }, { cls: VIEW, children: [choice(library), choice(camera)] }];
      const tree = dump('com.example.decor', nodes);
      const at = (t: string) => tree.elements.find((x) => x.clickable && x.label === t)!;
      expect(classify(tree, 'com.example.decor', { kind: 'tap', element: at(library) })).toMatchObject({
        category: 'photos_media',
        grant: 'accept',
        exposing: true,
      });
      // Asked here too, one photo was asked twice: at "Take photo" and at the camera permission dialog it opens.
      expect(classify(tree, 'com.example.decor', { kind: 'tap', element: at(camera) })).toBeUndefined();
    },
  );

  test('"Take photo" beside "Choose from gallery" in an attachment sheet', () => {
    const sheet: Node[] = [
      {
        cls: VIEW,
        children: [btn('Take photo'), btn('Choose from gallery')],
      },
    ];
    expect(tap('com.example.chat', sheet, 'Take photo')).toBeUndefined();
    expect(tap('com.example.chat', sheet, 'Choose from gallery')).toMatchObject({ category: 'photos_media' });
  });

  test('a lone "Gallery", a "Gallery" title and a lone "Take photo" (a camera screen’s shutter) name no choice', () => {
    expect(exposing('com.example.app', [{ text: 'Gallery' }, btn('Gallery')])).toEqual([]);
    expect(exposing('com.example.app', [{ text: 'Gallery' }, { text: 'Camera' }])).toEqual([]);
    expect(exposing('com.example.scan', [btn('Take photo'), btn('Flash')])).toEqual([]);
  });

  test('a tab bar’s Camera and Gallery tabs open pages', () => {
    const tabs = (a: Node, b: Node): Node[] => [{ text: 'Scanner' }, { cls: VIEW, children: [a, b] }];
    expect(
      exposing(
        'com.example.scan',
        tabs(
          { cls: VIEW, clickable: true, desc: 'Camera, Tab 1 of 2' },
          { cls: VIEW, clickable: true, desc: 'Gallery, Tab 2 of 2' },
        ),
      ),
    ).toEqual([]);
    expect(
      exposing(
        'com.example.scan',
        tabs(
          {
            cls: 'android.widget.FrameLayout',
            clickable: true,
            text: 'Camera',
            id: 'com.example.scan:id/navigation_camera',
          },
          {
            cls: 'android.widget.FrameLayout',
            clickable: true,
            text: 'Gallery',
            id: 'com.example.scan:id/navigation_gallery',
          },
        ),
      ),
    ).toEqual([]);
  });

  test('a launcher’s Camera and Gallery icons, and a tools grid of many, are places to go', () => {
    const icons = ['Camera', 'Gallery', 'Clock', 'Files', 'Music', 'Notes', 'Maps', 'Mail', 'Phone', 'Settings'];
    const grid = (pkg: string, names: string[]) =>
      exposing(pkg, [
        { cls: VIEW, children: names.map((t) => ({ cls: 'android.widget.TextView', text: t, clickable: true })) },
      ]);
    expect(grid('com.android.launcher3', icons.slice(0, 2))).toEqual([]);
    expect(grid('com.example.toolbox', icons)).toEqual([]);
  });
});

describe('picking, attaching and uploading media by their words', () => {
  test.each(['Browse Gallery', 'Choose photo', 'Fotoğraf seç', '从相册选择', 'Elegir de la galería'])(
    '"%s" hands the app the phone’s photos',
    (text) => {
      expect(tap('com.example.receipts', [{ text: 'Upload your receipt' }, btn(text)], text)).toMatchObject({
        category: 'photos_media',
        grant: 'accept',
      });
    },
  );

  /** A chat screen whose message bar holds, left to right, the control, the message field and Send (one line). */
  const composer = (pkg: string, field: string, control: string, hint = 'Message') =>
    parseUiTree(
      `<hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="${pkg}" bounds="[0,0][1080,2400]">` +
        `<node class="android.widget.TextView" package="${pkg}" text="Acey" bounds="[0,100][1080,200]"/>` +
        `<node class="android.view.ViewGroup" package="${pkg}" bounds="[0,2200][1080,2320]">` +
        `<node class="android.view.ViewGroup" package="${pkg}" content-desc="${control}" clickable="true" bounds="[20,2210][120,2310]"/>` +
        `<node class="android.widget.EditText" package="${pkg}" text="${field}" hint="${hint}" clickable="true" bounds="[130,2210][860,2310]"/>` +
        `<node class="android.widget.Button" package="${pkg}" text="Send" clickable="true" bounds="[880,2210][1060,2310]"/>` +
        `</node></node></hierarchy>`,
    );
  const tapControl = (tree: ReturnType<typeof parseUiTree>, desc: string) =>
    classify(tree, tree.elements[0]!.package, {
      kind: 'tap',
      element: tree.elements.find((x) => x.contentDesc === desc)!,
    });
  const flagged = (tree: ReturnType<typeof parseUiTree>) =>
    [...consentPoints(tree, tree.elements[0]!.package).values()].filter((p) => p.exposing).map((p) => p.evidence.text);

  test('a composer’s 📎 and "Attach Image" beside a message being written', () => {
    expect(tapControl(composer('com.cheddar.app', 'see this', '📎'), '📎')).toMatchObject({
      category: 'data_sharing_publish',
      grant: 'accept',
    });
    expect(tapControl(composer('com.example.remote', 'test', 'Attach Image'), 'Attach Image')).toMatchObject({
      category: 'photos_media',
    });
  });

  test('beside an empty message field (a fresh chat) the composer’s tools attach nothing yet', () => {
    expect(flagged(composer('com.cheddar.app', '', '📎'))).toEqual(['Send']);
    expect(flagged(composer('com.codexapp', 'Message', '画像を選択'))).toEqual(['Send']);
    // Dumps that give an empty field its placeholder as text, with no hint (WhatsApp's "Message").
    expect(flagged(composer('com.whatsapp', 'Message', 'Attach', ''))).toEqual(['Send']);
    expect(flagged(composer('com.example.chat', 'Type a message…', '📎', ''))).toEqual(['Send']);
    expect(flagged(composer('com.example.chat', 'Message Anna about the trip', 'Attach', '')).sort()).toEqual([
      'Attach',
      'Send',
    ]);
  });

  test('an empty field elsewhere in a form leaves its "Upload photo" handing over the photo', () => {
    const form: Node[] = [{ text: 'Profile' }, { cls: EDIT, hint: 'Name', clickable: true }, btn('Upload photo')];
    expect(tap('com.example.profile', form, 'Upload photo')).toMatchObject({ category: 'photos_media' });
  });

  test.each(['Attachment quality', 'Joindre le support', 'Browse files', 'Choose from library'])(
    '"%s" hands nothing over (a setting, "contact support", a file manager, a library of any kind)',
    (text) => {
      expect(exposing('com.example.app', [{ text: 'Settings' }, btn(text)])).toEqual([]);
    },
  );

  test('a 📎 with no message field beside it is no attach control', () => {
    expect(exposing('com.example.notes', [{ text: 'Clips' }, btn('📎')])).toEqual([]);
  });

  test('an upload beside a camera choice picks from the phone’s photos; alone it publishes', () => {
    const row: Node[] = [
      {
        cls: VIEW,
        children: [btn('Camera Scan'), btn('Upload Receipt')],
      },
    ];
    expect(tap('host.exp.exponent', row, 'Upload Receipt')).toMatchObject({
      category: 'photos_media',
      grant: 'accept',
      // Still an upload: a profile that allows photos must not let it go out unasked.
      irreversible: true,
    });
    expect(tap('com.example.drive', [{ text: 'Drive' }, btn('Upload')], 'Upload')).toMatchObject({
      category: 'data_sharing_publish',
    });
  });

  test('"Upload files" beside a camera picks from the phone’s files', () => {
    const row: Node[] = [{ cls: VIEW, children: [btn('Take a photo'), btn('Upload files')] }];
    expect(tap('com.example.kyc', row, 'Upload files')).toMatchObject({ category: 'photos_media', irreversible: true });
  });

  test('a camera beside "Upload call logs" does not make the call log a photo (an app could place one there)', () => {
    const row: Node[] = [{ cls: VIEW, children: [btn('Camera'), btn('Upload call logs')] }];
    expect(tap('com.example.social', row, 'Upload call logs')).toMatchObject({
      category: 'data_sharing_publish',
      irreversible: true,
    });
  });

  test.each(['Upload photo', '上传图片', 'Foto hochladen'])(
    '"%s" hands over a photo and is irreversible, as an upload',
    (text) => {
      expect(tap('com.example.profile', [{ text: 'Profile' }, btn(text)], text)).toMatchObject({
        category: 'photos_media',
        irreversible: true,
      });
    },
  );
});

describe('starting something that shares', () => {
  test.each([
    'Start Copyparty Server',
    'Iniciar servidor FTP',
    'Server starten',
    'Turn on hotspot',
    'Démarrer le serveur',
    'Запустить сервер',
    'Sunucuyu başlat',
    '开启热点',
    '开始直播',
    'サーバーを起動',
    '방송 시작',
    'Go live',
    'Bật điểm phát sóng',
  ])('"%s" shares the phone with others', (text) => {
    expect(tap('com.example.share', [{ text: 'Control' }, btn(text)], text)).toMatchObject({
      category: 'data_sharing_publish',
      grant: 'accept',
      exposing: true,
    });
  });

  test.each([
    'Start',
    'Start game',
    'Server Profiles',
    'View Server Logs',
    'Live',
    '直播',
    'Start the game and wait for the server',
    '打开直播',
    'Canlı yayını aç',
  ])('"%s" starts no sharing', (text) => {
    expect(exposing('com.example.app', [{ text: 'Home' }, btn(text)])).toEqual([]);
  });

  test('words the vocabulary names keep their reading: "Go live" publishes irreversibly; a location-sharing switch is location', () => {
    expect(tap('com.example.live', [{ text: 'Studio' }, btn('Go live')], 'Go live')).toMatchObject({
      category: 'data_sharing_publish',
      irreversible: true,
    });
    const sw = { cls: 'android.widget.Switch', text: 'Enable location sharing', checkable: true, checked: false };
    expect(tap('com.example.maps', [{ text: 'Settings' }, sw], 'Enable location sharing')).toMatchObject({
      category: 'location',
      grant: 'accept',
    });
  });

  test('sharing one’s location is a location consent, as the vocabulary’s share_location is', () => {
    expect(
      tap('com.example.maps', [{ text: 'Trips' }, btn('Turn on location sharing')], 'Turn on location sharing'),
    ).toMatchObject({
      category: 'location',
      grant: 'accept',
      irreversible: true,
    });
  });

  test('a checkbox "Enable FTP Server": ticking it serves, unticking it stops', () => {
    const box = (checked: boolean): Node[] => [
      { text: 'Copyparty Server Control' },
      { cls: 'android.widget.CheckBox', text: 'Enable FTP Server', checkable: true, checked },
    ];
    expect(tap('nocom.rian.copyparty', box(false), 'Enable FTP Server')).toMatchObject({
      category: 'data_sharing_publish',
      grant: 'accept',
    });
    expect(tap('nocom.rian.copyparty', box(true), 'Enable FTP Server')).toMatchObject({
      category: 'data_sharing_publish',
      grant: 'decline',
    });
  });
});

describe('a request button inside the row that names the access (Flutter rows)', () => {
  const row = (title: string): Node[] => [
    { text: '设置' },
    { cls: VIEW, desc: title, children: [{ cls: BUTTON, desc: '申请', clickable: true }] },
  ];
  test('"申请" in the usage-access row asks for special access', () => {
    const tree = dump('com.example.pet', row('使用情况访问权限\n用于统计应用使用时长'));
    const button = tree.elements.find((x) => x.contentDesc === '申请')!;
    expect(classify(tree, 'com.example.pet', { kind: 'tap', element: button })).toMatchObject({
      category: 'special_access',
      grant: 'accept',
    });
  });

  test('a row that names no access gives "申请" nothing to ask for', () => {
    const tree = dump('com.example.jobs', row('前端工程师 · 北京'));
    expect([...consentPoints(tree, 'com.example.jobs').values()].filter((p) => p.exposing)).toEqual([]);
  });
});
