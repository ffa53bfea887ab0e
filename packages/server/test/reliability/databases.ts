/**
 * Fresh, empty databases for the server process: a SQLite file in a temporary folder, or a PostgreSQL
 * database of its own on the test cluster (the server takes only a URL, so a schema would not do).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDialect } from '../helpers/dialects.js';
import { adminStatement } from '../helpers/postgres-admin.js';

/** A database to run a server on, and how to throw it away. */
export interface DatabasePlace {
  url: string;
  dialect: TestDialect['name'];
  /** A folder for files beside it (backups). */
  dir: string;
  drop: () => Promise<void>;
}

let made = 0;

/** A fresh database on `dialect` named after `purpose`. */
export async function freshDatabase(dialect: TestDialect, purpose: string): Promise<DatabasePlace> {
  made++;
  const dir = mkdtempSync(join(tmpdir(), `jixiao-${purpose}-`));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  if (dialect.name === 'sqlite') return { url: join(dir, 'jixiao.sqlite'), dialect: 'sqlite', dir, drop: async () => removeDir() };
  const name = `jixiao_${purpose}_${process.pid}_${made}`.replace(/[^a-z0-9_]/gu, '_');
  await adminStatement(dialect.url, `CREATE DATABASE ${name}`);
  const url = new URL(dialect.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: 'postgres',
    dir,
    drop: async () => {
      await adminStatement(dialect.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      removeDir();
    },
  };
}
