/**
 * Group commit (db/group-commit.ts): changes of the same moment share one SQLite commit, each in its own
 * savepoint, so one that fails fails alone and nothing is answered before it is committed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { groupCommitted } from '../src/db/group-commit.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { DIALECTS } from './helpers/dialects.js';
import type { TestApp } from './helpers/test-app.js';
import { createTestApp } from './helpers/test-app.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`changes committed together on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('a change that fails is rolled back alone; the others of the same moment are kept', async () => {
      const results = await Promise.allSettled(
        ['甲区', '乙区', '丙区'].map((name, i) =>
          groupCommitted(t.ctx.db, async (trx) => {
            await trx.insertInto('regions').values({ id: `group-${i}`, name }).execute();
            if (name === '乙区') throw new Error('refused after writing');
            return name;
          }),
        ),
      );
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['甲区', 'refused after writing', '丙区']);
      const names = (await t.ctx.db.selectFrom('regions').select('name').where('id', 'like', 'group-%').orderBy('id').execute()).map((r) => r.name);
      expect(names).toEqual(['甲区', '丙区']);
    });
  });
}

describe('group commit on a SQLite file', () => {
  it('changes of the same moment share one commit, and each is answered only once it is on disk', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-group-')), 'jixiao.sqlite');
    const { db, close } = openDatabase(file);
    const other = new SqliteDatabase(file, { readonly: true });
    try {
      await migrateToLatest(db, 'sqlite');
      const seenByOther = (id: string): boolean => other.prepare('select 1 from regions where id = ?').get(id) !== undefined;
      const seen: { inside: boolean; outside: boolean }[] = [];
      const first = groupCommitted(db, async (trx) => {
        await trx.insertInto('regions').values({ id: 'first', name: '一区' }).execute();
      });
      const second = groupCommitted(db, async (trx) => {
        // The first change is visible here but not yet committed: both are in one transaction.
        seen.push({ inside: (await trx.selectFrom('regions').select('id').where('id', '=', 'first').executeTakeFirst()) !== undefined, outside: seenByOther('first') });
        await trx.insertInto('regions').values({ id: 'second', name: '二区' }).execute();
      });
      await Promise.all([first, second]);
      expect(seen).toEqual([{ inside: true, outside: false }]);
      expect([seenByOther('first'), seenByOther('second')]).toEqual([true, true]);
    } finally {
      other.close();
      await close();
    }
  });
});
