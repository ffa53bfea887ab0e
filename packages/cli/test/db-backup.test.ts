/**
 * `jixiao db backup` and `jixiao db restore` as an administrator types them, on SQLite and PostgreSQL: a
 * backup and its restore say what they did (exit 0); every refusal — an existing backup file, a restore into
 * a database that holds data, a file cut short, a file that is not a backup, a missing file — exits 2 with
 * the reason in Chinese and English and leaves the target as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher, loadDemoData, migrateToLatest, openDatabase } from '@jixiao/server';
import { DIALECTS } from '../../server/test/helpers/dialects.js';
import type { DatabasePlace } from '../../server/test/reliability/databases.js';
import { freshDatabase } from '../../server/test/reliability/databases.js';
import { runCli } from './run-cli.js';

const DEMO_TEXT = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');

async function rowsIn(url: string): Promise<{ forms: number; audit: number }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    const count = async (table: 'forms' | 'audit_log'): Promise<number> => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { forms: await count('forms'), audit: await count('audit_log') };
  } finally {
    await database.close();
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`jixiao db backup / restore on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const places: DatabasePlace[] = [];
    let source: DatabasePlace;
    let backup = '';
    const fresh = async (): Promise<DatabasePlace> => {
      const place = await freshDatabase(dialect, 'clidb');
      places.push(place);
      return place;
    };

    beforeAll(async () => {
      source = await fresh();
      backup = join(source.dir, 'jixiao.backup');
      const database = openDatabase(source.url);
      try {
        await migrateToLatest(database.db, database.dialect);
        let id = 0;
        await loadDemoData({ db: database.db, clock: () => new Date('2024-01-15T08:00:00Z'), newId: () => `id-${++id}`, passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }), sessionTtlMs: 3_600_000 }, DEMO_TEXT, false);
      } finally {
        await database.close();
      }
    });
    afterAll(async () => {
      for (const p of places) await p.drop();
    });

    it('backs up and restores into a fresh database, saying what it copied', async () => {
      const made = await runCli('db', 'backup', backup, '--database-url', source.url);
      expect(made.err).toBe('');
      expect(made.code).toBe(0);
      const { forms } = await rowsIn(source.url);
      expect(forms).toBeGreaterThan(0);
      expect(made.out).toMatch(new RegExp(`^已备份 / backed up to .*jixiao\\.backup.*forms ${forms}\\b`, 'u'));
      const target = await fresh();
      const restored = await runCli('db', 'restore', backup, '--database-url', target.url);
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(new RegExp(`^已恢复 / restored from .*forms ${forms}\\b`, 'u'));
      expect(await rowsIn(target.url)).toEqual(await rowsIn(source.url));
    });

    it('never overwrites a backup file (exit 2)', async () => {
      const size = readFileSync(backup).length;
      const again = await runCli('db', 'backup', backup, '--database-url', source.url);
      expect(again.code).toBe(2);
      expect(again.err).toContain('备份文件已存在');
      expect(again.err).toContain('already exists');
      expect(readFileSync(backup).length).toBe(size);
    });

    it('refuses to restore into a database that holds data, and changes nothing (exit 2)', async () => {
      const before = await rowsIn(source.url);
      const refused = await runCli('db', 'restore', backup, '--database-url', source.url);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('目标数据库不是空的');
      expect(refused.err).toContain('restore only into a new, empty database');
      expect(await rowsIn(source.url)).toEqual(before);
    });

    it('refuses a backup cut short, leaving the target empty (exit 2)', async () => {
      const bytes = readFileSync(backup);
      const cut = join(source.dir, 'cut.backup');
      // A JSON-lines backup loses its last lines; a SQLite file its second half.
      writeFileSync(cut, dialect.name === 'postgres' ? bytes.toString('utf8').split('\n').slice(0, -4).join('\n') : bytes.subarray(0, Math.floor(bytes.length / 2)));
      const target = await fresh();
      const refused = await runCli('db', 'restore', cut, '--database-url', target.url);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/备份文件不完整或已损坏|不是 jixiao 备份文件/u);
      expect(await rowsIn(target.url)).toEqual({ forms: 0, audit: 0 });
    });

    it('refuses a file that is not a backup, and a file that is not there (exit 2)', async () => {
      const notABackup = join(source.dir, 'notes.txt');
      writeFileSync(notABackup, '这不是备份\n');
      const target = await fresh();
      const refused = await runCli('db', 'restore', notABackup, '--database-url', target.url);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('不是 jixiao 备份文件');
      expect(refused.err).toContain('is not a jixiao backup');
      const missing = await runCli('db', 'restore', join(source.dir, 'nowhere.backup'), '--database-url', target.url);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('找不到备份文件');
      expect(await rowsIn(target.url)).toEqual({ forms: 0, audit: 0 });
    });
  });
}
