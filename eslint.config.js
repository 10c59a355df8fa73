import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
]

const MOCHA_FUNCTIONS = [
  'describe',
  'context',
  'it',
  'specify',
  'suite',
  'test',
]

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', '.data/', '.tmp/', 'coverage/']),

  js.configs.recommended,

  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // Matches tsc's noUnusedParameters, which lets `_name` stay unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
    },
  },

  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  // Plain scripts that run in the page: the demo's assets, vendor stand-ins.
  {
    files: ['examples/public/**/*.js', 'test/fixtures/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
    // A `/* global document */` comment in such a file is not an error.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },

  // The SDK stays silent unless debug mode is on: logging goes through
  // src/debug.ts. Tooling, examples and tests may print.
  { rules: { 'no-console': 'error' } },
  {
    files: ['src/debug.ts', 'scripts/**', 'bench/**', 'examples/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },

  {
    files: ['src/**/*.ts'],
    ignores: ['src/global-scope.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message:
            'Use the accessors in src/global-scope.ts, so the module ' +
            'imports and runs in Node and under SSR.',
        })),
      ],
    },
  },

  // Type-aware rules only where tsconfig.json covers the files, so the
  // TypeScript program is built once.
  {
    files: ['src/**/*.ts', 'integrations/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },

  {
    files: ['test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...MOCHA_FUNCTIONS.map((object) => ({
          object,
          property: 'only',
          message: 'Focused tests skip the rest of the suite; remove .only.',
        })),
      ],
    },
  },

  prettier,
])
