// `dumpsys` sections in AOSP's layout. Hashes and inodes are derived from the package name so output is stable.
import type { Phone } from '../phone/phone.js';

function hash(s: string, salt = 0): string {
  let h = 2166136261 ^ salt;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 7);
}

export function dumpsysPackage(phone: Phone, pkg: string): string {
  const app = phone.apps.get(pkg);
  if (!app) return '';
  const uid = 10100 + [...phone.apps.keys()].sort().indexOf(pkg);
  const launch = app.screens[app.launch]!.activity;
  const versionCode = app.version.replace(/\D/g, '') || '1';
  const lines = [
    'Activity Resolver Table:',
    '  Non-Data Actions:',
    '      android.intent.action.MAIN:',
    `        ${hash(pkg, 1)} ${pkg}/${launch} filter ${hash(pkg, 2)}`,
    '',
    'Key Set Manager:',
    `  [${pkg}]`,
    '      Signing KeySets: 45',
    '',
    'Packages:',
    `  Package [${pkg}] (${hash(pkg, 3)}):`,
    `    appId=${uid}`,
    `    pkg=Package{${hash(pkg, 4)} ${pkg}}`,
    `    codePath=/data/app/~~${hash(pkg, 5)}==/${pkg}-${hash(pkg, 6)}==`,
    '    resourcePath=/data/app/~~' + hash(pkg, 5) + '==/' + pkg + '-' + hash(pkg, 6) + '==',
    `    versionCode=${versionCode} minSdk=26 targetSdk=34`,
    `    versionName=${app.version}`,
    `    flags=[ ${app.system ? 'SYSTEM ' : ''}HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]`,
    '    timeStamp=2026-03-01 08:00:00',
    '    lastUpdateTime=2026-03-01 08:00:00',
    `    installerPackageName=${app.system ? 'null' : 'com.android.vending'}`,
    '    requested permissions:',
    '      android.permission.INTERNET',
    ...phone.perms.declared(pkg).map((p) => `      ${p}`),
    '    install permissions:',
    '      android.permission.INTERNET: granted=true',
    `    User 0: ceDataInode=${parseInt(hash(pkg, 7), 16)} installed=true hidden=false suspended=false distractionFlags=0 stopped=${!phone.isRunning(pkg)} notLaunched=false enabled=0 instant=false virtual=false`,
    '      gids=[3003]',
    '      runtime permissions:',
    ...phone.perms.dumpsysLines(pkg, '        '),
    '',
  ];
  return lines.join('\n') + '\n';
}

function windowToken(phone: Phone): string {
  const pkg = phone.currentPackage;
  const act = phone.currentActivity;
  const name = act.startsWith('.') ? `${pkg}/${pkg}${act}` : `${pkg}/${act}`;
  return `Window{${hash(name)} u0 ${name}}`;
}

export function dumpsysWindow(phone: Phone): string {
  const pkg = phone.foregroundTask;
  return [
    'WINDOW MANAGER WINDOWS (dumpsys window windows)',
    `  mCurrentFocus=${windowToken(phone)}`,
    `  mFocusedApp=ActivityRecord{${hash(pkg, 9)} u0 ${activityName(phone)} t${12 + pkg.length}}`,
    `  mInputMethodWindow=${phone.keyboardShown ? 'Window{' + hash('ime') + ' u0 InputMethod}' : 'null'}`,
    '',
  ].join('\n');
}

function activityName(phone: Phone): string {
  return `${phone.foregroundTask}/${phone.resumedActivity}`;
}

export function dumpsysActivities(phone: Phone): string {
  return [
    'ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)',
    `  mResumedActivity: ActivityRecord{${hash(phone.foregroundTask, 9)} u0 ${activityName(phone)} t${12 + phone.foregroundTask.length}}`,
    '',
  ].join('\n');
}
