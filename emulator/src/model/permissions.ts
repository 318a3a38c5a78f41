// Runtime permission state, kept the way Android's PermissionManager keeps it: per package, per permission, a granted
// bit plus flags. Everything a task checks (dumpsys package, mobile: getPermissions) is derived from this one store.

const P = 'android.permission.';

export interface GroupInfo {
  /** Group name used by heed and by app data (`request: [location]`). */
  name: string;
  label: string;
  permissions: string[];
  /** What the Android 14 dialog offers. */
  dialog: 'foreground' | 'allow' | 'media';
  /** Title after "Allow <App> to …". */
  ask: string;
}

export const GROUPS: GroupInfo[] = [
  {
    name: 'location',
    label: 'Location',
    permissions: [`${P}ACCESS_FINE_LOCATION`, `${P}ACCESS_COARSE_LOCATION`],
    dialog: 'foreground',
    ask: 'access this device’s location',
  },
  {
    name: 'camera',
    label: 'Camera',
    permissions: [`${P}CAMERA`],
    dialog: 'foreground',
    ask: 'take pictures and record video',
  },
  {
    name: 'microphone',
    label: 'Microphone',
    permissions: [`${P}RECORD_AUDIO`],
    dialog: 'foreground',
    ask: 'record audio',
  },
  {
    name: 'contacts',
    label: 'Contacts',
    permissions: [`${P}READ_CONTACTS`, `${P}WRITE_CONTACTS`, `${P}GET_ACCOUNTS`],
    dialog: 'allow',
    ask: 'access your contacts',
  },
  {
    name: 'calendar',
    label: 'Calendar',
    permissions: [`${P}READ_CALENDAR`, `${P}WRITE_CALENDAR`],
    dialog: 'allow',
    ask: 'access your calendar',
  },
  {
    name: 'sms',
    label: 'SMS',
    permissions: [`${P}SEND_SMS`, `${P}READ_SMS`, `${P}RECEIVE_SMS`],
    dialog: 'allow',
    ask: 'send and view SMS messages',
  },
  {
    name: 'phone',
    label: 'Phone',
    permissions: [`${P}CALL_PHONE`, `${P}READ_PHONE_STATE`],
    dialog: 'allow',
    ask: 'make and manage phone calls',
  },
  {
    name: 'notifications',
    label: 'Notifications',
    permissions: [`${P}POST_NOTIFICATIONS`],
    dialog: 'allow',
    ask: 'send you notifications',
  },
  {
    name: 'photos_media',
    label: 'Photos and videos',
    permissions: [`${P}READ_MEDIA_IMAGES`, `${P}READ_MEDIA_VIDEO`, `${P}READ_MEDIA_VISUAL_USER_SELECTED`],
    dialog: 'media',
    ask: 'access photos and videos on this device',
  },
  {
    name: 'nearby_devices',
    label: 'Nearby devices',
    permissions: [`${P}BLUETOOTH_CONNECT`, `${P}BLUETOOTH_SCAN`],
    dialog: 'allow',
    ask: 'find, connect to, and determine the relative position of nearby devices',
  },
];

export function groupOf(permissionOrGroup: string): GroupInfo | undefined {
  return GROUPS.find((g) => g.name === permissionOrGroup || g.permissions.includes(permissionOrGroup));
}

/** The results a dialog button can produce, in AOSP's terms. */
export type GrantResult = 'always' | 'foreground' | 'one_time' | 'selected' | 'denied' | 'denied_dont_ask';
/** What a grant from Settings can also set: "Ask every time" (not granted, next request asks once more). */
export type SettingsResult = GrantResult | 'ask';

const SENSITIVE = ['USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED'];

interface PermState {
  granted: boolean;
  flags: Set<string>;
}

export class PermissionStore {
  private readonly byPkg = new Map<string, Map<string, PermState>>();

  /** Register an installed package's declared runtime permissions (all denied, no flags: a fresh install). */
  install(pkg: string, declared: string[]): void {
    const m = new Map<string, PermState>();
    for (const perm of declared) m.set(perm, { granted: false, flags: new Set(SENSITIVE) });
    this.byPkg.set(pkg, m);
  }

  has(pkg: string): boolean {
    return this.byPkg.has(pkg);
  }

  declared(pkg: string): string[] {
    return [...(this.byPkg.get(pkg)?.keys() ?? [])];
  }

  isGranted(pkg: string, perm: string): boolean {
    return this.byPkg.get(pkg)?.get(perm)?.granted ?? false;
  }

  flags(pkg: string, perm: string): string[] {
    return [...(this.byPkg.get(pkg)?.get(perm)?.flags ?? [])];
  }

  /** Permissions of `group` that this package declares. */
  groupPerms(pkg: string, group: GroupInfo): string[] {
    const declared = this.byPkg.get(pkg);
    return group.permissions.filter((p) => declared?.has(p));
  }

  groupGranted(pkg: string, group: GroupInfo): boolean {
    return this.groupPerms(pkg, group).some((p) => this.isGranted(pkg, p));
  }

  /** True when the user has denied this group so that the app may no longer show the dialog. */
  groupFixed(pkg: string, group: GroupInfo): boolean {
    return this.groupPerms(pkg, group).some((p) => this.flags(pkg, p).includes('USER_FIXED'));
  }

  /** True when the user denied this group once before (the next dialog offers "don't ask again"). */
  groupDeniedOnce(pkg: string, group: GroupInfo): boolean {
    return this.groupPerms(pkg, group).some((p) => !this.isGranted(pkg, p) && this.flags(pkg, p).includes('USER_SET'));
  }

  /** Apply a dialog or Settings decision to a whole group. `coarseOnly` is the Approximate location choice. */
  applyGroup(pkg: string, group: GroupInfo, result: SettingsResult, coarseOnly = false): void {
    for (const perm of this.groupPerms(pkg, group)) {
      const st = this.state(pkg, perm);
      const granting = result === 'always' || result === 'foreground' || result === 'one_time' || result === 'selected';
      let granted = granting;
      if (granting && coarseOnly && perm.endsWith('ACCESS_FINE_LOCATION')) granted = false;
      // "Select photos" grants only the user-selected permission, as on Android 14.
      if (result === 'selected') granted = perm.endsWith('READ_MEDIA_VISUAL_USER_SELECTED');
      st.granted = granted;
      st.flags.add('USER_SET');
      st.flags.delete('ONE_TIME');
      st.flags.delete('USER_FIXED');
      if ((result === 'one_time' && granting) || result === 'ask') st.flags.add('ONE_TIME');
      if (result === 'denied_dont_ask') st.flags.add('USER_FIXED');
    }
  }

  /** `pm grant` / `pm revoke` on a single permission: no USER_SET, as adb leaves it. */
  set(pkg: string, perm: string, granted: boolean): void {
    const st = this.state(pkg, perm);
    st.granted = granted;
    st.flags.delete('ONE_TIME');
  }

  /** `pm set-permission-flags` / `pm clear-permission-flags`. */
  changeFlags(pkg: string, perm: string, flags: string[], set: boolean): void {
    const st = this.state(pkg, perm);
    for (const f of flags) {
      if (set) st.flags.add(f);
      else st.flags.delete(f);
    }
  }

  /** `pm reset-permissions`: every runtime permission back to its install-time state. */
  reset(pkg?: string): void {
    for (const [p, m] of this.byPkg) {
      if (pkg && p !== pkg) continue;
      for (const st of m.values()) {
        st.granted = false;
        st.flags = new Set(SENSITIVE);
      }
    }
  }

  /** One-time grants end when the app's process goes away. */
  endOneTime(pkg: string): void {
    for (const st of this.byPkg.get(pkg)?.values() ?? []) {
      if (st.flags.has('ONE_TIME')) {
        st.granted = false;
        st.flags.delete('ONE_TIME');
      }
    }
  }

  private state(pkg: string, perm: string): PermState {
    const m = this.byPkg.get(pkg);
    if (!m) throw new Error(`Unknown package: ${pkg}`);
    const st = m.get(perm);
    if (!st) throw new Error(`Package ${pkg} has not requested permission ${perm}`);
    return st;
  }

  /** The "runtime permissions:" block of `dumpsys package`, in AOSP's format. */
  dumpsysLines(pkg: string, indent: string): string[] {
    const out: string[] = [];
    for (const [perm, st] of this.byPkg.get(pkg) ?? []) {
      const flags = [...st.flags].sort(flagOrder);
      out.push(`${indent}${perm}: granted=${st.granted}, flags=[ ${flags.join('|')}]`);
    }
    return out;
  }
}

// AOSP prints flags in bit order; these are the ones the sim uses, in that order.
const FLAG_BITS = [
  'USER_SET',
  'USER_FIXED',
  'POLICY_FIXED',
  'USER_SENSITIVE_WHEN_GRANTED',
  'USER_SENSITIVE_WHEN_DENIED',
  'ONE_TIME',
];
function flagOrder(a: string, b: string): number {
  return FLAG_BITS.indexOf(a) - FLAG_BITS.indexOf(b);
}
