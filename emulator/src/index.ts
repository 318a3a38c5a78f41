export { SimAndroidDriver } from './driver/driver.js';
export { Phone, LAUNCHER_PKG } from './phone/phone.js';
export { loadApps, parseApp, BUILTIN_APPS_DIR } from './model/world.js';
export { pageSource } from './render/source.js';
export { screenshot, toSvg } from './render/screenshot.js';
export { runShell } from './shell/shell.js';
export { executeMethodMap } from './driver/execute-map.js';
export { PERMISSION_PKG, PERMISSION_ACTIVITY } from './phone/permission-dialog.js';
export { GROUPS } from './model/permissions.js';
