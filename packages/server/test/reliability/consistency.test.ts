/**
 * The checks the crash, load and backup tests rely on can fail: a whole database passes, and each kind of
 * half-written or lost change (a version bumped without its version row, a state changed behind the log, an
 * acknowledged save that is not there or wrote other words) is found, on both databases.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrations.js';
import { loadDemoData } from '../../src/services/demo-data.js';
import { argon2Hasher } from '../../src/services/passwords.js';
import { DIALECTS } from '../helpers/dialects.js';
import { acknowledgedProblems } from './acknowledged.js';
import { consistencyProblems } from './consistency.js';
import type { DatabasePlace } from './databases.js';
import { freshDatabase } from './databases.js';

const DEMO_TEXT = readFileSync(new URL('../../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`the reliability checks on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let place: DatabasePlace;
    let formId = '';
    beforeAll(async () => {
      place = await freshDatabase(dialect, 'checks');
      const database = openDatabase(place.url);
      try {
        await migrateToLatest(database.db, database.dialect);
        let id = 0;
        await loadDemoData({ db: database.db, clock: () => new Date('2024-01-15T08:00:00Z'), newId: () => `id-${++id}`, passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }), sessionTtlMs: 3_600_000 }, DEMO_TEXT, false);
        formId = (await database.db.selectFrom('forms').select('id').where('state', '=', 'draft').orderBy('id').executeTakeFirstOrThrow()).id;
      } finally {
        await database.close();
      }
    });
    afterAll(async () => place?.drop());

    const change = async (work: (db: ReturnType<typeof openDatabase>['db']) => Promise<unknown>): Promise<void> => {
      const database = openDatabase(place.url);
      try {
        await work(database.db);
      } finally {
        await database.close();
      }
    };

    it('find nothing wrong with a whole database, and everything wrong with made-up acknowledgements', async () => {
      expect(await consistencyProblems(place.url)).toEqual([]);
      expect(await acknowledgedProblems(place.url, [{ formId, version: 1, action: 'import' }])).toEqual([]);
      const lost = await acknowledgedProblems(place.url, [{ formId, version: 2, action: 'save', marker: 'lost-1' }]);
      expect(lost.join('\n')).toContain('the log has nothing there');
      const twice = await acknowledgedProblems(place.url, [{ formId, version: 1, action: 'import' }, { formId, version: 1, action: 'import' }]);
      expect(twice.join('\n')).toContain('acknowledged twice');
    });

    it('find a state changed behind the log', async () => {
      await change((db) => db.updateTable('forms').set({ state: 'submitted' }).where('id', '=', formId).execute());
      expect((await consistencyProblems(place.url)).join('\n')).toContain("state is not its latest version's");
      await change((db) => db.updateTable('forms').set({ state: 'draft' }).where('id', '=', formId).execute());
      expect(await consistencyProblems(place.url)).toEqual([]);
    });

    it('find a version bumped without its version row and audit entry (a half-written save)', async () => {
      await change((db) => db.updateTable('forms').set({ version: 2 }).where('id', '=', formId).execute());
      const problems = (await consistencyProblems(place.url)).join('\n');
      expect(problems).toContain('versions stored are 1, expected 1..2');
      expect(problems).toContain('version 2 is made by 0 audit entries');
    });
  });
}
