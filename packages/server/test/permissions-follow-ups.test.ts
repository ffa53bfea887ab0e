/**
 * Every role against every follow-up (整改) endpoint, in every department scope and status: nobody reads or
 * changes a follow-up that is not theirs. Outside the caller's reach the answer is 404 (401 for the public)
 * without a byte of it; a change the caller may not make is 403 (409 when only the status stands in the way)
 * and changes nothing. The expected outcome of each cell is core's `canFollowUp`, pinned by its own tests.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, FollowUpStatus } from '@jixiao/core';
import { can, canFollowUp, FOLLOW_UP_STATUSES, followUpTransitionBetween, inScope } from '@jixiao/core';
import { findFollowUp, listFollowUps } from '../src/db/repositories/follow-ups-repository.js';
import { findForm } from '../src/db/repositories/forms-repository.js';
import { findUserByUsername } from '../src/db/repositories/users-repository.js';
import { DIALECTS } from './helpers/dialects.js';
import { as, buildForm, CALLERS } from './helpers/factories.js';
import { buildFollowUp } from './helpers/follow-up-factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';

const PLACES: readonly { department: 'd1' | 'd2' | 'd3'; status: FollowUpStatus }[] = [
  ...FOLLOW_UP_STATUSES.map((status) => ({ department: 'd1' as const, status })),
  { department: 'd2', status: 'open' },
  { department: 'd2', status: 'inProgress' },
  { department: 'd3', status: 'open' },
  { department: 'd3', status: 'done' },
];

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`follow-up permissions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const refusal = (actor: Actor | null, readable: boolean): number[] => (actor === null ? [401] : readable ? [403, 409] : [404]);

    for (const caller of CALLERS) {
      it(`${caller}: reads, raises and changes exactly the follow-ups that are theirs`, async () => {
        const client = s.client(caller);
        const actor = s.actorOf(caller);
        const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
          s.t.app.inject({ method, url, headers: as(client, headers), ...(payload ? { payload } : {}) });

        for (const place of PLACES) {
          const departmentId = s.world.departments[place.department];
          const regionId = s.world.regionOf[departmentId] ?? '';
          const subject = { status: place.status, departmentId, regionId };
          const readable = canFollowUp(actor, 'read', subject);
          const cell = (what: string) => `${caller} ${what} on ${place.department}/${place.status}`;
          const shared = await buildFollowUp(s.t.ctx, s.world, departmentId, place.status);

          // Reads: the follow-up and its history.
          for (const url of [`/api/follow-ups/${shared.id}`, `/api/follow-ups/${shared.id}/history`]) {
            const res = await send('GET', url);
            if (readable) expect(res.statusCode, cell(`GET ${url}`)).toBe(200);
            else {
              expect(refusal(actor, false), cell(`GET ${url}`)).toContain(res.statusCode);
              expect(res.body, cell(`GET ${url}`)).not.toContain(shared.marker);
            }
          }

          // Edit: the title.
          {
            const fresh = await buildFollowUp(s.t.ctx, s.world, departmentId, place.status);
            const res = await send('PATCH', `/api/follow-ups/${fresh.id}`, { title: `${fresh.marker}（改）` }, { 'if-match': String(fresh.version) });
            const after = await findFollowUp(s.t.ctx.db, fresh.id);
            if (canFollowUp(actor, 'edit', subject)) {
              expect(res.statusCode, cell(`PATCH title → ${res.body.slice(0, 200)}`)).toBe(200);
              expect(after?.title).toBe(`${fresh.marker}（改）`);
            } else {
              expect(refusal(actor, readable), cell(`PATCH title → ${res.statusCode} ${res.body.slice(0, 200)}`)).toContain(res.statusCode);
              if (!readable) expect(res.body, cell('PATCH title')).not.toContain(fresh.marker);
              expect(after?.version, cell('PATCH title leaves it unchanged')).toBe(fresh.version);
            }
          }

          // Every move from this status, with a note.
          for (const to of FOLLOW_UP_STATUSES.filter((x) => x !== place.status)) {
            const fresh = await buildFollowUp(s.t.ctx, s.world, departmentId, place.status);
            const res = await send('PATCH', `/api/follow-ups/${fresh.id}`, { status: to, note: '已按要求整改' }, { 'if-match': String(fresh.version) });
            const after = await findFollowUp(s.t.ctx.db, fresh.id);
            const transition = followUpTransitionBetween(place.status, to);
            if (transition !== null && canFollowUp(actor, transition.action, subject)) {
              expect(res.statusCode, cell(`→ ${to}: ${res.body.slice(0, 200)}`)).toBe(200);
              expect(after?.status).toBe(to);
            } else {
              expect(refusal(actor, readable), cell(`→ ${to}: ${res.statusCode} ${res.body.slice(0, 200)}`)).toContain(res.statusCode);
              if (!readable) expect(res.body, cell(`→ ${to}`)).not.toContain(fresh.marker);
              expect(after?.status, cell(`→ ${to} leaves it unchanged`)).toBe(place.status);
              expect(after?.version).toBe(fresh.version);
            }
          }
        }

        // Raising one from a form, in every department (each form's own findings).
        for (const department of ['d1', 'd2', 'd3'] as const) {
          const departmentId = s.world.departments[department];
          const regionId = s.world.regionOf[departmentId] ?? '';
          const form = await buildForm(s.t.ctx, s.world, departmentId, 'submitted');
          const finding = (await findForm(s.t.ctx.db, form.id))?.findings[0];
          const owner = await findUserByUsername(s.t.ctx.db, regionId === s.world.regions.r1 ? 'reviewer1' : 'reviewer2');
          const title = `新整改-${caller}-${department}`;
          const res = await send('POST', `/api/forms/${form.id}/follow-ups`, { source: { kind: 'finding', code: finding?.code, path: finding?.path }, title, ownerId: owner?.id, dueDate: '2030-06-30' });
          const made = (await listFollowUps(s.t.ctx.db, { formId: form.id })).filter((f) => f.title === title);
          const cell = `${caller} POST follow-up on ${department}`;
          if (canFollowUp(actor, 'create', { status: 'open', departmentId, regionId })) {
            expect(res.statusCode, `${cell} → ${res.body.slice(0, 200)}`).toBe(201);
            expect(made, cell).toHaveLength(1);
          } else {
            const formReadable = can(actor, 'read', { state: 'submitted', departmentId, regionId });
            expect(refusal(actor, formReadable), `${cell} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
            expect(res.body, cell).not.toContain(form.marker);
            expect(made, cell).toEqual([]);
          }

          // Who may own them: for those who may raise one.
          const owners = await send('GET', `/api/follow-ups/owners?departmentId=${departmentId}`);
          if (canFollowUp(actor, 'create', { status: 'open', departmentId, regionId })) {
            expect(owners.statusCode, `${caller} owners of ${department}`).toBe(200);
          } else {
            expect(refusal(actor, canFollowUp(actor, 'read', { status: 'open', departmentId, regionId })), `${caller} owners of ${department} → ${owners.statusCode}`).toContain(owners.statusCode);
            expect(owners.body).not.toContain('reviewer');
          }
        }

        // Lists and counts show exactly the follow-ups in scope.
        const all = await listFollowUps(s.t.ctx.db, {});
        const list = await send('GET', '/api/follow-ups');
        const summary = await send('GET', '/api/follow-ups/summary');
        if (actor === null) {
          expect(list.statusCode).toBe(401);
          expect(summary.statusCode).toBe(401);
          for (const f of all) expect(list.body).not.toContain(f.title);
        } else {
          expect(list.statusCode).toBe(200);
          const seen = (list.json() as { followUps: { id: string }[] }).followUps.map((f) => f.id).sort();
          const expected = all.filter((f) => inScope(actor, f)).map((f) => f.id).sort();
          expect(seen, `${caller} lists`).toEqual(expected);
          expect(seen.length, `${caller} lists`).toBeGreaterThan(0);
          for (const f of all) if (!inScope(actor, f)) expect(list.body, `${caller} lists`).not.toContain(f.title);
          expect((summary.json() as { total: number }).total, `${caller} counts`).toBe(expected.length);
        }
      });
    }

    it('the endpoints are in the OpenAPI description', async () => {
      const spec = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      expect(Object.keys(spec.paths['/api/forms/{id}/follow-ups'] ?? {})).toEqual(['post']);
      expect(Object.keys(spec.paths['/api/follow-ups'] ?? {})).toEqual(['get']);
      expect(Object.keys(spec.paths['/api/follow-ups/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
      expect(Object.keys(spec.paths['/api/follow-ups/{id}/history'] ?? {})).toEqual(['get']);
      expect(Object.keys(spec.paths['/api/follow-ups/summary'] ?? {})).toEqual(['get']);
      expect(Object.keys(spec.paths['/api/follow-ups/owners'] ?? {})).toEqual(['get']);
    });
  });
}
