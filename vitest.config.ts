import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Load, crash and live-backup suites: they need the machine to themselves (see docs/RELIABILITY.md). */
const RELIABILITY = 'packages/server/test/reliability/**/*.test.ts';

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
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // What a page or a server shows "soon": the browser suites poll the screen, and on two busy cores a
    // re-render can take longer than the default second without anything being wrong.
    expect: { poll: { timeout: 10_000 } },
    // The reliability suites run after every other suite, one file at a time: 200 connections or a server
    // killed again and again must neither starve the others nor be starved by them.
    projects: [
      { extends: true, test: { name: 'suites', include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'], exclude: [...configDefaults.exclude, RELIABILITY] } },
      { extends: true, test: { name: 'reliability', include: [RELIABILITY], sequence: { groupOrder: 1 }, fileParallelism: false } },
    ],
  },
});
