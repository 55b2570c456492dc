// Lint with the project's boundaries (STYLE.md): shared/ imports neither side; client/ and
// server/ never import each other; inside the server, the store and services never reach up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The service worker is plain JavaScript served as it is.
    files: ['client/public/sw.js'],
    languageOptions: { globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/server/**', '**/client/**'], message: 'shared/ imports neither server/ nor client/.' },
        { group: ['node:*', 'ws', 'express', 'better-sqlite3', 'pino', 'lit', 'lit/*'], message: 'shared/ is isomorphic: no Node or DOM libraries.' },
      ]),
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/server/**'], message: 'client/ never imports server/; share through shared/.' },
        { group: ['node:*'], message: 'client/ runs in the browser.' },
      ]),
    },
  },
  {
    // Tests beside client code run in Node (vitest) and may read files.
    files: ['client/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/server/**'], message: 'client/ never imports server/; share through shared/.' }]),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': restrict([{ group: ['**/client/**'], message: 'server/ never imports client/; share through shared/.' }]),
    },
  },
  {
    files: ['server/store/**/*.ts', 'server/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/client/**'], message: 'server/ never imports client/.' },
        // shared/realtime is the wire contract (isomorphic), not the server's socket.io transport.
        { group: ['**/http/**', '**/sync/**', '**/realtime/**', '!**/shared/realtime/**', '!**/shared/sync/**'], message: 'store and services never import transports.' },
      ]),
    },
  },
  {
    files: ['server/store/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/client/**'], message: 'server/ never imports client/.' },
        { group: ['**/http/**', '**/sync/**', '**/realtime/**', '!**/shared/realtime/**', '!**/shared/sync/**', '**/services/**'], message: 'the store is the bottom layer.' },
      ]),
    },
  },
);
