/** `jixiao db migrate`: bring the configured database to the latest schema. */
import { loadConfig, migrateDatabase } from '@jixiao/server';
import type { CliIo } from '../cli-io.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT } from '../exit-codes.js';

/** Runs the migrations and says which ran. */
export async function runDbMigrate(options: { databaseUrl?: string | undefined }, io: CliIo): Promise<ExitCode> {
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  const ran = await migrateDatabase(config);
  io.out(ran.length === 0 ? '数据库已是最新 / database is up to date\n' : `已执行迁移 / migrated: ${ran.join(', ')}\n`);
  return EXIT.ok;
}
