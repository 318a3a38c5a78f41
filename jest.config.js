// ESM throughout: webdriverio is ESM-only, so jest runs with --experimental-vm-modules and ts-jest's ESM mode.
// Type checking is done once by `tsc` (npm run typecheck), so ts-jest only transpiles (isolatedModules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test', '<rootDir>/emulator/test'],
  testMatch: ['**/*.test.ts'],
  // The whole-suite evaluation and the adversarial suite take minutes on their own: `npm run test:suite` and
  // `npm run test:adversarial` run them (and .ci/run does), npm test not.
  testPathIgnorePatterns: ['/node_modules/', '/test/eval/whole-suite\\.test\\.ts$', '/test/adversarial/'],
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
