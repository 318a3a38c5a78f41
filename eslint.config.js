import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { allowed, APPIUM_MODULES, KNOW_NOTHING_OF_APPIUM, LAYERS } from './eslint.layers.js';

// One rule per folder of src/: it may import only folders of a lower rank (eslint.layers.js). The glob starts with
// **/ so that the fixtures under fixtures/layers/ (linted by test/layers.test.ts, ignored otherwise) get the same rules.
const layerRules = Object.keys(LAYERS).map((layer) => {
  const forbidden = Object.keys(LAYERS).filter((l) => l !== layer && !allowed(layer).includes(l));
  const patterns = forbidden.length
    ? [
        {
          regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
          message: `src/${layer} may import only ${allowed(layer).join(', ') || 'nothing of src/'} (the layer order of ARCHITECTURE.md, eslint.layers.js)`,
        },
      ]
    : [];
  if (KNOW_NOTHING_OF_APPIUM.includes(layer))
    patterns.push({
      regex: `^(\\.\\./)+device/(${APPIUM_MODULES.join('|')})(\\.js)?$`,
      message: `src/${layer} knows nothing of Appium or adb: use the Device port and device types`,
    });
  return { files: [`**/src/${layer}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', 'runs/**', 'fixtures/layers/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...layerRules,
  {
    // The simulated phone is a separate Appium driver: it must never reach into heed's src/.
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../src/**', '../../../src/**', '../../../../src/**', 'heed', 'heed/**'], message: 'emulator/ must not import heed (src/)' }] },
      ],
    },
  },
  { files: ['test/*.js'], languageOptions: { globals: { process: 'readonly', globalThis: 'readonly', console: 'readonly' } } },
);
