import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources of every package, not their built output, so a test never
// passes on a stale build.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@jixiao\/core$/, replacement: src('core') },
      { find: /^@jixiao\/core\/schema$/, replacement: fileURLToPath(new URL('./packages/core/src/form/form-schema.ts', import.meta.url)) },
      { find: /^@jixiao\/io$/, replacement: src('io') },
      { find: /^@jixiao\/server$/, replacement: src('server') },
      { find: /^@jixiao\/core\/schema$/, replacement: fileURLToPath(new URL('./packages/core/src/form/form-schema.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
