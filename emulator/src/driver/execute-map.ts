// `mobile:` methods of the simulated phone. Names and parameters are UiAutomator2's (a contract test checks them
// against appium-uiautomator2-driver), so heed's device code runs unchanged on a real emulator.
export const executeMethodMap = {
  'mobile: clickGesture': { command: 'mobileClickGesture', params: { optional: ['elementId', 'x', 'y'] } },
  'mobile: doubleClickGesture': { command: 'mobileDoubleClickGesture', params: { optional: ['elementId', 'x', 'y'] } },
  'mobile: longClickGesture': {
    command: 'mobileLongClickGesture',
    params: { optional: ['elementId', 'x', 'y', 'duration'] },
  },
  'mobile: swipeGesture': {
    command: 'mobileSwipeGesture',
    params: { required: ['direction', 'percent'], optional: ['elementId', 'left', 'top', 'width', 'height', 'speed'] },
  },
  'mobile: scrollGesture': {
    command: 'mobileScrollGesture',
    params: { required: ['direction', 'percent'], optional: ['elementId', 'left', 'top', 'width', 'height', 'speed'] },
  },
  'mobile: type': { command: 'mobileType', params: { required: ['text'] } },
  'mobile: replaceElementValue': { command: 'mobileReplaceElementValue', params: { required: ['elementId', 'text'] } },
  'mobile: pressKey': {
    command: 'mobilePressKey',
    params: { required: ['keycode'], optional: ['metastate', 'flags', 'isLongPress', 'source'] },
  },
  'mobile: hideKeyboard': { command: 'hideKeyboard', params: {} },
  'mobile: isKeyboardShown': { command: 'isKeyboardShown', params: {} },
  'mobile: shell': {
    command: 'mobileShell',
    params: { required: ['command'], optional: ['args', 'timeout', 'includeStderr'] },
  },
  'mobile: getPermissions': { command: 'mobileGetPermissions', params: { optional: ['type', 'appPackage'] } },
  'mobile: changePermissions': {
    command: 'mobileChangePermissions',
    params: { required: ['permissions'], optional: ['appPackage', 'action', 'target'] },
  },
  'mobile: activateApp': { command: 'activateApp', params: { required: ['appId'] } },
  'mobile: terminateApp': { command: 'mobileTerminateApp', params: { required: ['appId'], optional: ['timeout'] } },
  'mobile: queryAppState': { command: 'queryAppState', params: { required: ['appId'] } },
  'mobile: isAppInstalled': { command: 'isAppInstalled', params: { required: ['appId'], optional: ['user'] } },
  'mobile: clearApp': { command: 'mobileClearApp', params: { required: ['appId'] } },
  'mobile: startActivity': {
    command: 'mobileStartActivity',
    params: {
      optional: [
        'wait',
        'stop',
        'windowingMode',
        'activityType',
        'display',
        'user',
        'intent',
        'action',
        'package',
        'uri',
        'mimeType',
        'identifier',
        'component',
        'categories',
        'extras',
        'flags',
      ],
    },
  },
  'mobile: deepLink': {
    command: 'mobileDeepLink',
    params: { required: ['url'], optional: ['package', 'waitForLaunch'] },
  },
  'mobile: getCurrentPackage': { command: 'getCurrentPackage', params: {} },
  'mobile: getCurrentActivity': { command: 'getCurrentActivity', params: {} },
  'mobile: listApps': { command: 'mobileListApps', params: { optional: ['user'] } },
  'mobile: backgroundApp': { command: 'mobileBackgroundApp', params: { optional: ['seconds'] } },
  'mobile: getDeviceTime': { command: 'getDeviceTime', params: { optional: ['format'] } },
  'mobile: deviceInfo': { command: 'mobileDeviceInfo', params: {} },
  'mobile: getDisplayDensity': { command: 'mobileGetDisplayDensity', params: {} },
  'mobile: setClipboard': {
    command: 'mobileSetClipboard',
    params: { required: ['content'], optional: ['contentType', 'label'] },
  },
  'mobile: getClipboard': { command: 'mobileGetClipboard', params: {} },
} as const;
