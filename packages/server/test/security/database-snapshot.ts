/**
 * Every row of every table the database holds, found from its own catalogue (so tables added by any
 * migration are included): what "nothing changed" is compared against.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** Table name → its rows as sorted JSON lines. */
export type Snapshot = Record<string, string[]>;

/** The tables of the current database or schema (not the migrator's bookkeeping). */
export async function tableNames(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const result =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return result.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_')).sort();
}

/** Every row of every table. */
export async function snapshot(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const name of await tableNames(db, dialect)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    out[name] = rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  }
  return out;
}
