/**
 * Backup and restore on both databases: the demo data (with an attachment's bytes) backed up, restored into
 * a fresh database and compared table by table, row by row; a restore into a database that holds data,
 * a cut-short backup and an existing backup file are refused with a message, and change nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemMessage } from '@jixiao/core';
import type { BackupOutcome, OpenDatabase, ServiceContext } from '@jixiao/server';
import { argon2Hasher, backupDatabase, loadDemoData, migrateToLatest, openDatabase, restoreDatabase } from '@jixiao/server';
import { BACKUP_TABLES, countRows, readTable } from '../src/db/backup-tables.js';
import { insertAttachment } from '../src/db/repositories/files-repository.js';
import type { TestDialect } from './helpers/dialects.js';
import { announceSkippedDialects, DIALECTS } from './helpers/dialects.js';
import { freshSchema } from './helpers/postgres-admin.js';

announceSkippedDialects();

const DEMO_TEXT = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let made = 0;

/** A fresh, empty place for a database: a SQLite file, or a PostgreSQL schema of its own. */
async function freshDatabase(dialect: TestDialect): Promise<{ url: string; options: { schema?: string }; drop: () => Promise<void> }> {
  made++;
  if (dialect.name === 'sqlite') return { url: join(dir, `db-${made}.sqlite`), options: {}, drop: async () => undefined };
  const { schema, drop } = await freshSchema(dialect.url, 'backup');
  return { url: dialect.url, options: { schema }, drop };
}

function refusedWith(outcome: BackupOutcome, code: string): string {
  if (outcome.ok) throw new Error(`expected ${code}, the operation succeeded`);
  expect(outcome.problem.code).toBe(code);
  expect(problemMessage(outcome.problem, 'en')).not.toBe('');
  return problemMessage(outcome.problem, 'zh');
}

async function counts(database: OpenDatabase): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of BACKUP_TABLES) result[t.name] = await countRows(database.db, t);
  return result;
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`backup and restore on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const places: { drop: () => Promise<void> }[] = [];
    let source: Awaited<ReturnType<typeof freshDatabase>>;
    let sourceDb: OpenDatabase;
    const backupFile = join(dir, `${dialect.name}.backup`);

    beforeAll(async () => {
      source = await freshDatabase(dialect);
      places.push(source);
      sourceDb = openDatabase(source.url, source.options);
      await migrateToLatest(sourceDb.db, sourceDb.dialect, sourceDb.schema);
      let id = 0;
      const ctx: ServiceContext = {
        db: sourceDb.db,
        clock: () => new Date('2024-01-15T08:00:00Z'),
        newId: () => `id-${String(++id).padStart(5, '0')}`,
        passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
        sessionTtlMs: 3_600_000,
      };
      await loadDemoData(ctx, DEMO_TEXT, false);
      const form = await sourceDb.db.selectFrom('forms').select('id').orderBy('id').executeTakeFirstOrThrow();
      // Every byte value, so a binary column that lost or changed a byte would show.
      const content = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      await insertAttachment(sourceDb.db, { id: 'att-1', formId: form.id, indicatorId: 'i1', fileName: '证明材料.pdf', contentType: 'application/pdf', size: content.length, content, uploadedBy: 'id-00001', createdAt: '2024-01-15T08:00:00.000Z' });
    });

    afterAll(async () => {
      await sourceDb.close();
      for (const p of places) await p.drop();
    });

    it('restores into a fresh database every table, row by row', async () => {
      const backedUp = await backupDatabase(source.url, backupFile, source.options);
      if (!backedUp.ok) throw new Error(problemMessage(backedUp.problem, 'en'));
      expect(backedUp.format).toBe(dialect.name === 'sqlite' ? 'sqlite' : 'json-lines');
      expect(backedUp.rows).toEqual(await counts(sourceDb));
      expect(backedUp.rows['forms']).toBeGreaterThanOrEqual(4);
      expect(backedUp.rows['audit_log']).toBeGreaterThanOrEqual(4);
      expect(backedUp.rows['attachments']).toBe(1);

      const target = await freshDatabase(dialect);
      places.push(target);
      const restored = await restoreDatabase(target.url, backupFile, target.options);
      if (!restored.ok) throw new Error(problemMessage(restored.problem, 'en'));
      expect(restored.rows).toEqual(backedUp.rows);

      const targetDb = openDatabase(target.url, target.options);
      try {
        for (const t of BACKUP_TABLES) expect({ table: t.name, rows: await readTable(targetDb.db, t) }).toEqual({ table: t.name, rows: await readTable(sourceDb.db, t) });
        const attachment = await targetDb.db.selectFrom('attachments').select('content').executeTakeFirstOrThrow();
        expect([...attachment.content]).toEqual(Array.from({ length: 512 }, (_, i) => i % 256));
      } finally {
        await targetDb.close();
      }
    });

    it('refuses to restore into a database that holds data, and changes nothing', async () => {
      const before = await counts(sourceDb);
      const message = refusedWith(await restoreDatabase(source.url, backupFile, source.options), 'backup.targetNotEmpty');
      expect(message).toContain('regions');
      expect(await counts(sourceDb)).toEqual(before);
    });

    it('never overwrites an existing backup file', async () => {
      const size = readFileSync(backupFile).length;
      refusedWith(await backupDatabase(source.url, backupFile, source.options), 'backup.fileExists');
      expect(readFileSync(backupFile).length).toBe(size);
    });

    it('refuses a backup cut short, leaving the target empty', async () => {
      const cut = join(dir, `${dialect.name}-cut.backup`);
      const bytes = readFileSync(backupFile);
      // A JSON-lines backup loses its last lines; a SQLite file its second half.
      const text = bytes.toString('utf8');
      writeFileSync(cut, dialect.name === 'postgres' ? text.split('\n').slice(0, -4).join('\n') : bytes.subarray(0, Math.floor(bytes.length / 2)));
      const target = await freshDatabase(dialect);
      places.push(target);
      const outcome = await restoreDatabase(target.url, cut, target.options);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(['backup.truncated', 'backup.notABackup']).toContain(outcome.problem.code);
      const targetDb = openDatabase(target.url, target.options);
      try {
        expect(Object.values(await counts(targetDb)).every((n) => n === 0)).toBe(true);
      } finally {
        await targetDb.close();
      }
    });

    it('refuses a file that is not a backup', async () => {
      const notBackup = join(dir, 'not-a-backup.txt');
      writeFileSync(notBackup, DEMO_TEXT);
      const target = await freshDatabase(dialect);
      places.push(target);
      refusedWith(await restoreDatabase(target.url, notBackup, target.options), 'backup.notABackup');
    });
  });
}
