import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

// A cloud function's folder holds its entry and actions; what two functions share lives in
// cloudfunctions/lib/<domain>/, so no function reaches into another's folder, and lib into none.
const FUNCTIONS = ['account', 'bills', 'notices', 'payCallback', 'scheduler', 'supervisor', 'surveys', 'tickets']
const intoFunctions = (names, depth) => ({
  regex: `^(\\.\\./){${depth}}(${names.join('|')})(/|$)`,
  message: 'Shared server code belongs in cloudfunctions/lib/<domain>/, not in another function.',
})
const functionBoundaries = FUNCTIONS.map((fn) => ({
  files: [`cloudfunctions/${fn}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [1, 2, 3].map((d) =>
          intoFunctions(
            FUNCTIONS.filter((f) => f !== fn),
            d,
          ),
        ),
      },
    ],
  },
}))
// lib/<domain>/ may import lib/tickets/…, so the rule counts how deep each file sits.
const libBoundaries = ['*.ts', '*/*.ts', '*/*/*.ts'].map((glob, i) => ({
  files: [`cloudfunctions/lib/${glob}`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ ...intoFunctions(FUNCTIONS, i + 1), message: 'cloudfunctions/lib is shared by every function: it imports none of them.' }] },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'test-output/**', '.data/**', 'coverage/**', '*.config.js', 'babel.config.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // src/core stays pure: no platform, no I/O.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'wx-server-sdk', 'better-sqlite3', 'node:*', 'fs'] }],
    },
  },
  {
    // Collections are read typed, through the registry (lib/collections.ts).
    files: ['cloudfunctions/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    // The store contract test exercises the port itself on a scratch collection.
    ignores: ['cloudfunctions/lib/ports/**', 'cloudfunctions/lib/adapters/**', 'test/cloudbase/store.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='collection'][arguments.0.type='Literal']",
          message: "Use the typed registry: store.c.<name> (or tx.c.<name>), not collection('<name>').",
        },
      ],
    },
  },
  ...functionBoundaries,
  ...libBoundaries,
)
