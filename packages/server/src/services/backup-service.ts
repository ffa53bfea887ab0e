/**
 * Backup and restore of the whole database (`jixiao db backup` / `db restore`), consistent while the server
 * runs. SQLite: SQLite's online backup copies the file page by page into a SQLite file. PostgreSQL: every
 * table read in one REPEATABLE READ, read-only transaction (one snapshot) into JSON lines — a header, one
 * line a row, an end line with the row counts — with no pg_dump to install. A restore goes, in one
 * transaction, into an empty database at the same schema, and refuses anything else; a backup file is
 * written beside its name and renamed when complete, so a crashed backup never looks like a good one.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Problem } from '@jixiao/core';
import type { Kysely } from 'kysely';
import type { DialectName, OpenOptions } from '../db/database.js';
import { isPostgresUrl, openDatabase } from '../db/database.js';
import type { BackupTable, TableRow } from '../db/backup-tables.js';
import {
  attachDatabase,
  attachedMigrationNames,
  BACKUP_TABLES,
  backupTableNamed,
  copyFromAttached,
  copySqliteFile,
  countRows,
  detachDatabase,
  insertRows,
  migrationNames,
  readTablePage,
} from '../db/backup-tables.js';
import { migrateToLatest } from '../db/migrations.js';
import type { Database } from '../db/schema.js';

/** What a backup or restore did: rows per table, or the problem that stopped it (nothing was changed). */
export type BackupOutcome = { ok: true; format: BackupFormat; rows: Record<string, number> } | { ok: false; problem: Problem };

/** A SQLite database file, or JSON lines (PostgreSQL's logical export; restorable into either dialect). */
export type BackupFormat = 'sqlite' | 'json-lines';

/** The first line of a JSON-lines backup. */
interface BackupHeader {
  format: 'jixiao-backup';
  version: 1;
  dialect: DialectName;
  migrations: string[];
}

const FORMAT = 'jixiao-backup';
const PAGE = 500;
const BATCH = 100;
const SQLITE_MAGIC = 'SQLite format 3\u0000';
const ATTACHED = 'jixiao_backup';

function refusal(code: string, params: Record<string, string | number>): BackupOutcome {
  return { ok: false, problem: { code, severity: 'error', path: '', params } };
}

/** A refusal raised inside a restore's transaction, so that the transaction rolls back. */
class RestoreRefused extends Error {
  constructor(readonly outcome: BackupOutcome) {
    super('restore refused');
  }
}

function sqliteFileOf(url: string): string {
  return url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
}

/** Bytes (attachments) as JSON: {"$base64": "…"}; every other column is text, a number or null. */
function encodeValue(value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value;
}

function decodeValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$base64' in value && typeof value.$base64 === 'string') return Buffer.from(value.$base64, 'base64');
  return value;
}

/** Backs the database at `url` up into `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string, options: OpenOptions = {}): Promise<BackupOutcome> {
  if (existsSync(file)) return refusal('backup.fileExists', { file });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    const outcome = isPostgresUrl(url) ? await exportPostgres(url, partial, options) : await copySqlite(url, partial);
    if (outcome.ok) renameSync(partial, file);
    return outcome;
  } finally {
    rmSync(partial, { force: true });
  }
}

async function copySqlite(url: string, partial: string): Promise<BackupOutcome> {
  const source = sqliteFileOf(url);
  if (source === ':memory:') return refusal('backup.memoryDatabase', {});
  if (!existsSync(source)) return refusal('backup.fileMissing', { file: source });
  await copySqliteFile(source, partial);
  const copy = openDatabase(partial);
  try {
    return { ok: true, format: 'sqlite', rows: await countEveryTable(copy.db) };
  } finally {
    await copy.close();
  }
}

async function countEveryTable(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const t of BACKUP_TABLES) rows[t.name] = await countRows(db, t);
  return rows;
}

async function exportPostgres(url: string, partial: string, options: OpenOptions): Promise<BackupOutcome> {
  const database = openDatabase(url, { ...options, poolSize: 1 });
  const out = createWriteStream(partial, { flags: 'wx' });
  const write = async (value: unknown): Promise<void> => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  try {
    const rows: Record<string, number> = {};
    // One snapshot for every table: rows committed while the export runs are in none of them or all.
    await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const header: BackupHeader = { format: FORMAT, version: 1, dialect: 'postgres', migrations: await migrationNames(trx) };
        await write(header);
        for (const t of BACKUP_TABLES) {
          let count = 0;
          for (;;) {
            const page = await readTablePage(trx, t, count, PAGE);
            for (const row of page) await write({ t: t.name, r: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)])) });
            count += page.length;
            if (page.length < PAGE) break;
          }
          rows[t.name] = count;
        }
      });
    await write({ end: true, rows });
    out.end();
    await once(out, 'finish');
    return { ok: true, format: 'json-lines', rows };
  } finally {
    if (!out.closed) out.destroy();
    await database.close();
  }
}

function formatOfFile(file: string): BackupFormat {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    return head.subarray(0, read).toString('latin1') === SQLITE_MAGIC ? 'sqlite' : 'json-lines';
  } finally {
    closeSync(fd);
  }
}

/**
 * Restores `file` into the database at `url`: migrated first, then filled in one transaction. Refused
 * (with nothing changed) when the database already holds any row, when the backup's schema differs, or
 * when the file is not a complete backup.
 */
export async function restoreDatabase(url: string, file: string, options: OpenOptions = {}): Promise<BackupOutcome> {
  if (!existsSync(file)) return refusal('backup.fileMissing', { file });
  const dialect: DialectName = isPostgresUrl(url) ? 'postgres' : 'sqlite';
  if (dialect === 'sqlite' && sqliteFileOf(url) === ':memory:') return refusal('backup.memoryDatabase', {});
  const format = formatOfFile(file);
  if (format === 'sqlite' && dialect === 'postgres') return refusal('backup.wrongDialect', { backupDialect: 'SQLite', targetDialect: 'PostgreSQL' });
  const database = openDatabase(url, options);
  try {
    await migrateToLatest(database.db, database.dialect, database.schema);
    const target = await migrationNames(database.db);
    return format === 'sqlite' ? await restoreSqliteFile(database.db, file, target) : await restoreJsonLines(database.db, file, target);
  } catch (error) {
    if (error instanceof RestoreRefused) return error.outcome;
    throw error;
  } finally {
    await database.close();
  }
}

/** Throws a refusal when any table of the target holds a row (checked inside the restore's transaction). */
async function requireEmpty(db: Kysely<Database>): Promise<void> {
  for (const t of BACKUP_TABLES) {
    const rows = await countRows(db, t);
    if (rows > 0) throw new RestoreRefused(refusal('backup.targetNotEmpty', { table: t.name, rows }));
  }
}

function requireSameSchema(backup: readonly string[], target: readonly string[]): void {
  if (backup.join(',') !== target.join(',')) throw new RestoreRefused(refusal('backup.schemaMismatch', { backup: backup.join(', ') || '—', target: target.join(', ') }));
}

async function restoreSqliteFile(db: Kysely<Database>, file: string, target: readonly string[]): Promise<BackupOutcome> {
  try {
    await attachDatabase(db, file, ATTACHED);
  } catch (error) {
    return refusal('backup.notABackup', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  try {
    const backup = await attachedMigrationNames(db, ATTACHED);
    if (backup === null) return refusal('backup.notABackup', { file, detail: 'no migration table' });
    requireSameSchema(backup, target);
    const rows: Record<string, number> = {};
    await db.transaction().execute(async (trx) => {
      await requireEmpty(trx);
      for (const t of BACKUP_TABLES) rows[t.name] = await copyFromAttached(trx, t, ATTACHED);
    });
    return { ok: true, format: 'sqlite', rows };
  } finally {
    await detachDatabase(db, ATTACHED);
  }
}

function damaged(file: string, detail: string): RestoreRefused {
  return new RestoreRefused(refusal('backup.truncated', { file, detail }));
}

function isHeader(value: unknown): value is BackupHeader {
  return typeof value === 'object' && value !== null && 'format' in value && value.format === FORMAT && 'migrations' in value && Array.isArray(value.migrations);
}

async function restoreJsonLines(db: Kysely<Database>, file: string, target: readonly string[]): Promise<BackupOutcome> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  let header: unknown = null;
  try {
    header = first.done === true ? null : JSON.parse(first.value);
  } catch {
    header = null;
  }
  if (!isHeader(header)) return refusal('backup.notABackup', { file, detail: 'no jixiao-backup header' });
  requireSameSchema(header.migrations.map(String), target);
  const rows: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    await requireEmpty(trx);
    let batch: { table: BackupTable; columns: string[]; rows: TableRow[] } | null = null;
    let lineNumber = 1;
    const flush = async (): Promise<void> => {
      if (batch === null) return;
      try {
        await insertRows(trx, batch.table, batch.columns, batch.rows);
      } catch (error) {
        throw damaged(file, `line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`);
      }
      batch = null;
    };
    let end: Record<string, unknown> | null = null;
    for (let next = await lines.next(); next.done !== true; next = await lines.next()) {
      lineNumber++;
      if (next.value.trim() === '') continue;
      if (end !== null) throw damaged(file, `line ${lineNumber}: data after the end line`);
      let line: unknown;
      try {
        line = JSON.parse(next.value);
      } catch {
        throw damaged(file, `line ${lineNumber} is not JSON`);
      }
      if (typeof line !== 'object' || line === null) throw damaged(file, `line ${lineNumber} is not a row`);
      if ('end' in line && 'rows' in line && typeof line.rows === 'object' && line.rows !== null) {
        await flush();
        end = { ...line.rows };
        continue;
      }
      const table = 't' in line && typeof line.t === 'string' ? backupTableNamed(line.t) : null;
      if (table === null || !('r' in line) || typeof line.r !== 'object' || line.r === null) throw damaged(file, `line ${lineNumber} is not a row of a known table`);
      const row = Object.fromEntries(Object.entries(line.r).map(([k, v]) => [k, decodeValue(v)]));
      const columns = Object.keys(row);
      if (batch !== null && (batch.table !== table || batch.rows.length >= BATCH || batch.columns.join() !== columns.join())) await flush();
      batch ??= { table, columns, rows: [] };
      batch.rows.push(row);
      rows[table.name] = (rows[table.name] ?? 0) + 1;
    }
    await flush();
    if (end === null) throw damaged(file, 'no end line: the backup was cut short');
    for (const t of BACKUP_TABLES) {
      if (Number(end[t.name] ?? 0) !== (rows[t.name] ?? 0)) throw damaged(file, `${t.name}: ${rows[t.name] ?? 0} rows, the end line says ${String(end[t.name])}`);
    }
  });
  for (const t of BACKUP_TABLES) rows[t.name] ??= 0;
  return { ok: true, format: 'json-lines', rows };
}
