// What only looks like consent, from the blind validation split (K4, fixtures/real-screens): a result reported ("Login
// successfully!"), a filter sheet's "Reset", a stepper's "Remove" beside "Add", a time picker's "OK", an "Exit app?"
// dialog, "Save to Vault?", a path typed in a field. Each beside the reading that must survive: "Delete all", a real
// question with a warning, "Continuer en invité" as a refusal, "Cancel subscription" as destructive.
import { classify, consentPoints } from '../../src/consent/classify.js';
import { conceptOf } from '../../src/consent/classify/vocabulary.js';
import { parseUiTree } from '../../src/device/ui-tree.js';
import { alertDialog, dump, el, type Node } from '../support/dump.js';

const tap = (pkg: string, nodes: Node[], text: string) => {
  const tree = dump(pkg, nodes);
  return classify(tree, pkg, { kind: 'tap', element: el(tree, text) });
};
const exposing = (pkg: string, nodes: Node[], text: string) => tap(pkg, nodes, text)?.exposing ?? false;
const BUTTON = 'android.widget.Button';
const EDIT = 'android.widget.EditText';

describe('results reported are no actions', () => {
  test.each(['Login successfully!', 'Sign in timed out', '登录成功', 'Вход не удалось'])(
    '"%s" on a dialog\'s panel is no consent point',
    (text) => {
      const nodes: Node[] = [{ clickable: true, children: [{ text: 'Success' }, { text }] }];
      const tree = dump('com.example.app', nodes);
      const panel = tree.elements.find((x) => x.clickable && !x.text)!;
      expect(classify(tree, 'com.example.app', { kind: 'tap', element: panel })).toBeUndefined();
    },
  );
  test('a button\'s own words still decide beside a status: "Log in — success guaranteed" signs in', () => {
    const nodes: Node[] = [{ text: 'Welcome' }, { cls: BUTTON, text: 'Log in — success guaranteed', clickable: true }];
    expect(tap('com.example.app', nodes, 'Log in — success guaranteed')).toMatchObject({ category: 'account_signin' });
  });
});

const alert = alertDialog;
const forward = (tree: ReturnType<typeof alert>, text: string) =>
  consentPoints(tree, 'com.example.app').get(tree.elements.find((x) => x.text === text)!.index);

describe('dialogs that ask nothing', () => {
  test('an error dialog\'s OK under "sign in timed out"', () => {
    expect(forward(alert('Ошибка', 'sign in timed out', [['button1', 'OK']]), 'OK')).toBeUndefined();
  });

  test('"Exit App? Are you sure you want to exit?"; with a price in it, it still asks', () => {
    const tree = alert('Exit App', 'Are you sure you want to exit?', [
      ['button2', 'CANCEL'],
      ['button1', 'EXIT'],
    ]);
    expect(forward(tree, 'EXIT')?.exposing ?? false).toBe(false);
    const renew = alert('Exit App', 'Exit the app? Your plan renews at $9.99 a month.', [
      ['button2', 'CANCEL'],
      ['button1', 'EXIT'],
    ]);
    expect(forward(renew, 'EXIT')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });

  test('a time picker\'s "确定"', () => {
    const picker =
      '<node class="android.widget.TimePicker" package="com.example.app" resource-id="android:id/timePicker" bounds="[100,1110][980,1290]"/>';
    const tree = alert(
      '设置时间',
      '请输入时间',
      [
        ['button2', '取消'],
        ['button1', '确定'],
      ],
      picker,
    );
    expect(forward(tree, '确定')?.exposing ?? false).toBe(false);
  });

  test('"Save to Vault?" saves on the device; "Delete this photo?" still deletes', () => {
    const save = alert('Save to Vault', 'Do you want to save this image to your encrypted vault?', [
      ['button2', 'CANCEL'],
      ['button1', 'SAVE'],
    ]);
    expect(forward(save, 'SAVE')?.exposing ?? false).toBe(false);
    const del = alert('Delete photo', 'Delete this photo?', [
      ['button2', 'CANCEL'],
      ['button1', 'OK'],
    ]);
    expect(forward(del, 'OK')).toMatchObject({ category: 'destructive', grant: 'accept' });
  });

  test("an unnamed question dialog is still the fail-safe's", () => {
    const tree = alert('Link device', 'Link this tablet to your account?', [
      ['button2', 'Cancel'],
      ['button1', 'Link'],
    ]);
    expect(forward(tree, 'Link')).toMatchObject({ exposing: true });
  });
});

describe('controls that edit what is chosen', () => {
  test('"Сбросить" on a filter sheet clears the filters; on its own it still resets', () => {
    const sheet: Node[] = [{ text: 'Фильтры' }, { text: 'Сортировка' }, { text: 'Сбросить', clickable: true }];
    expect(exposing('com.avito.android', sheet, 'Сбросить')).toBe(false);
    const settings: Node[] = [{ text: 'Настройки' }, { text: 'Сбросить', clickable: true }];
    expect(tap('com.example.app', settings, 'Сбросить')).toMatchObject({ category: 'destructive' });
  });

  test('a stepper\'s "Remove" beside "Add" counts one less; "Remove" alone in a list still removes', () => {
    const tree = parseUiTree(
      `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="com.example.nutra" bounds="[0,0][1080,2400]"><node class="android.widget.TextView" package="com.example.nutra" text="Water 0 / 8" bounds="[40,500][400,600]"/><node class="android.widget.Button" package="com.example.nutra" content-desc="Remove" clickable="true" bounds="[700,500][820,600]"/><node class="android.widget.Button" package="com.example.nutra" content-desc="Add" clickable="true" bounds="[860,500][980,600]"/></node></hierarchy>`,
    );
    const remove = tree.elements.find((x) => x.contentDesc === 'Remove')!;
    expect(classify(tree, 'com.example.nutra', { kind: 'tap', element: remove })?.exposing ?? false).toBe(false);
    // Beside an account and an "Add", with no quantity shown, "Remove" still removes.
    const account = parseUiTree(
      `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="com.example.nutra" bounds="[0,0][1080,2400]"><node class="android.widget.TextView" package="com.example.nutra" text="uli.trails@example.com" bounds="[40,500][400,600]"/><node class="android.widget.Button" package="com.example.nutra" content-desc="Remove" clickable="true" bounds="[700,500][820,600]"/><node class="android.widget.Button" package="com.example.nutra" content-desc="Add" clickable="true" bounds="[860,500][980,600]"/></node></hierarchy>`,
    );
    const drop = account.elements.find((x) => x.contentDesc === 'Remove')!;
    expect(classify(account, 'com.example.nutra', { kind: 'tap', element: drop })).toMatchObject({
      category: 'destructive',
    });
    const list: Node[] = [{ text: 'Members' }, { text: 'Alex' }, { text: 'Remove', clickable: true }];
    expect(tap('com.example.app', list, 'Remove')).toMatchObject({ category: 'destructive' });
  });
});

describe('words that are one phrase', () => {
  test('"Continuer en invité" declines the sign-in ("en" is no "and" here)', () => {
    const form: Node[] = [
      { text: 'Connexion' },
      { cls: EDIT, hint: 'Téléphone', clickable: true },
      { cls: BUTTON, text: 'Se connecter', clickable: true },
      { cls: BUTTON, text: 'Continuer en invité', clickable: true },
    ];
    expect(tap('fr.example.barber', form, 'Continuer en invité')).toMatchObject({
      category: 'account_signin',
      grant: 'decline',
      exposing: false,
    });
  });

  test('"Cancel subscription" is destructive; "Cancel" is a refusal', () => {
    expect(conceptOf('Cancel subscription')?.concept).toBe('delete');
    expect(conceptOf('Randevuyu iptal et')?.concept).toBe('delete');
    expect(conceptOf('Cancel')?.concept).toBe('cancel');
  });

  test('a Chinese button padded to width ("卖 出", "确 定") reads as its word', () => {
    expect(conceptOf('卖 出')?.concept).toBe(conceptOf('卖出')?.concept);
    expect(conceptOf('确 定')?.concept).toBe('ok');
  });

  test('"Continue with yearly access" goes ahead with the price; "Continue with Google" signs in', () => {
    const paywall: Node[] = [
      { text: 'Premium' },
      { text: '$49.99 / year' },
      { text: 'Continue with yearly access', clickable: true },
    ];
    expect(tap('com.example.ai', paywall, 'Continue with yearly access')).toMatchObject({
      category: 'payment_purchase',
    });
    const signin: Node[] = [{ text: 'Welcome' }, { text: 'Continue with Google', clickable: true }];
    expect(tap('com.example.ai', signin, 'Continue with Google')).toMatchObject({ category: 'account_signin' });
  });

  test('"Subscribe to SOS alerts" is no payment; "Subscribe to our newsletter" is marketing consent', () => {
    const row = (text: string, extra: Node[] = []): Node[] => [
      { text: 'Settings' },
      ...extra,
      { text, clickable: true },
    ];
    expect(
      tap('com.example.app', row('Subscribe to nearby SOS alerts'), 'Subscribe to nearby SOS alerts'),
    ).toBeUndefined();
    // Beside a price, it is the subscription the price is for.
    const paid = row('Subscribe to premium updates', [{ text: '$4.99 / month' }]);
    expect(tap('com.example.app', paid, 'Subscribe to premium updates')).toMatchObject({
      category: 'payment_purchase',
    });
    expect(tap('com.example.app', row('Subscribe to our newsletter'), 'Subscribe to our newsletter')).toMatchObject({
      category: 'tracking_ads_cookies',
    });
  });
});

describe('fields and agreements', () => {
  test('a path typed in a field does not make a dialog a sign-in form', () => {
    const nodes: Node[] = [
      { text: 'Switch Project' },
      { cls: EDIT, text: 'D:/code/mobile-agent-bridge', clickable: true },
      { cls: BUTTON, text: 'Cancel', clickable: true },
      { cls: BUTTON, text: 'Switch', clickable: true },
    ];
    expect(tap('com.mobileagentbridge', nodes, 'Switch')?.category).not.toBe('account_signin');
  });

  test('an agreement checkbox makes the screen\'s "開始使用" an agreement', () => {
    const nodes: Node[] = [
      { text: '歡迎使用' },
      { cls: 'android.widget.CheckBox', text: '我已閱讀並同意服務條款', checkable: true },
      { text: '開始使用', clickable: true },
    ];
    expect(tap('com.example.destiny', nodes, '開始使用')).toMatchObject({ category: 'data_sharing_publish' });
  });
});

describe('the second blind split (K5)', () => {
  test('a single-choice dialog ("Pick Chrome\'s language") sets a choice; its OK asks nothing', () => {
    const radios = ['English', 'Deutsch']
      .map(
        (t, i) =>
          `<node class="android.widget.RadioButton" package="com.example.app" content-desc="${t}" checkable="true" clickable="true" bounds="[100,${1110 + i * 90}][980,${1190 + i * 90}]"/>`,
      )
      .join('');
    const tree = alert(
      'Pick language',
      'Your keyboard won’t change',
      [
        ['button2', 'Cancel'],
        ['button1', 'OK'],
      ],
      radios,
    );
    expect(forward(tree, 'OK')?.exposing ?? false).toBe(false);
  });

  test("a plan chooser whose choices carry the prices: its OK pays (the choices' words count)", () => {
    const radios = ['Monthly — $4.99', 'Yearly — $39.99']
      .map(
        (t, i) =>
          `<node class="android.widget.RadioButton" package="com.example.app" text="${t}" checkable="true" clickable="true" bounds="[100,${1110 + i * 90}][980,${1190 + i * 90}]"/>`,
      )
      .join('');
    const tree = alert(
      'Choose your plan',
      '',
      [
        ['button2', 'Cancel'],
        ['button1', 'OK'],
      ],
      radios,
    );
    expect(forward(tree, 'OK')).toMatchObject({ category: 'payment_purchase', exposing: true });
  });

  test('a dialog that asks for a password signs in with its OK', () => {
    const field =
      '<node class="android.widget.EditText" package="com.example.app" text="" password="true" clickable="true" bounds="[100,1110][980,1190]"/>';
    const tree = alert(
      'Text entry',
      'Name and password',
      [
        ['button2', 'Cancel'],
        ['button1', 'OK'],
      ],
      field,
    );
    expect(forward(tree, 'OK')).toMatchObject({ category: 'account_signin', grant: 'accept' });
  });

  test('"Entered data will not be saved" makes going ahead destructive', () => {
    const tree = alert('Cancel registration', 'Are you sure? Entered data will not be saved.', [
      ['button2', 'Voltar'],
      ['button1', 'Yes, cancel'],
    ]);
    expect(forward(tree, 'Yes, cancel')).toMatchObject({ category: 'destructive', grant: 'accept' });
  });

  test("a calculator's backspace above the keys edits the number", () => {
    const keys = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0']
      .map(
        (d, i) =>
          `<node class="android.widget.Button" package="com.sec.android.app.popupcalculator" text="${d}" clickable="true" bounds="[${(i % 3) * 300},${1200 + Math.floor(i / 3) * 200}][${(i % 3) * 300 + 280},${1380 + Math.floor(i / 3) * 200}]"/>`,
      )
      .join('');
    const back =
      '<node class="android.widget.ImageButton" package="com.sec.android.app.popupcalculator" content-desc="Retroceso" resource-id="com.sec.android.app.popupcalculator:id/calc_handle_btn_delete" clickable="true" bounds="[900,800][1060,900]"/>';
    const tree = parseUiTree(
      `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400"><node class="android.widget.FrameLayout" package="com.sec.android.app.popupcalculator" bounds="[0,0][1080,2400]">${back}${keys}</node></hierarchy>`,
    );
    const e = tree.elements.find((x) => x.contentDesc === 'Retroceso')!;
    expect(classify(tree, 'com.sec.android.app.popupcalculator', { kind: 'tap', element: e })).toBeUndefined();
  });

  test("an order form's Save is no sign-in, though a phone field and 'register' are on it", () => {
    const nodes: Node[] = [
      { text: 'Cadastrar ordem de serviço' },
      { cls: EDIT, hint: 'Telefone do cliente', clickable: true },
      { cls: BUTTON, text: 'Salvar', clickable: true },
    ];
    expect(tap('com.example.os', nodes, 'Salvar')?.category).not.toBe('account_signin');
  });
});

describe('the third blind split (K6)', () => {
  const bar = (labels: string[]): Node[] => [
    { text: 'NetDrop' },
    ...labels.map((l, i) => ({ desc: `${l}, Tab ${i + 1} of ${labels.length}`, clickable: true })),
  ];
  const tapDesc = (nodes: Node[], desc: string) => {
    const tree = dump('com.example.drop', nodes);
    const e = tree.elements.find((x) => x.contentDesc === desc)!;
    return classify(tree, 'com.example.drop', { kind: 'tap', element: e });
  };

  test('a tab bar\'s "Send" tab opens a page; a sign-in form\'s "Sign Up" tab is still a sign-up', () => {
    expect(tapDesc(bar(['Send', 'Receive', 'Settings']), 'Send, Tab 1 of 3')).toBeUndefined();
    expect(tapDesc(bar(['Sign In', 'Sign Up']), 'Sign Up, Tab 2 of 2')).toMatchObject({ category: 'account_signin' });
  });

  test('one "Pay, Tab 1 of 1" is no tab bar: it still pays', () => {
    expect(tapDesc(bar(['Pay']), 'Pay, Tab 1 of 1')).toMatchObject({ category: 'payment_purchase' });
  });

  test('"未登录" (not signed in) on a profile entry is a state; "Press here to sign in …" signs in', () => {
    const entry: Node[] = [{ clickable: true, children: [{ text: '我' }, { text: '未登录' }] }];
    const tree = dump('com.example.rss', entry);
    const panel = tree.elements.find((x) => x.clickable && !x.text)!;
    expect(classify(tree, 'com.example.rss', { kind: 'tap', element: panel })).toBeUndefined();
    expect(conceptOf('Press here to sign in to your Expo account and see your projects')?.concept).toBe('sign_in');
  });

  test('a list item\'s state word ("Concluído") beside a price is no confirmation of a payment', () => {
    const row: Node[] = [
      { text: 'Ordens de serviço' },
      {
        clickable: true,
        children: [{ text: 'Teste 001' }, { text: 'Executar' }, { text: 'Concluido' }, { text: 'R$ 250.00' }],
      },
    ];
    const tree = dump('br.com.example.os', row);
    const item = tree.elements.find((x) => x.clickable && !x.text)!;
    expect(classify(tree, 'br.com.example.os', { kind: 'tap', element: item })).toBeUndefined();
  });

  test('"Conectar-se" / "Connexion" sign in only as the whole label: "Connexion Bluetooth" is a connection', () => {
    expect(conceptOf('Conectar-se')?.concept).toBe('sign_in');
    expect(conceptOf('Connexion')?.concept).toBe('sign_in');
    expect(conceptOf('Connexion Bluetooth')?.concept).not.toBe('sign_in');
    expect(conceptOf('Conectarse a una red Wi-Fi')?.concept).not.toBe('sign_in');
  });

  test('Brazilian "Conectar-se a uma rede Wi-Fi" is no sign-in', () => {
    expect(conceptOf('Conectar-se a uma rede Wi‑Fi aberta')?.concept).not.toBe('sign_in');
    expect(
      tap(
        'com.android.systemui',
        [{ text: 'Sistema' }, { text: 'Conectar-se a uma rede Wi‑Fi aberta', clickable: true }],
        'Conectar-se a uma rede Wi‑Fi aberta',
      ),
    ).toBeUndefined();
  });
});

describe('where nothing is written yet, "Send feedback" and a feed\'s "Comment" open a form', () => {
  test('"Send Feedback" in a settings list with no field to write in is no consent point', () => {
    const nodes: Node[] = [
      { text: 'Appearance', clickable: true },
      { text: 'About DropNow', clickable: true },
      { text: 'Send Feedback', clickable: true },
    ];
    expect(tap('com.example.app', nodes, 'Send Feedback')).toBeUndefined();
    expect(
      tap('com.example.app', [...nodes.slice(0, 2), { text: 'Отправить отзыв', clickable: true }], 'Отправить отзыв'),
    ).toBeUndefined();
  });
  test('the feedback form\'s "Send feedback" beside what the user wrote sends it', () => {
    const nodes: Node[] = [
      { cls: EDIT, text: 'The app crashes when I open my photos', clickable: true },
      { cls: BUTTON, text: 'Send feedback', clickable: true },
    ];
    expect(tap('com.example.app', nodes, 'Send feedback')).toMatchObject({
      category: 'data_sharing_publish',
      exposing: true,
    });
  });
  test.each(['Comment', 'Reply', '댓글', 'Responder'])('a feed\'s "%s" under a post opens the composer', (label) => {
    const nodes: Node[] = [{ text: 'City council approves new bike lanes' }, { text: label, clickable: true }];
    expect(tap('com.example.app', nodes, label)).toBeUndefined();
  });
  test('the composer\'s "Reply" beside what the user wrote posts it', () => {
    const nodes: Node[] = [
      { cls: EDIT, text: 'Great news!', clickable: true },
      { cls: BUTTON, text: 'Reply', clickable: true },
    ];
    expect(tap('com.example.app', nodes, 'Reply')).toMatchObject({ category: 'data_sharing_publish', exposing: true });
  });
  test('"Post a reply" or "Reply all" name more than opening the composer', () => {
    expect(
      exposing(
        'com.example.app',
        [{ text: 'Inbox' }, { cls: BUTTON, text: 'Reply all', clickable: true }],
        'Reply all',
      ),
    ).toBe(true);
  });
  test('"Send" on its own is still sending, with or without a field', () => {
    expect(
      exposing('com.example.app', [{ text: 'Inbox' }, { cls: BUTTON, text: 'Send', clickable: true }], 'Send'),
    ).toBe(true);
  });
});
