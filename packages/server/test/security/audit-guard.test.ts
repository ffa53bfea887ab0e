/**
 * The audit log is append-only in the database itself (migration 0004-audit-guard), on both databases:
 * UPDATE and DELETE of audit_log are refused by triggers (TRUNCATE too on PostgreSQL) and leave every entry
 * as it was, while new entries are still appended (saving a form, restoring a backup).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_GUARD_MESSAGE } from '../../src/db/audit-guard-migration.js';
import { DIALECTS } from '../helpers/dialects.js';
import { as, buildForm, seedForm, signIn } from '../helpers/factories.js';
import { worldSuite } from '../helpers/test-app.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`audit guard on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);

    const auditRows = () => s.t.ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

    it('refuses to change or delete an entry, by any statement, and keeps every entry as it was', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const before = await auditRows();
      expect(before.length).toBeGreaterThan(0);
      const attempts: [string, () => Promise<unknown>][] = [
        ['update one', () => s.t.ctx.db.updateTable('audit_log').set({ comment: 'rewritten' }).where('form_id', '=', id).execute()],
        ['update all', () => s.t.ctx.db.updateTable('audit_log').set({ user_id: 'someone else' }).execute()],
        ['delete one', () => s.t.ctx.db.deleteFrom('audit_log').where('form_id', '=', id).execute()],
        ['delete all', () => s.t.ctx.db.deleteFrom('audit_log').execute()],
        ['raw update', () => sql`update audit_log set action = 'create'`.execute(s.t.ctx.db)],
        ...(dialect.name === 'postgres' ? ([['truncate', () => sql`truncate audit_log`.execute(s.t.ctx.db)]] as [string, () => Promise<unknown>][]) : []),
      ];
      for (const [what, run] of attempts) {
        await expect(run(), what).rejects.toThrow(AUDIT_GUARD_MESSAGE);
      }
      expect(await auditRows()).toEqual(before);
    });

    it('still appends: a save adds its entry after the ones before', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const before = await auditRows();
      const editor = await signIn(s.t.app, 'editor1');
      const doc = seedForm();
      doc.narratives.goals = '追加一条审计记录';
      const res = await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor, { 'if-match': '1' }), payload: doc });
      expect(res.statusCode, res.body).toBe(200);
      const after = await auditRows();
      expect(after.length).toBe(before.length + 1);
      for (const row of before) expect(after).toContainEqual(row);
    });
  });
}
