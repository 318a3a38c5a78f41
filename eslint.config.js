import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', 'runs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
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
