/**
 * What "a power cut loses nothing that was confirmed saved" rests on for SQLite: the write-ahead log
 * (readers never block the writer) and synchronous=FULL (a commit waits until the log is on disk). A
 * killed server is tested in reliability/crash.test.ts; a power cut cannot be, so its settings are.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';

describe('the SQLite file', () => {
  it('is opened in WAL mode with synchronous=FULL and foreign keys enforced', async () => {
    const { db, close } = openDatabase(join(mkdtempSync(join(tmpdir(), 'jixiao-durable-')), 'jixiao.sqlite'));
    try {
      const pragma = async (name: string): Promise<unknown> => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // 2 = FULL (1 would be NORMAL)
      expect(await pragma('foreign_keys')).toBe(1);
    } finally {
      await close();
    }
  });
});
