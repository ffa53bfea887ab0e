/**
 * The databases the server tests run on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set. On CI
 * (CI=true) a missing PostgreSQL fails the run instead of skipping it.
 */
export interface TestDialect {
  name: 'sqlite' | 'postgres';
  url: string;
  /** Why the suites of this dialect are skipped; null when they run. */
  skip: string | null;
}

const pgUrl = process.env['TEST_DATABASE_URL'] ?? '';
const onCi = process.env['CI'] === 'true';

if (pgUrl === '' && onCi) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites are required on CI (start one with scripts/postgres.sh start).');
}

/** Every dialect, each with its skip reason. */
export const DIALECTS: readonly TestDialect[] = [
  { name: 'sqlite', url: ':memory:', skip: null },
  {
    name: 'postgres',
    url: pgUrl,
    skip: pgUrl === '' ? 'PostgreSQL suites skipped: TEST_DATABASE_URL is not set (export TEST_DATABASE_URL=$(scripts/postgres.sh start))' : null,
  },
];

/** Says once, from the one suite that calls it, why the PostgreSQL suites are skipped (if they are). */
export function announceSkippedDialects(): void {
  for (const d of DIALECTS) if (d.skip !== null) console.log(d.skip);
}
