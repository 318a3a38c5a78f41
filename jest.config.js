// ESM throughout: webdriverio is ESM-only, so jest runs with --experimental-vm-modules and ts-jest's ESM mode.
// Type checking is done once by `tsc` (npm run typecheck), so ts-jest only transpiles (isolatedModules).
import process from 'node:process';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test', '<rootDir>/emulator/test'],
  testMatch: ['**/*.test.ts'],
  // The whole-suite evaluation takes minutes on its own: `npm run test:suite` runs it (and .ci/run does), npm test not.
  // So does the adversarial suite: left out unless the command line names it (`npm run test:adversarial`, or
  // `jest test/adversarial/…`), so that naming it never silently finds nothing.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/eval/whole-suite\\.test\\.ts$',
    ...(process.argv.some((a) => a.includes('adversarial')) ? [] : ['/test/adversarial/']),
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
