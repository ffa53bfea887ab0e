/**
 * The real app on a real, freshly migrated database for one test suite: SQLite in memory, or a schema of
 * its own in PostgreSQL (dropped afterwards), with a fast argon2 cost, a stepping clock and counting ids.
 */
import pg from 'pg';
import type { App, AppOptions, ServiceContext } from '@jixiao/server';
import { argon2Hasher, buildApp, migrateToLatest, openDatabase } from '@jixiao/server';
import type { TestDialect } from './dialects.js';

/** A running test app with its services' context. */
export interface TestApp {
  app: App;
  ctx: ServiceContext;
  close: () => Promise<void>;
}

let suite = 0;

/** Builds the app on a fresh database of the dialect. */
export async function createTestApp(dialect: TestDialect, options: { loginRateLimit?: number; production?: boolean; onRoute?: AppOptions['onRoute'] } = {}): Promise<TestApp> {
  let schema: string | undefined;
  if (dialect.name === 'postgres') {
    schema = `test_${process.pid}_${Date.now().toString(36)}_${suite++}`;
    const admin = new pg.Client({ connectionString: dialect.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
  }
  const database = openDatabase(dialect.url, schema ? { schema } : {});
  await migrateToLatest(database.db, database.dialect, database.schema);
  let tick = Date.parse('2024-01-15T08:00:00Z');
  let id = 0;
  const ctx: ServiceContext = {
    db: database.db,
    clock: () => new Date((tick += 1000)),
    newId: () => `id-${String(++id).padStart(5, '0')}`,
    passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    sessionTtlMs: 3_600_000,
  };
  const app = await buildApp({ ctx, production: options.production ?? false, trustProxy: false, loginRateLimit: options.loginRateLimit ?? 10_000, ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await database.close();
      if (schema) {
        const admin = new pg.Client({ connectionString: dialect.url });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    },
  };
}
