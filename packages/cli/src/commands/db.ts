/** `jixiao db migrate | backup | restore`: the configured database's schema, backups and restores. */
import { resolve } from 'node:path';
import { problemMessage } from '@jixiao/core';
import type { BackupOutcome } from '@jixiao/server';
import { backupDatabase, loadConfig, migrateDatabase, restoreDatabase } from '@jixiao/server';
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

function say(outcome: Exclude<BackupOutcome, { ok: true }>, io: CliIo): ExitCode {
  io.err(`${problemMessage(outcome.problem, 'zh')}\n${problemMessage(outcome.problem, 'en')}\n`);
  return EXIT.unreadable;
}

function rowSummary(rows: Record<string, number>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

/** `jixiao db backup <file>`: a consistent copy of the configured database, safe while the server runs. */
export async function runDbBackup(file: string, options: { databaseUrl?: string | undefined }, io: CliIo): Promise<ExitCode> {
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  const outcome = await backupDatabase(config.databaseUrl, resolve(file));
  if (!outcome.ok) return say(outcome, io);
  io.out(`已备份 / backed up to ${file} (${outcome.format}): ${rowSummary(outcome.rows) || 'no rows'}\n`);
  return EXIT.ok;
}

/** `jixiao db restore <file>`: fills an empty database from a backup, in one transaction. */
export async function runDbRestore(file: string, options: { databaseUrl?: string | undefined }, io: CliIo): Promise<ExitCode> {
  const config = loadConfig(process.env, { databaseUrl: options.databaseUrl });
  const outcome = await restoreDatabase(config.databaseUrl, resolve(file));
  if (!outcome.ok) return say(outcome, io);
  io.out(`已恢复 / restored from ${file}: ${rowSummary(outcome.rows) || 'no rows'}\n`);
  return EXIT.ok;
}
