// Lint: strict TypeScript habits, and the package boundaries of docs/ARCHITECTURE.md enforced
// (core ← io ← server ← cli, core ← web): core imports no node:* module, framework or format library.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` union instead of an enum.' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'core is pure: no Node modules (it runs in the browser too).' },
          { group: ['@jixiao/io', '@jixiao/server', '@jixiao/cli', '@jixiao/web', 'exceljs', 'pdfkit', 'pdfjs-dist', 'fastify', 'kysely', 'react', 'antd'], message: 'core depends on nothing but itself.' },
        ],
      }],
    },
  },
  {
    files: ['packages/io/src/**/*.ts'],
    // The bundled PDF font is part of the program, not input: its one loader may read it (docs/decisions.md).
    ignores: ['packages/io/src/**/*.test.ts', 'packages/io/src/pdf/bundled-font.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:child_process', 'child_process'], message: 'io takes bytes and strings; the caller touches the file system.' },
          { group: ['@jixiao/server', '@jixiao/cli', '@jixiao/web'], message: 'io depends only on core.' },
        ],
      }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@jixiao/cli', '@jixiao/web'], message: 'server depends on core and io only; the CLI and the web app depend on it.' }],
      }],
    },
  },
  {
    files: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@jixiao/io', '@jixiao/cli', ...nodeBuiltins], message: 'the web app runs in the browser: it uses core and talks to the server over HTTP.' },
          // The server's answer types, with `import type` only: erased from the bundle (docs/decisions.md).
          { group: ['@jixiao/server'], allowTypeImports: true, message: 'the web app takes only the server\'s answer types (`import type`), never its code.' },
        ],
      }],
    },
  },
);
