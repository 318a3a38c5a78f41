// The Android 14 runtime permission dialog (GrantPermissionsActivity), with the real resource ids and strings.
import type { GrantResult, GroupInfo } from '../model/permissions.js';
import { FONT, type Metrics } from './metrics.js';
import { node, type Bounds, type UiNode, type Window } from './ui.js';

export const PERMISSION_PKG = 'com.android.permissioncontroller';
export const PERMISSION_ACTIVITY = 'com.android.permissioncontroller.permission.ui.GrantPermissionsActivity';
const ID = `${PERMISSION_PKG}:id/`;

export interface DialogRequest {
  appLabel: string;
  group: GroupInfo;
  /** The user denied this group once already: the deny button becomes "don't ask again". */
  deniedBefore: boolean;
  /** Approximate chosen on the accuracy selector. */
  coarse: boolean;
}

export interface DialogHandlers {
  answer(result: GrantResult): void;
  setCoarse(coarse: boolean): void;
}

interface ButtonSpec {
  id: string;
  text: string;
  result: GrantResult;
}

export function buttonsFor(req: DialogRequest): ButtonSpec[] {
  const deny: ButtonSpec = req.deniedBefore
    ? { id: 'permission_deny_and_dont_ask_again_button', text: 'Don’t allow', result: 'denied_dont_ask' }
    : { id: 'permission_deny_button', text: 'Don’t allow', result: 'denied' };
  switch (req.group.dialog) {
    case 'foreground':
      return [
        { id: 'permission_allow_foreground_only_button', text: 'While using the app', result: 'foreground' },
        { id: 'permission_allow_one_time_button', text: 'Only this time', result: 'one_time' },
        deny,
      ];
    case 'media':
      return [
        { id: 'permission_allow_selected_button', text: 'Select photos and videos', result: 'selected' },
        { id: 'permission_allow_all_button', text: 'Allow all', result: 'always' },
        deny,
      ];
    case 'allow':
      return [{ id: 'permission_allow_button', text: 'Allow', result: 'always' }, deny];
  }
}

export function layoutPermissionDialog(m: Metrics, req: DialogRequest, h: DialogHandlers): Window {
  const pkg = PERMISSION_PKG;
  const W = m.width;
  const isLocation = req.group.name === 'location';
  const buttons = buttonsFor(req);
  const message = `Allow ${req.appLabel} to ${req.group.ask}?`;
  const msgLines = m.wrap(message, m.dp(FONT.title), W - m.dp(2 * 44));
  const headerH = m.dp(24 + 36 + 16) + msgLines.length * m.dp(30) + m.dp(24);
  const accuracyH = isLocation ? m.dp(150) : 0;
  const buttonsH = buttons.length * m.dp(64) + m.dp(16);
  const height = headerH + accuracyH + buttonsH;
  const top = Math.round((m.height - height) / 2);
  const box: Bounds = [m.dp(10), top, W - m.dp(10), top + height];
  const inner = (t: number, b: number): Bounds => [box[0] + m.dp(16), t, box[2] - m.dp(16), b];
  const N = (p: Partial<UiNode> & Pick<UiNode, 'cls' | 'bounds' | 'role'>) => node({ pkg, ...p });

  const header = N({
    cls: 'android.widget.LinearLayout',
    role: 'container',
    resourceId: `${ID}content_container`,
    bounds: inner(box[1], box[1] + headerH),
    children: [
      N({
        cls: 'android.widget.ImageView',
        role: 'perm_icon',
        resourceId: `${ID}permission_icon`,
        bounds: [W / 2 - m.dp(18), box[1] + m.dp(24), W / 2 + m.dp(18), box[1] + m.dp(60)],
      }),
      N({
        cls: 'android.widget.TextView',
        role: 'title',
        text: message,
        resourceId: `${ID}permission_message`,
        bounds: inner(box[1] + m.dp(76), box[1] + headerH - m.dp(24)),
      }),
    ],
  });
  const parts: UiNode[] = [header];
  let y = box[1] + headerH;
  if (isLocation) {
    const half = Math.round((box[0] + box[2]) / 2);
    const rb = (left: number, right: number, fine: boolean): UiNode =>
      N({
        cls: 'android.widget.RadioButton',
        role: 'radio',
        text: fine ? 'Precise' : 'Approximate',
        resourceId: `${ID}permission_location_accuracy_radio_${fine ? 'fine' : 'coarse'}`,
        checkable: true,
        clickable: true,
        focusable: true,
        checked: fine ? !req.coarse : req.coarse,
        bounds: [left, y, right, y + accuracyH - m.dp(16)],
        key: `perm:${fine ? 'fine' : 'coarse'}`,
        onTap: () => h.setCoarse(!fine),
      });
    parts.push(
      N({
        cls: 'android.widget.LinearLayout',
        role: 'container',
        resourceId: `${ID}permission_location_accuracy`,
        bounds: inner(y, y + accuracyH),
        children: [
          N({
            cls: 'android.widget.RadioGroup',
            role: 'container',
            resourceId: `${ID}permission_location_accuracy_radio_group`,
            bounds: inner(y, y + accuracyH - m.dp(16)),
            children: [rb(box[0] + m.dp(40), half - m.dp(16), true), rb(half + m.dp(16), box[2] - m.dp(40), false)],
          }),
        ],
      }),
    );
    y += accuracyH;
  }
  const group = N({ cls: 'android.widget.LinearLayout', role: 'container', bounds: inner(y, box[3] - m.dp(16)) });
  for (const b of buttons) {
    group.children.push(
      N({
        cls: 'android.widget.Button',
        role: 'button',
        text: b.text,
        resourceId: `${ID}${b.id}`,
        clickable: true,
        focusable: true,
        bounds: inner(y + m.dp(4), y + m.dp(60)),
        key: `perm:${b.id}`,
        onTap: () => h.answer(b.result),
      }),
    );
    y += m.dp(64);
  }
  parts.push(group);
  const dialog = N({
    cls: 'android.widget.LinearLayout',
    role: 'dialog',
    resourceId: `${ID}grant_dialog`,
    clickable: true,
    bounds: box,
    children: parts,
  });
  const singleton = N({
    cls: 'android.widget.LinearLayout',
    role: 'container',
    resourceId: `${ID}grant_singleton`,
    clickable: true,
    bounds: box,
    children: [dialog],
  });
  const scroll = N({
    cls: 'android.widget.ScrollView',
    role: 'container',
    focusable: true,
    bounds: box,
    children: [singleton],
  });
  const content = N({
    cls: 'android.widget.FrameLayout',
    role: 'container',
    resourceId: 'android:id/content',
    bounds: box,
    children: [scroll],
  });
  const root = N({ cls: 'android.widget.FrameLayout', role: 'root', bounds: box, children: [content] });
  return { pkg, activity: PERMISSION_ACTIVITY, kind: 'permission', root };
}
