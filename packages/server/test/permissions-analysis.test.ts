/**
 * Every role against every analysis endpoint, in every scope: the dashboard and its downloads for
 * administrators (any region) and reviewers (their own region; another is 403), a department's history for
 * anyone whose scope holds it (404 otherwise, so its existence is not disclosed), nothing for the public
 * (401). The expected outcome of each cell is core's `ANALYSIS_PERMISSIONS` (through `canAnalyse`),
 * `analysisRegionScope` and `inScope`; no refused answer carries a department's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@jixiao/core';
import { analysisRegionScope, canAnalyse, inScope } from '@jixiao/core';
import { DIALECTS } from './helpers/dialects.js';
import { as, buildForm, CALLERS } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';

const NAMES = { d1: '甲区科技局', d2: '甲区教育局', d3: '乙区民政局' } as const;

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`analysis permissions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const refusal = (actor: Actor | null) => (actor === null ? 401 : 403);

    beforeAll(async () => {
      for (const d of ['d1', 'd2', 'd3'] as const) await buildForm(s.t.ctx, s.world, s.world.departments[d], 'submitted', 2021);
    });

    for (const caller of CALLERS) {
      it(`${caller}: the dashboard and its downloads in their reach only, a department's history in their scope only`, async () => {
        const actor = s.actorOf(caller);
        const send = (url: string) => s.t.app.inject({ method: 'GET', url, headers: as(s.client(caller)) });
        const cell = (what: string) => `${caller} ${what}`;

        for (const region of [null, 'r1', 'r2'] as const) {
          const regionId = region === null ? null : s.world.regions[region];
          const query = `year=2021${regionId === null ? '' : `&regionId=${regionId}`}`;
          const reach = actor === null ? null : analysisRegionScope(actor);
          const allowed = canAnalyse(actor, 'dashboard') && reach !== null && (reach.all || regionId === null || regionId === reach.regionId);
          for (const url of [`/api/analysis/dashboard?${query}`, `/api/analysis/tables/status?${query}`]) {
            const res = await send(url);
            const what = cell(`GET ${url}`);
            if (!allowed || actor === null) {
              expect(res.statusCode, what).toBe(refusal(actor));
              for (const name of Object.values(NAMES)) expect(res.body, what).not.toContain(name);
              continue;
            }
            expect(res.statusCode, what).toBe(200);
            if (!url.includes('/dashboard')) continue;
            const seen = new Set((res.json() as { status: { rows: { departmentId: string }[] } }).status.rows.map((r) => r.departmentId));
            for (const d of ['d1', 'd2', 'd3'] as const) {
              const id = s.world.departments[d];
              const inReach = (regionId === null || s.world.regionOf[id] === regionId) && inScope(actor, { regionId: s.world.regionOf[id] ?? '', departmentId: id });
              expect(seen.has(id), `${what} ${d}`).toBe(inReach);
              if (!inReach) expect(res.body, `${what} ${d}`).not.toContain(NAMES[d]);
            }
          }
        }

        for (const [key, id] of [...Object.entries(s.world.departments), ['missing', 'no-such-department']] as const) {
          const res = await send(`/api/analysis/departments/${id}`);
          const what = cell(`GET departments/${key}`);
          const regionId = s.world.regionOf[id];
          if (actor === null || !canAnalyse(actor, 'departmentHistory')) {
            expect(res.statusCode, what).toBe(refusal(actor));
          } else if (regionId === undefined || !inScope(actor, { regionId, departmentId: id })) {
            expect(res.statusCode, what).toBe(404);
          } else {
            expect(res.statusCode, what).toBe(200);
            const body = res.json() as { department: { id: string }; years: { year: number }[] };
            expect(body.department.id, what).toBe(id);
            expect(body.years.map((y) => y.year), what).toEqual([2021]);
            continue;
          }
          for (const name of Object.values(NAMES)) expect(res.body, what).not.toContain(name);
        }
      });
    }
  });
}
