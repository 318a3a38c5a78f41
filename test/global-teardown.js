export default async function globalTeardown() {
  await globalThis.__HEED_APPIUM__?.close();
}
