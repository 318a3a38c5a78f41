// Everyday wordings beyond the verb, in the languages phone apps ship: each names its concept, and the look-alikes
// that must not ("开始 · 8月18日 11:00" is an event's start time, "Pin" is no share).
import { classify } from '../../src/consent/classify.js';
import { conceptOf } from '../../src/consent/classify/vocabulary.js';
import { alertDialog, dump, el, type Node } from '../support/dump.js';

const tap = (pkg: string, nodes: Node[], text: string) => {
  const tree = dump(pkg, nodes);
  return classify(tree, pkg, { kind: 'tap', element: el(tree, text) });
};

describe('phrases', () => {
  test.each([
    ['Я уже имею аккаунт', 'sign_in'],
    ['Ya tengo una cuenta', 'sign_in'],
    ['Gunakan nomor telepon atau email', 'sign_in'],
    ['دخول', 'sign_in'],
    ['Novo Usuário', 'sign_up'],
    ['Müşteri kaydı', 'sign_up'],
    ['Создать аккаунт', 'sign_up'],
    ['계정 만들기', 'sign_up'],
    ['Request access', 'sign_up'],
    ['تنشيط رخصة التشغيل والربط بالجهاز', 'verify'],
    ['Предложить свою цену', 'buy'],
    ['Make an offer', 'buy'],
    ['Teste grátis', 'trial'],
    ['Para gönder', 'transfer'],
    ['Chuyển tiền', 'transfer'],
    ['Mesajı sil', 'delete'],
    ['Clear call log', 'delete'],
    ['Alertar contatos selecionados', 'send'],
    // Turkish in capitals: "I" is the capital of dotless "ı" ("Çıkış yap" → "ÇIKIŞ YAP").
    ['ÇIKIŞ YAP', 'sign_out'],
    ['Tải lên', 'upload'],
    ['Tümünü reddet', 'reject_all'],
    ['Add credits', 'top_up'],
    ['Send mobile money', 'transfer'],
    ['Không, cảm ơn', 'decline'],
    ['Попробовать бесплатно', 'trial'],
    ['Gruptan çık', 'leave'],
    ['Chuyển khoản', 'transfer'],
    ['Pesan sekarang', 'order'],
    ['HESABI SİL', 'remove'],
    ['FOTOĞRAFLARI GÖNDERİ OLARAK YAYINLA', 'publish'],
    ['Notify my emergency contacts', 'send'],
    ['緊急連絡先に通知', 'send'],
    ['邀好友赚红包', 'invite'],
    ['Спросить об экране', 'share'],
    ['Canlı Yayına Geç', 'publish'],
    ['Salvar senha?', 'save_login'],
    ['Passwort speichern?', 'save_login'],
    ['Nanti saja', 'not_now'],
    ['Jetzt nicht', 'not_now'],
  ])('"%s" names %s', (label, concept) => {
    expect(conceptOf(label)?.concept).toBe(concept);
  });

  test.each(['Đang tải', 'Pesan', 'Pin', 'Start', '开始 · 8月18日 11:00', 'Arama geçmişi', 'Hesap ayarları'])(
    '"%s" names nothing',
    (label) => {
      expect(conceptOf(label)).toBeUndefined();
    },
  );
});

describe('"By continuing, you agree to …" makes going ahead an agreement', () => {
  const screen = (agree: string, start: string): Node[] => [
    { text: 'СВОБОДНО. БЫСТРО.' },
    { text: start, clickable: true },
    { text: agree },
    { text: 'Условия использования', clickable: true },
  ];
  test.each([
    ['Продолжая, вы соглашаетесь с', 'Начать'],
    ['By continuing, you agree to our', 'Get started'],
    ['Al continuar, aceptas los', 'Empezar'],
  ])('"%s" beside "%s"', (agree, start) => {
    expect(tap('com.example.vpn', screen(agree, start), start)).toMatchObject({
      category: 'data_sharing_publish',
      grant: 'accept',
    });
  });

  test('without the sentence, "Get started" on an onboarding page is no consent point', () => {
    const nodes: Node[] = [{ text: 'Fast. Free.' }, { text: 'Get started', clickable: true }];
    expect(tap('com.example.vpn', nodes, 'Get started')).toBeUndefined();
  });
});

describe("an app's own way to turn on a sensor", () => {
  test.each([
    ['语音输入', 'record_audio'],
    ['RECORD 10 SECONDS', 'record_audio'],
    ['Voice input', 'record_audio'],
    ['Use camera', 'use_camera'],
    ['Открыть камеру', 'use_camera'],
  ])('"%s" names %s', (label, concept) => expect(conceptOf(label)?.concept).toBe(concept));

  test.each(['Record expense', 'Take photo', 'Choose from gallery'])('"%s" names no sensor', (label) =>
    expect(['record_audio', 'use_camera']).not.toContain(conceptOf(label)?.concept),
  );

  test('"Use camera" is a camera consent point, "Voice input" a microphone one', () => {
    const nodes = (text: string): Node[] => [{ text: 'Attendance' }, { text, clickable: true }];
    expect(tap('com.example.app', nodes('Use camera'), 'Use camera')).toMatchObject({ category: 'camera' });
    expect(tap('com.example.app', nodes('Voice input'), 'Voice input')).toMatchObject({ category: 'microphone' });
  });
});

test('an SOS button read by its description: "Saúde, Alertar contatos e pessoas próximas" sends an alert', () => {
  const nodes: Node[] = [{ text: 'Alertaki' }, { desc: 'Saúde, Alertar contatos e pessoas próximas', clickable: true }];
  expect(tap('com.example.sos', nodes, 'Saúde, Alertar contatos e pessoas próximas')).toMatchObject({
    category: 'data_sharing_publish',
    exposing: true,
  });
});

describe("a dialog's OK takes the action its message names, in the verb form the language asks it", () => {
  test.each([
    ['그룹을 나가시겠습니까?', '확인', '취소', 'destructive'],
    ['Bu mesaj silinsin mi?', 'Tamam', 'İptal', 'destructive'],
    ['Çıkış yapmak istediğinize emin misiniz?', 'EVET', 'HAYIR', 'destructive'],
    ['क्या आप यह संदेश हटाना चाहते हैं?', 'ठीक है', 'रद्द करें', 'destructive'],
    ["Vuoi uscire dall'account?", 'SÌ', 'NO', 'destructive'],
  ])('"%s" [%s]', (message, ok, cancel, category) => {
    const tree = alertDialog('', message, [
      ['button2', cancel],
      ['button1', ok],
    ]);
    const s = classify(tree, 'com.example.app', { kind: 'tap', element: el(tree, ok) });
    expect(s).toMatchObject({ category, exposing: true });
  });
});

describe('a price on the screen makes going ahead a payment, in the currencies apps show', () => {
  test.each([
    [['السلة', 'المجموع: 25 ر.س'], 'متابعة'],
    [['Keranjang', 'Total Rp 125.000'], 'Lanjut'],
    [['Cart', 'Total: ₦4,500'], 'Continue'],
    [['Pro', '€4,99 pro Monat'], 'Jetzt upgraden'],
  ])('%j · "%s"', (texts, button) => {
    const nodes: Node[] = [
      ...texts.map((text) => ({ text })),
      { cls: 'android.widget.Button', text: button, clickable: true },
    ];
    expect(tap('com.example.shop', nodes, button)).toMatchObject({ category: 'payment_purchase', exposing: true });
  });
});

test('a money screen\'s "send" is a payment: "To add credits, send mobile money …" · Submit Request', () => {
  const tree = alertDialog(
    'Settings & Credits',
    'To add credits, send mobile money and paste your confirmation below.',
    [
      ['button2', 'Cancel'],
      ['button1', 'Submit Request'],
    ],
  );
  const s = classify(tree, 'com.example.app', { kind: 'tap', element: el(tree, 'Submit Request') });
  // Read as sharing, a profile that shares hands-off but asks before paying let it through.
  expect(s).toMatchObject({ category: 'payment_purchase', exposing: true });
});
