/** Unit tests beside the pure code, integration tests under test/integration. E2E (test/e2e) and the platform suites (test/weapp, test/cloudbase) run separately. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/cloudfunctions', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/weapp/', '/test/cloudbase/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] },
  // The app imports one zod locale by file (to keep the others out of the mini-program); jest needs its CJS twin.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
}
