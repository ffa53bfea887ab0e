/** Organisations: regions and departments (with their 单位数). */
import { z } from 'zod';
import { changeDepartment, createDepartment, createRegion, renameRegion, visibleDepartments, visibleRegions } from '../../services/organisation-service.js';
import type { App, RouteDeps } from '../app.js';
import { presentDepartment, presentRegion } from '../presenters.js';
import { requireActor } from '../request-auth.js';

const name = z.string().trim().min(1).max(200);
const unitCount = z.number().int().min(0).max(100_000).nullable();

/** /api/regions, /api/departments. */
export function registerOrganisationRoutes(app: App, { ctx }: RouteDeps): void {
  app.get('/api/regions', { schema: { tags: ['organisations'], summary: 'Regions the caller works with (administrators: all; reviewers: theirs)' } }, async (request) => ({
    regions: (await visibleRegions(ctx, requireActor(request))).map(presentRegion),
  }));

  app.post('/api/regions', { schema: { tags: ['organisations'], summary: 'Create a region (administrators)', body: z.object({ name }) } }, async (request, reply) =>
    reply.status(201).send(presentRegion(await createRegion(ctx, requireActor(request), request.body.name))),
  );

  app.patch(
    '/api/regions/:id',
    { schema: { tags: ['organisations'], summary: 'Rename a region (administrators)', params: z.object({ id: z.string().min(1).max(100) }), body: z.object({ name }) } },
    async (request) => presentRegion(await renameRegion(ctx, requireActor(request), request.params.id, request.body.name)),
  );

  app.get('/api/departments', { schema: { tags: ['organisations'], summary: 'Departments the caller works with (reviewers: their region’s; heads and editors: their own)' } }, async (request) => ({
    departments: (await visibleDepartments(ctx, requireActor(request))).map(presentDepartment),
  }));

  app.post(
    '/api/departments',
    { schema: { tags: ['organisations'], summary: 'Create a department of a region with its number of subordinate units (administrators)', body: z.object({ regionId: z.string().min(1).max(100), name, unitCount: unitCount.default(null) }) } },
    async (request, reply) => reply.status(201).send(presentDepartment(await createDepartment(ctx, requireActor(request), request.body))),
  );

  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename a department or change its number of subordinate units (administrators)',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({ name: name.optional(), unitCount: unitCount.optional() }).refine((b) => b.name !== undefined || b.unitCount !== undefined, { message: 'name or unitCount' }),
      },
    },
    async (request) => presentDepartment(await changeDepartment(ctx, requireActor(request), request.params.id, request.body)),
  );
}
