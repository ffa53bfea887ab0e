/**
 * Starting jixiao: open the configured database, migrate it, load the demo if asked, build the app and
 * listen. Used by `jixiao serve` and `npm start`.
 */
import type { ServerConfig } from './config.js';
import { randomIds, systemClock } from './clock.js';
import type { OpenDatabase } from './db/database.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import type { App } from './http/app.js';
import { buildApp } from './http/app.js';
import type { ServiceContext } from './services/context.js';
import type { DemoResult } from './services/demo-data.js';
import { formatLimits } from './services/format-workers/format-limits.js';
import { loadDemoData } from './services/demo-data.js';
import { argon2Hasher } from './services/passwords.js';

/** A running server. */
export interface RunningServer {
  url: string;
  app: App;
  demo: DemoResult | null;
  close: () => Promise<void>;
}

/** Starts the server the configuration describes; `demoText` is the seed form's text when `config.demo`. */
export async function startServer(config: ServerConfig, demoText: string | null, logger = false): Promise<RunningServer> {
  const production = config.nodeEnv === 'production';
  // The format workers start on first use; a wrong bound in the environment should stop the start instead.
  formatLimits();
  if (config.demo && production) throw new Error('Demo data is refused in production (NODE_ENV=production).');
  const database = openDatabase(config.databaseUrl, { poolSize: config.poolSize });
  await migrateToLatest(database.db, database.dialect, database.schema);
  const ctx = serviceContext(database, config);
  let demo: DemoResult | null = null;
  if (config.demo) {
    if (demoText === null) throw new Error('--demo needs the demo form (demo/panyu-kgxj-2021.txt)');
    demo = await loadDemoData(ctx, demoText, production);
  }
  const app = await buildApp({ ctx, production, trustProxy: config.trustProxy, loginRateLimit: config.loginRateLimit, logger });
  const address = await app.listen({ port: config.port, host: config.host });
  return {
    url: address.replace('://127.0.0.1', '://localhost'),
    app,
    demo,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The production service context over an open database: system clock, random ids, argon2id. */
export function serviceContext(database: OpenDatabase, config: ServerConfig): ServiceContext {
  return { db: database.db, clock: systemClock, newId: randomIds, passwords: argon2Hasher(), sessionTtlMs: config.sessionTtlHours * 3_600_000 };
}

/** Runs `work` with services over the configured, migrated database, then closes it (`jixiao user add`). */
export async function withServices<T>(config: ServerConfig, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db, database.dialect, database.schema);
    return await work(serviceContext(database, config));
  } finally {
    await database.close();
  }
}

/** Opens the configured database and brings it to the latest schema (`jixiao db migrate`). */
export async function migrateDatabase(config: ServerConfig): Promise<string[]> {
  const database = openDatabase(config.databaseUrl);
  try {
    return await migrateToLatest(database.db, database.dialect, database.schema);
  } finally {
    await database.close();
  }
}
