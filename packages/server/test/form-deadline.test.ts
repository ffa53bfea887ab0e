/**
 * Department people may not list tasks, so a form's answers carry the deadline of the task it belongs
 * to: the work queue shows it to every role — on every database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { announceSkippedDialects, DIALECTS } from './helpers/dialects.js';
import type { Client } from './helpers/factories.js';
import { as, buildForm, seedForm, signIn } from './helpers/factories.js';
import { worldSuite } from './helpers/test-app.js';

interface FormRow {
  id: string;
  year: number;
  deadline: string | null;
}

announceSkippedDialects();

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`form deadlines on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);
    let reviewer: Client;
    let editor: Client;
    let taskFormId: string;
    let looseFormId: string;

    beforeAll(async () => {
      // A form made without a task (as an import does): it has no deadline.
      looseFormId = (await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft', 2021)).id;
      [reviewer, editor] = await Promise.all([signIn(s.t.app, 'reviewer1'), signIn(s.t.app, 'editor1')]);
      const template = { regionId: s.world.regions.r1, year: 2022, indicators: seedForm().indicators.filter((g) => g.category !== 'duty') };
      expect((await s.t.app.inject({ method: 'POST', url: '/api/templates', headers: as(reviewer), payload: template })).statusCode).toBe(201);
      const issued = await s.t.app.inject({ method: 'POST', url: '/api/tasks', headers: as(reviewer), payload: { regionId: s.world.regions.r1, year: 2022, deadline: '2023-03-31', departmentIds: [s.world.departments.d1] } });
      expect(issued.statusCode).toBe(201);
      taskFormId = (issued.json() as { created: { formId: string }[] }).created[0]?.formId ?? '';
    });

    it("gives an editor, who may not list tasks, each form's task deadline in the list and in the form", async () => {
      expect((await s.t.app.inject({ method: 'GET', url: '/api/tasks', headers: as(editor) })).statusCode).toBe(403);

      const list = await s.t.app.inject({ method: 'GET', url: '/api/forms', headers: as(editor) });
      expect(list.statusCode).toBe(200);
      const rows = (list.json() as { forms: FormRow[] }).forms;
      expect(rows.map((r) => [r.id, r.year, r.deadline])).toEqual([
        [taskFormId, 2022, '2023-03-31'],
        [looseFormId, 2021, null],
      ]);

      const form = await s.t.app.inject({ method: 'GET', url: `/api/forms/${taskFormId}`, headers: as(editor) });
      expect(form.statusCode).toBe(200);
      expect(form.json()).toMatchObject({ id: taskFormId, deadline: '2023-03-31' });
      const loose = await s.t.app.inject({ method: 'GET', url: `/api/forms/${looseFormId}`, headers: as(editor) });
      expect(loose.json()).toMatchObject({ id: looseFormId, deadline: null });
    });

    it('documents the deadline in the OpenAPI answers of the form list and the form', async () => {
      const spec = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
      for (const path of ['/api/forms', '/api/forms/{id}']) expect(JSON.stringify(spec.paths[path]?.get?.responses?.['200'])).toContain('"deadline"');
    });
  });
}
