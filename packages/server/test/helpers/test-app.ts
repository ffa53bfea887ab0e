/**
 * The real app on a real, freshly migrated database for one test suite: SQLite in memory, or a schema of
 * its own in PostgreSQL (dropped afterwards), with a fast argon2 cost, a stepping clock and counting ids;
 * `worldSuite` sets it up with the factories' world for the tests of a `describe`.
 */
import { afterAll, beforeAll } from 'vitest';
import type { App, AppOptions, ServiceContext } from '@jixiao/server';
import { argon2Hasher, buildApp, migrateToLatest, openDatabase } from '@jixiao/server';
import type { TestDialect } from './dialects.js';
import type { World } from './factories.js';
import { buildWorld } from './factories.js';
import { freshSchema } from './postgres-admin.js';

/** A running test app with its services' context. */
export interface TestApp {
  app: App;
  ctx: ServiceContext;
  close: () => Promise<void>;
}

/** How the test app differs from the default one. */
export interface TestAppOptions {
  loginRateLimit?: number;
  production?: boolean;
  onRoute?: AppOptions['onRoute'];
}

/** Builds the app on a fresh database of the dialect. */
export async function createTestApp(dialect: TestDialect, options: TestAppOptions = {}): Promise<TestApp> {
  const place = dialect.name === 'postgres' ? await freshSchema(dialect.url, 'test') : null;
  const database = openDatabase(dialect.url, place ? { schema: place.schema } : {});
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
      await place?.drop();
    },
  };
}

/** What the tests of a suite use: the app and the factories' world, ready once the suite has started. */
export interface WorldSuite {
  readonly t: TestApp;
  readonly world: World;
}

/**
 * Registers in the calling `describe` the app on a fresh database of the dialect with the world built in it
 * (before the suite's tests) and its closing (after them). Hooks the caller registers afterwards run after
 * these, so they may use the app and the world.
 */
export function worldSuite(dialect: TestDialect, options: TestAppOptions = {}): WorldSuite {
  let t: TestApp | null = null;
  let world: World | null = null;
  beforeAll(async () => {
    t = await createTestApp(dialect, options);
    world = await buildWorld(t.ctx);
  });
  afterAll(async () => t?.close());
  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error('the suite has not started: its app and world are made in beforeAll');
    return value;
  };
  return {
    get t() {
      return ready(t);
    },
    get world() {
      return ready(world);
    },
  };
}
