/**
 * The SQL of backup and restore: every table in the order its foreign keys allow, read a page at a time in
 * primary-key order, written back in batches, counted and checked for emptiness. Table and column names
 * come only from the fixed list below, never from a backup file.
 */
import SqliteDatabase from 'better-sqlite3';
import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema.js';

/** Every table with its primary key, parents before children (the order rows are restored in). */
export const BACKUP_TABLES = [
  { name: 'regions', key: ['id'] },
  { name: 'departments', key: ['id'] },
  { name: 'units', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'sessions', key: ['id'] },
  { name: 'templates', key: ['id'] },
  { name: 'tasks', key: ['id'] },
  { name: 'forms', key: ['id'] },
  { name: 'form_versions', key: ['form_id', 'version'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'reviews', key: ['form_id', 'indicator_id'] },
  { name: 'attachments', key: ['id'] },
  { name: 'pending_uploads', key: ['id'] },
  { name: 'analysis_forms', key: ['form_id'] },
  { name: 'analysis_leaves', key: ['form_id', 'position'] },
  { name: 'follow_ups', key: ['id'] },
  { name: 'follow_up_history', key: ['follow_up_id', 'version'] },
  { name: 'login_failures', key: ['account'] },
] as const satisfies readonly { name: keyof Database; key: readonly string[] }[];

/** A table that is backed up. */
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A row as the driver returns it. */
export type TableRow = Record<string, unknown>;

const BACKUP_TABLE_NAMES: ReadonlySet<string> = new Set(BACKUP_TABLES.map((t) => t.name));

/** The table of that name, or null for a name that is not one of ours (from a damaged backup file). */
export function backupTableNamed(name: string): BackupTable | null {
  return BACKUP_TABLE_NAMES.has(name) ? (BACKUP_TABLES.find((t) => t.name === name) ?? null) : null;
}

function table(t: BackupTable): RawBuilder<unknown> {
  return sql.table(t.name);
}

/** The names of the migrations the database has run, in order (a restore needs the same schema). */
export async function migrationNames(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((r) => r.name);
}

/** One page of a table's rows in primary-key order (inside a snapshot transaction, pages never shift). */
export async function readTablePage(db: Kysely<Database>, t: BackupTable, offset: number, limit: number): Promise<TableRow[]> {
  const order = sql.join(t.key.map((c) => sql.ref(c)));
  const result = await sql<TableRow>`select * from ${table(t)} order by ${order} limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

/** Every row of a table in primary-key order (for comparing databases). */
export async function readTable(db: Kysely<Database>, t: BackupTable): Promise<TableRow[]> {
  const order = sql.join(t.key.map((c) => sql.ref(c)));
  return (await sql<TableRow>`select * from ${table(t)} order by ${order}`.execute(db)).rows;
}

/** How many rows a table holds. */
export async function countRows(db: Kysely<Database>, t: BackupTable): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${table(t)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Inserts rows into a table (a column the table lacks makes the database refuse the batch). */
export async function insertRows(db: Kysely<Database>, t: BackupTable, columns: readonly string[], rows: readonly TableRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`));
  await sql`insert into ${table(t)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.execute(db);
}

/** SQLite: copies every table of an attached backup database into the main one, in one statement each. */
export async function copyFromAttached(db: Kysely<Database>, t: BackupTable, attached: string): Promise<number> {
  const result = await sql`insert into main.${sql.ref(t.name)} select * from ${sql.table(`${attached}.${t.name}`)}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** SQLite: the migration names of an attached database, or null when it has no migration table (not ours). */
export async function attachedMigrationNames(db: Kysely<Database>, attached: string): Promise<string[] | null> {
  const found = await sql<{ n: number }>`select count(*) as n from ${sql.table(`${attached}.sqlite_master`)} where type = 'table' and name = 'kysely_migration'`.execute(db);
  if (Number(found.rows[0]?.n ?? 0) === 0) return null;
  return (await sql<{ name: string }>`select name from ${sql.table(`${attached}.kysely_migration`)} order by name`.execute(db)).rows.map((r) => r.name);
}

/** SQLite: attaches a database file under a name (outside any transaction) / detaches it. */
export async function attachDatabase(db: Kysely<Database>, file: string, as: string): Promise<void> {
  await sql`attach database ${file} as ${sql.ref(as)}`.execute(db);
}

export async function detachDatabase(db: Kysely<Database>, as: string): Promise<void> {
  await sql`detach database ${sql.ref(as)}`.execute(db);
}

/** SQLite: copies a live database file page by page with SQLite's online backup (consistent while others write). */
export async function copySqliteFile(source: string, destination: string): Promise<void> {
  const database = new SqliteDatabase(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(destination);
  } finally {
    database.close();
  }
}
