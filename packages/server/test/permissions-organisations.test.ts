/**
 * Every role against every organisation endpoint: only administrators create or rename regions and
 * departments; everyone else gets 403 (401 for the public) and nothing changes. Lists show exactly what
 * lies in the caller's scope, without a name from outside it. The expected outcome of each cell is core's
 * `ORGANISATION_PERMISSIONS` (through `canOrganise`) and `inScope`.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '@jixiao/core';
import { canOrganise, inScope } from '@jixiao/core';
import { listDepartments, listRegions } from '../src/db/repositories/organisations-repository.js';
import { DIALECTS } from './helpers/dialects.js';
import type { AccountKey } from './helpers/factories.js';
import { as, CALLERS } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';


for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`organisation permissions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const refusal = (actor: Actor | null) => (actor === null ? 401 : 403);

    for (const caller of CALLERS) {
      it(`${caller}: lists exactly their scope, creates and renames only as an administrator`, async () => {
        const client = s.client(caller);
        const actor = s.actorOf(caller);
        const cell = (what: string) => `${caller} ${what}`;
        const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => s.t.app.inject({ method, url, headers: as(client), ...(payload ? { payload } : {}) });

        // GET /api/regions
        const regions = await listRegions(s.t.ctx.db, null);
        const regionsRes = await send('GET', '/api/regions');
        if (canOrganise(actor, 'listRegions') && actor !== null) {
          expect(regionsRes.statusCode, cell('GET regions')).toBe(200);
          const seen = (regionsRes.json() as { regions: { id: string }[] }).regions.map((r) => r.id);
          const expected = regions.filter((r) => inScope(actor, { regionId: r.id, departmentId: '' }));
          expect(seen.sort(), cell('GET regions')).toEqual(expected.map((r) => r.id).sort());
          expect(seen.length, cell('GET regions')).toBeGreaterThan(0);
          for (const r of regions) if (!seen.includes(r.id)) expect(regionsRes.body, cell('GET regions')).not.toContain(r.name);
        } else {
          expect(regionsRes.statusCode, cell('GET regions')).toBe(refusal(actor));
          for (const r of regions) expect(regionsRes.body).not.toContain(r.name);
        }

        // GET /api/departments
        const departments = await listDepartments(s.t.ctx.db, null);
        const departmentsRes = await send('GET', '/api/departments');
        if (canOrganise(actor, 'listDepartments') && actor !== null) {
          expect(departmentsRes.statusCode, cell('GET departments')).toBe(200);
          const seen = (departmentsRes.json() as { departments: { id: string; unitCount: number | null }[] }).departments;
          const expected = departments.filter((d) => inScope(actor, { regionId: d.regionId, departmentId: d.id }));
          expect(seen.map((d) => d.id).sort(), cell('GET departments')).toEqual(expected.map((d) => d.id).sort());
          expect(seen.length, cell('GET departments')).toBeGreaterThan(0);
          for (const d of departments) if (!seen.some((s) => s.id === d.id)) expect(departmentsRes.body, cell('GET departments')).not.toContain(d.name);
        } else {
          expect(departmentsRes.statusCode, cell('GET departments')).toBe(refusal(actor));
          for (const d of departments) expect(departmentsRes.body).not.toContain(d.name);
        }

        // POST /api/regions
        const regionName = `新区-${caller}`;
        const createdRegion = await send('POST', '/api/regions', { name: regionName });
        const regionRows = (await listRegions(s.t.ctx.db, null)).filter((r) => r.name === regionName);
        if (canOrganise(actor, 'createRegion')) {
          expect(createdRegion.statusCode, cell('POST regions')).toBe(201);
          expect(createdRegion.json(), cell('POST regions')).toEqual({ id: regionRows[0]?.id, name: regionName });
        } else {
          expect(createdRegion.statusCode, cell('POST regions')).toBe(refusal(actor));
          expect(regionRows, cell('POST regions')).toEqual([]);
        }

        // PATCH /api/regions/:id, on every region and on none
        for (const [key, id] of [...Object.entries(s.world.regions), ['missing', 'no-such-region']] as const) {
          const before = (await listRegions(s.t.ctx.db, null)).find((r) => r.id === id);
          const renamed = await send('PATCH', `/api/regions/${id}`, { name: `${before?.name ?? 'x'}（更名）` });
          const after = (await listRegions(s.t.ctx.db, null)).find((r) => r.id === id);
          if (!canOrganise(actor, 'renameRegion')) {
            expect(renamed.statusCode, cell(`PATCH region ${key}`)).toBe(refusal(actor));
            expect(after, cell(`PATCH region ${key}`)).toEqual(before);
            if (before) expect(renamed.body).not.toContain(before.name);
          } else if (!before) {
            expect(renamed.statusCode, cell(`PATCH region ${key}`)).toBe(404);
          } else {
            expect(renamed.statusCode, cell(`PATCH region ${key}`)).toBe(200);
            expect(after, cell(`PATCH region ${key}`)).toEqual({ id, name: `${before.name}（更名）` });
            expect(renamed.json()).toEqual(after);
            await send('PATCH', `/api/regions/${id}`, { name: before.name });
            expect((await listRegions(s.t.ctx.db, null)).find((r) => r.id === id)).toEqual(before);
          }
        }

        // POST /api/departments (into the caller's own region, where they have one)
        const departmentName = `新部门-${caller}`;
        const createdDepartment = await send('POST', '/api/departments', { regionId: s.world.regions.r1, name: departmentName, unitCount: 4 });
        const departmentRows = (await listDepartments(s.t.ctx.db, null)).filter((d) => d.name === departmentName);
        if (canOrganise(actor, 'createDepartment')) {
          expect(createdDepartment.statusCode, cell('POST departments')).toBe(201);
          expect(createdDepartment.json(), cell('POST departments')).toEqual({ id: departmentRows[0]?.id, regionId: s.world.regions.r1, name: departmentName, unitCount: 4 });
        } else {
          expect(createdDepartment.statusCode, cell('POST departments')).toBe(refusal(actor));
          expect(departmentRows, cell('POST departments')).toEqual([]);
        }

        // PATCH /api/departments/:id, on every department (own, same region, other region) and on none
        for (const [key, id] of [...Object.entries(s.world.departments), ['missing', 'no-such-department']] as const) {
          const before = (await listDepartments(s.t.ctx.db, null)).find((d) => d.id === id);
          const renamed = await send('PATCH', `/api/departments/${id}`, { name: `${before?.name ?? 'x'}（更名）`, unitCount: 9 });
          const after = (await listDepartments(s.t.ctx.db, null)).find((d) => d.id === id);
          if (!canOrganise(actor, 'renameDepartment')) {
            expect(renamed.statusCode, cell(`PATCH ${key}`)).toBe(refusal(actor));
            expect(after, cell(`PATCH ${key}`)).toEqual(before);
            if (before) expect(renamed.body).not.toContain(before.name);
          } else if (!before) {
            expect(renamed.statusCode, cell(`PATCH ${key}`)).toBe(404);
          } else {
            expect(renamed.statusCode, cell(`PATCH ${key}`)).toBe(200);
            expect(after, cell(`PATCH ${key}`)).toEqual({ ...before, name: `${before.name}（更名）`, unitCount: 9 });
            expect(renamed.json()).toEqual(after);
            await send('PATCH', `/api/departments/${id}`, { name: before.name, unitCount: before.unitCount });
            expect((await listDepartments(s.t.ctx.db, null)).find((d) => d.id === id)).toEqual(before);
          }
        }
      });
    }

    it('spot checks, by hand: a reviewer lists their region, a head their department, and neither creates', async () => {
      const names = async (caller: AccountKey, url: string, key: 'regions' | 'departments') => {
        const res = await s.t.app.inject({ method: 'GET', url, headers: as(s.client(caller)) });
        return res.statusCode === 200 ? (res.json() as Record<string, { name: string }[]>)[key]?.map((x) => x.name).filter((n) => !n.startsWith('新')) : res.statusCode;
      };
      expect(await names('reviewer1', '/api/departments', 'departments')).toEqual(['甲区教育局', '甲区科技局']);
      expect(await names('reviewer2', '/api/regions', 'regions')).toEqual(['乙区']);
      expect(await names('head1', '/api/departments', 'departments')).toEqual(['甲区科技局']);
      expect(await names('editor3', '/api/regions', 'regions')).toBe(403);
      const post = async (caller: AccountKey) => (await s.t.app.inject({ method: 'POST', url: '/api/regions', headers: as(s.client(caller)), payload: { name: '丙区' } })).statusCode;
      expect(await post('reviewer1')).toBe(403);
      expect(await post('head1')).toBe(403);
      expect(await post('admin')).toBe(201);
    });

    it('an administrator is told what is wrong: unknown region 404, taken names 409, bad bodies 400', async () => {
      const admin = s.client('admin');
      const send = (method: 'POST' | 'PATCH', url: string, payload: object) => s.t.app.inject({ method, url, headers: as(admin, { 'accept-language': 'en' }), payload });
      expect((await send('POST', '/api/departments', { regionId: 'no-such-region', name: '某局' })).statusCode).toBe(404);
      const taken = await send('POST', '/api/departments', { regionId: s.world.regions.r1, name: '甲区科技局' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toEqual({ error: { code: 'api.conflict', message: 'Already exists: 甲区科技局' } });
      expect((await send('POST', '/api/departments', { regionId: s.world.regions.r2, name: '甲区科技局' })).statusCode).toBe(201); // names are unique per region
      expect((await send('POST', '/api/regions', { name: '甲区' })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/regions/${s.world.regions.r2}`, { name: '甲区' })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/regions/${s.world.regions.r1}`, { name: '甲区' })).statusCode).toBe(200); // its own name is not taken
      expect((await send('PATCH', `/api/departments/${s.world.departments.d1}`, { name: '甲区教育局' })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/departments/${s.world.departments.d1}`, {})).statusCode).toBe(400);
      expect((await send('POST', '/api/regions', { name: '  ' })).statusCode).toBe(400);
      expect((await send('POST', '/api/departments', { regionId: s.world.regions.r1, name: '某局', unitCount: -1 })).statusCode).toBe(400);
    });

    it('the endpoints are in the OpenAPI description', async () => {
      const spec = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      expect(Object.keys(spec.paths['/api/regions'] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(spec.paths['/api/departments'] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(spec.paths['/api/departments/{id}'] ?? {})).toEqual(['patch']);
      expect(Object.keys(spec.paths['/api/regions/{id}'] ?? {})).toEqual(['patch']);
    });
  });
}
