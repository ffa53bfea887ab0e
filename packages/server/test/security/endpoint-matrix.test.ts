/**
 * The permission matrix of the endpoints the form and organisation matrices do not run: the system's open
 * routes, sessions, uploads and their confirmation, evidence downloads, templates and tasks, accounts and
 * the public's lists and downloads. Every caller (each role in and out of scope, and the public) against
 * every one of them; the expected outcome comes from core's rules (`can`, `canIssueTasks`,
 * `canAdminister`), and a refusal changes nothing and shows nothing of what it refuses.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, FormState } from '@jixiao/core';
import { can, canAdminister, canIssueTasks, leavesOf } from '@jixiao/core';
import { serializeForm } from '@jixiao/io';
import { findForm } from '../../src/db/repositories/forms-repository.js';
import { saveTemplate } from '../../src/services/task-service.js';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { ACCOUNTS, as, buildAttachment, buildForm, CALLERS, PASSWORD, seedForm, signIn } from '../helpers/factories.js';
import { matrixSuite } from '../helpers/matrix-suite.js';
import { multipartFile } from '../helpers/multipart.js';

const PLACES: readonly { department: 'd1' | 'd2' | 'd3'; state: FormState }[] = [
  { department: 'd1', state: 'draft' },
  { department: 'd1', state: 'submitted' },
  { department: 'd1', state: 'published' },
  { department: 'd2', state: 'draft' },
  { department: 'd3', state: 'draft' },
  { department: 'd3', state: 'published' },
];

const leafId = leavesOf(seedForm())[0]?.leaf.id ?? '';
let yearOfCaller = 2100;

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`endpoint matrix on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
      s.t.app.inject({ method, url, headers: as(client, headers), ...(payload ? { payload } : {}) });
    const refusal = (actor: Actor | null, readable: boolean) => (actor === null ? [401] : readable ? [403, 409] : [404]);

    /** A previewed upload of the seed as JSON, kept for the caller (the public cannot preview). */
    const preview = async (client: Client | null, year: number): Promise<string> => {
      const doc = seedForm();
      doc.unit.year = year;
      const file = multipartFile('自评表.json', serializeForm(doc), 'application/json');
      const res = await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(client, file.headers), payload: file.payload });
      if (client === null) {
        expect(res.statusCode, 'POST /api/uploads by the public').toBe(401);
        return 'no-upload';
      }
      expect(res.statusCode, `POST /api/uploads → ${res.body.slice(0, 200)}`).toBe(200);
      return (res.json() as { uploadId: string }).uploadId;
    };

    for (const caller of CALLERS) {
      it(`${caller}: each endpoint answers as core's rules say`, async () => {
        const client = s.client(caller);
        const actor = s.actorOf(caller);
        const cell = (what: string) => `${caller} ${what}`;

        // The system's open routes: the same for everyone, with no data.
        for (const url of ['/api/health', '/api/openapi.json', '/api/docs', '/api/docs/json', '/', '/forms/x']) {
          const res = await send(client, 'GET', url);
          expect(res.statusCode, cell(`GET ${url}`)).toBe(200);
          expect(res.body, cell(`GET ${url}`)).not.toContain('机密单位');
        }

        // Sessions: one's own, through a session of its own (so the suite's stays signed in).
        const mine = await send(client, 'GET', '/api/session');
        if (actor === null) expect(mine.statusCode, cell('GET /api/session')).toBe(401);
        else expect(mine.json(), cell('GET /api/session')).toMatchObject({ user: { username: caller, role: ACCOUNTS[caller as keyof typeof ACCOUNTS].role }, csrfToken: client?.csrf });
        if (actor === null) {
          expect((await send(null, 'DELETE', '/api/session')).statusCode, cell('DELETE /api/session')).toBe(401);
          expect((await send(null, 'PUT', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'another long password' })).statusCode, cell('PUT /api/session/password')).toBe(401);
          expect((await send(null, 'POST', '/api/session', { username: 'editor1', password: PASSWORD })).statusCode, cell('POST /api/session')).toBe(200);
        } else {
          const own = await signIn(s.t.app, caller);
          expect((await send(own, 'DELETE', '/api/session')).statusCode, cell('DELETE /api/session')).toBe(204);
          expect((await send(own, 'GET', '/api/session')).statusCode, cell('the ended session')).toBe(401);
          expect((await send(client, 'GET', '/api/session')).statusCode, cell('another session of the same account')).toBe(200);
        }

        // Evidence downloads: whoever may read the form.
        for (const place of PLACES) {
          const departmentId = s.world.departments[place.department];
          const subject = { state: place.state, departmentId, regionId: s.world.regionOf[departmentId] ?? '' };
          const form = await buildForm(s.t.ctx, s.world, departmentId, 'draft');
          // Stored directly: the suite's own sessions are for the callers (an administrator's changes its password below).
          const attachmentId = await buildAttachment(s.t.ctx, { formId: form.id, indicatorId: leafId, fileName: '机密证明.txt', text: `证明 ${form.marker}` });
          await s.t.ctx.db.updateTable('forms').set({ state: place.state }).where('id', '=', form.id).execute();
          const res = await send(client, 'GET', `/api/forms/${form.id}/attachments/${attachmentId}`);
          const where = cell(`GET attachment on ${place.department}/${place.state}`);
          if (actor !== null && can(actor, 'read', subject)) {
            expect(res.statusCode, where).toBe(200);
            expect(res.body, where).toBe(`证明 ${form.marker}`);
          } else {
            expect(refusal(actor, false), where).toContain(res.statusCode);
            expect(res.body, where).not.toContain(form.marker);
          }
        }

        // Uploads: anyone signed in may preview; confirming into a form or creating one needs `edit`.
        for (const place of PLACES) {
          const departmentId = s.world.departments[place.department];
          const subject = { state: place.state, departmentId, regionId: s.world.regionOf[departmentId] ?? '' };
          const form = await buildForm(s.t.ctx, s.world, departmentId, place.state);
          const uploadId = await preview(client, 2021);
          const res = await send(client, 'POST', `/api/forms/${form.id}/upload`, { uploadId }, { 'if-match': '1' });
          const after = await findForm(s.t.ctx.db, form.id);
          const where = cell(`POST upload into ${place.department}/${place.state} → ${res.statusCode} ${res.body.slice(0, 150)}`);
          if (actor !== null && can(actor, 'edit', subject)) {
            expect(res.statusCode, where).toBe(200);
            expect(after?.version, where).toBe(2);
          } else {
            expect(refusal(actor, actor !== null && can(actor, 'read', subject)), where).toContain(res.statusCode);
            expect(res.body, where).not.toContain(form.marker);
            expect(after?.version, where).toBe(1);
          }
        }
        for (const department of ['d1', 'd2', 'd3'] as const) {
          const departmentId = s.world.departments[department];
          const subject = { state: 'draft' as const, departmentId, regionId: s.world.regionOf[departmentId] ?? '' };
          const year = yearOfCaller++;
          const uploadId = await preview(client, year);
          const res = await send(client, 'POST', '/api/forms', { departmentId, uploadId });
          const created = await s.t.ctx.db.selectFrom('forms').select('id').where('department_id', '=', departmentId).where('year', '=', year).execute();
          const where = cell(`POST /api/forms for ${department} → ${res.statusCode} ${res.body.slice(0, 150)}`);
          if (actor !== null && can(actor, 'edit', subject)) {
            expect(res.statusCode, where).toBe(201);
            expect(created.length, where).toBe(1);
          } else {
            expect(refusal(actor, actor !== null && can(actor, 'read', subject)), where).toContain(res.statusCode);
            expect(created, where).toEqual([]);
          }
        }

        // Templates and tasks: a region's reviewer or an administrator.
        for (const region of ['r1', 'r2'] as const) {
          const regionId = s.world.regions[region];
          const year = yearOfCaller++;
          const template = { regionId, year, indicators: seedForm().indicators.filter((g) => g.category !== 'duty') };
          const saved = await send(client, 'POST', '/api/templates', template);
          const department = region === 'r1' ? s.world.departments.d1 : s.world.departments.d3;
          if (!canIssueTasks(actor, regionId)) await saveTemplate(s.t.ctx, s.actorOf('admin') as Actor, regionId, year, { indicators: template.indicators }); // so the task is refused for who asks, not for a missing template
          const issued = await send(client, 'POST', '/api/tasks', { regionId, year, deadline: `${year + 1}-03-31`, departmentIds: [department] });
          const formsMade = await s.t.ctx.db.selectFrom('forms').select('id').where('department_id', '=', department).where('year', '=', year).execute();
          const where = (what: string) => cell(`${what} for ${region}`);
          if (canIssueTasks(actor, regionId)) {
            expect(saved.statusCode, where('POST /api/templates')).toBe(201);
            expect(issued.statusCode, where(`POST /api/tasks ${issued.body.slice(0, 150)}`)).toBe(201);
            expect(formsMade.length, where('the task’s draft')).toBe(1);
          } else {
            expect(saved.statusCode, where('POST /api/templates')).toBe(actor === null ? 401 : 403);
            expect(issued.statusCode, where('POST /api/tasks')).toBe(actor === null ? 401 : 403);
            expect(formsMade, where('no draft')).toEqual([]);
          }
        }
        const templateRows = await s.t.ctx.db.selectFrom('templates').select(['id', 'region_id']).execute();
        const taskRows = await s.t.ctx.db.selectFrom('tasks').select(['id', 'region_id']).execute();
        for (const [url, rows, key] of [['/api/templates', templateRows, 'templates'], ['/api/tasks', taskRows, 'tasks']] as const) {
          const res = await send(client, 'GET', url);
          const visible = rows.filter((r) => canIssueTasks(actor, r.region_id));
          if (actor !== null && (actor.role === 'administrator' || actor.role === 'reviewer')) {
            expect(res.statusCode, cell(`GET ${url}`)).toBe(200);
            const seen = (res.json() as Record<string, { id: string }[]>)[key]?.map((x) => x.id).sort();
            expect(seen, cell(`GET ${url}`)).toEqual(visible.map((r) => r.id).sort());
          } else {
            expect(res.statusCode, cell(`GET ${url}`)).toBe(actor === null ? 401 : 403);
          }
        }

        // Accounts: administrators only.
        const username = `new-${caller}`;
        const made = await send(client, 'POST', '/api/users', { username, displayName: '新账户', password: 'long enough password', role: 'editor', departmentId: s.world.departments.d1 });
        const rows = await s.t.ctx.db.selectFrom('users').select('id').where('username', '=', username).execute();
        if (canAdminister(actor)) {
          expect(made.statusCode, cell('POST /api/users')).toBe(201);
          expect(rows.length).toBe(1);
        } else {
          expect(made.statusCode, cell('POST /api/users')).toBe(actor === null ? 401 : 403);
          expect(rows, cell('POST /api/users')).toEqual([]);
        }

        // The public's lists and downloads: published forms only, whoever asks and whatever cookie comes along.
        const unpublished = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'approved');
        const published = await buildForm(s.t.ctx, s.world, s.world.departments.d3, 'published');
        for (const url of ['/api/public/forms', '/api/public/summary']) {
          const res = await send(client, 'GET', url);
          expect(res.statusCode, cell(`GET ${url}`)).toBe(200);
          expect(res.body, cell(`GET ${url}`)).not.toContain(unpublished.marker);
        }
        expect((await send(client, 'GET', '/api/public/forms')).body, cell('GET /api/public/forms')).toContain(published.marker);
        const download = await send(client, 'GET', `/api/public/forms/${published.id}/export/json`);
        expect(download.statusCode, cell('GET public export of a published form')).toBe(200);
        expect(download.body).toContain(published.marker);
        const refused = await send(client, 'GET', `/api/public/forms/${unpublished.id}/export/json`);
        expect(refused.statusCode, cell('GET public export of an unpublished form')).toBe(404);
        expect(refused.body).not.toContain(unpublished.marker);

        // A password change: one's own account only, through a session of its own, put back afterwards.
        if (actor !== null) {
          const hashes = async () => (await s.t.ctx.db.selectFrom('users').select(['username', 'password_hash']).orderBy('username').execute()).filter((u) => u.username !== caller);
          const before = await hashes();
          const own = await signIn(s.t.app, caller);
          expect((await send(own, 'PUT', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'another long password' })).statusCode, cell('PUT /api/session/password')).toBe(204);
          expect((await send(own, 'PUT', '/api/session/password', { currentPassword: 'another long password', newPassword: PASSWORD })).statusCode).toBe(204);
          expect(await hashes(), cell('nobody else’s password changed')).toEqual(before);
        }
      });
    }
  });
}
