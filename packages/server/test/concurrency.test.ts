/**
 * Two clients saving the same form at once: one wins, the other is told (409 with the current version),
 * nothing is silently overwritten, and the audit log shows exactly what happened.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/dialects.js';
import { as, buildForm, seedForm, signIn } from './helpers/factories.js';
import { worldSuite } from './helpers/test-app.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`concurrent saves on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);

    it('one wins, the other gets 409 with the current version, and the log holds exactly the winner', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const [editor, head] = await Promise.all([signIn(s.t.app, 'editor1'), signIn(s.t.app, 'head1')]);
      const mine = seedForm();
      mine.narratives.goals = '填报人的目标';
      const theirs = seedForm();
      theirs.narratives.goals = '负责人的目标';
      const [a, b] = await Promise.all([
        s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor, { 'if-match': '"1"' }), payload: mine }),
        s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(head, { 'if-match': '"1"' }), payload: theirs }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [winner, loser] = a.statusCode === 200 ? [{ res: a, goals: '填报人的目标', name: 'editor1' }, { res: b, goals: '负责人的目标' }] : [{ res: b, goals: '负责人的目标', name: 'head1' }, { res: a, goals: '填报人的目标' }];
      expect(loser.res.json()).toMatchObject({ error: { code: 'api.versionConflict', currentVersion: 2 } });

      const current = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}`, headers: as(editor) });
      expect(current.json()).toMatchObject({ version: 2, document: { narratives: { goals: winner.goals } } });

      const history = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/history`, headers: as(editor) })).json() as {
        history: { action: string; version: number; user: { name: string }; changes: { path: string; before: unknown; after: unknown }[] }[];
      };
      const saves = history.history.filter((h) => h.action === 'save');
      expect(saves).toHaveLength(1);
      expect(saves[0]).toMatchObject({ version: 2, user: { name: winner.name } });
      expect(saves[0]?.changes).toContainEqual({ path: 'narratives.goals', before: seedForm().narratives.goals, after: winner.goals });

      // The loser, told, reloads and saves on top: both changes are now in the log, in order.
      const retry = await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor, { 'if-match': '"2"' }), payload: { ...seedForm(), narratives: { ...seedForm().narratives, goals: loser.goals } } });
      expect(retry.statusCode).toBe(200);
      const after = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/history`, headers: as(editor) })).json() as { history: { action: string; version: number; changes: { path: string; before: unknown; after: unknown }[] }[] };
      expect(after.history.filter((h) => h.action === 'save').map((h) => [h.version, h.changes.find((c) => c.path === 'narratives.goals')?.after])).toEqual([
        [2, winner.goals],
        [3, loser.goals],
      ]);
    });

    it('a save without If-Match is refused (428), and a stale one after a transition gets 409', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const [editor, head] = await Promise.all([signIn(s.t.app, 'editor1'), signIn(s.t.app, 'head1')]);
      expect((await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor), payload: seedForm() })).statusCode).toBe(428);
      expect((await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/transitions`, headers: as(head), payload: { action: 'submit', version: 1 } })).statusCode).toBe(200);
      const stale = await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/transitions`, headers: as(head), payload: { action: 'submit', version: 1 } });
      expect(stale.statusCode).toBe(409);
    });

    it('many concurrent saves: exactly one per version succeeds and every success is in the log', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const editor = await signIn(s.t.app, 'editor1');
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const doc = seedForm();
          doc.narratives.completion = `第${i}稿`;
          return s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor, { 'if-match': '1' }), payload: doc });
        }),
      );
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(11);
      const history = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/history`, headers: as(editor) })).json() as { history: { action: string }[] };
      expect(history.history.map((h) => h.action)).toEqual(['create', 'save']);
    });
  });
}
