/**
 * The platform suites, run after `build:weapp`: the weapp build in WeChat's own view engine
 * (test/weapp) and the deployed function bundles under the real wx-server-sdk (test/cloudbase).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts', '<rootDir>/test/cloudbase/**/*.test.ts'],
  // The function bundles are required as uploaded: minified CommonJS, not ours to transform.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
  testTimeout: 120_000,
}
