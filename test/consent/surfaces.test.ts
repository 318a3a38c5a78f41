// The system file picker (DocumentsUI, src/consent/classify/surfaces.ts): while it picks for an app (the row of other
// apps that can provide the content, "Browse files in other apps"), a file row hands that file over; in the Files app
// (no such row) the same rows give nothing to anyone.
import { classify } from '../../src/consent/classify.js';
import { parseUiTree } from '../../src/device/ui-tree.js';

const PKG = 'com.android.documentsui';
const node = (attrs: string, bounds: string, kids = '') =>
  `<node class="android.widget.LinearLayout" package="${PKG}" ${attrs} bounds="${bounds}">${kids}</node>`;

function picker(picking: boolean) {
  const apps = picking
    ? node(
        `resource-id="${PKG}:id/apps_row"`,
        '[0,300][1080,600]',
        node(
          `resource-id="${PKG}:id/apps_group"`,
          '[0,400][1080,600]',
          node(`resource-id="${PKG}:id/app_icon" clickable="true"`, '[0,400][200,600]'),
        ),
      )
    : '';
  const row = node(
    `resource-id="${PKG}:id/item_root" clickable="true"`,
    '[0,700][1080,900]',
    `<node class="android.widget.TextView" package="${PKG}" text="import_screen.png" resource-id="android:id/title" bounds="[200,720][900,800]"/>`,
  );
  return parseUiTree(
    `<?xml version="1.0"?><hierarchy rotation="0" width="1080" height="2400">${node('', '[0,0][1080,2400]', apps + row)}</hierarchy>`,
  );
}

const tapRow = (picking: boolean) => {
  const tree = picker(picking);
  const e = tree.elements.find((x) => x.resourceId.endsWith(':id/item_root'))!;
  return classify(tree, PKG, { kind: 'tap', element: e });
};

describe('the system file picker', () => {
  test('picking for an app: a file row hands the file over (allow_selected)', () => {
    expect(tapRow(true)).toMatchObject({ category: 'photos_media', grant: 'allow_selected', exposing: true });
  });
  test('browsing in the Files app: the same row is no consent point', () => {
    expect(tapRow(false)).toBeUndefined();
  });
});
