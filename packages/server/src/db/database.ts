/**
 * Opening the database the configuration names: a SQLite file (the default, nothing to install) or
 * PostgreSQL (`postgres://…`), behind the same Kysely interface.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** Which SQL dialect a database speaks (the migrations need it for the few types that differ). */
export type DialectName = 'sqlite' | 'postgres';

/** An open database. */
export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL schema in use, when not the default one. */
  schema?: string;
  close: () => Promise<void>;
}

/** Whether a URL names PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//u.test(url);
}

/** Options beyond the URL. */
export interface OpenOptions {
  /** PostgreSQL schema to use (tests isolate each suite in its own). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * better-sqlite3 with its prepared statements reused: Kysely prepares every query afresh, which costs more
 * than running it. Kysely only runs statements to completion (never iterates two at once), so one
 * statement per SQL text is safe; the cache forgets the oldest beyond a few hundred texts.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Opens `url`: `postgres://…`, `:memory:`, or a SQLite file path (its directory is created). */
export function openDatabase(url: string, options: OpenOptions = {}): OpenDatabase {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', ...(options.schema ? { schema: options.schema } : {}), close: () => db.destroy() };
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit returns only once the write-ahead log is on disk, so a save the client was told about
  // survives a power cut too (NORMAL would survive a killed process but may lose the last commits).
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
