/** Templates and yearly tasks. */
import { level1GroupSchema } from '@jixiao/core/schema';
import { z } from 'zod';
import { issueTask, saveTemplate, visibleTasks, visibleTemplates } from '../../services/task-service.js';
import type { App, RouteDeps } from '../app.js';
import { requireActor } from '../request-auth.js';

const year = z.number().int().min(1990).max(2200);

/** /api/templates, /api/tasks. */
export function registerTaskRoutes(app: App, { ctx }: RouteDeps): void {
  app.get('/api/templates', { schema: { tags: ['tasks'], summary: 'Templates of the caller’s region' } }, async (request) => {
    const templates = await visibleTemplates(ctx, requireActor(request));
    return { templates: templates.map((t) => ({ id: t.id, regionId: t.regionId, year: t.year, version: t.version, createdAt: t.createdAt, indicators: (JSON.parse(t.documentJson) as { indicators: unknown }).indicators })) };
  });

  app.post(
    '/api/templates',
    { schema: { tags: ['tasks'], summary: "A new version of a region's template for a year", body: z.object({ regionId: z.string().min(1), year, indicators: z.array(level1GroupSchema).max(20) }) } },
    async (request, reply) => {
      const t = await saveTemplate(ctx, requireActor(request), request.body.regionId, request.body.year, { indicators: request.body.indicators });
      return reply.status(201).send({ id: t.id, regionId: t.regionId, year: t.year, version: t.version, createdAt: t.createdAt });
    },
  );

  app.get('/api/tasks', { schema: { tags: ['tasks'], summary: 'Tasks of the caller’s region' } }, async (request) => ({ tasks: await visibleTasks(ctx, requireActor(request)) }));

  app.post(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: "Issue a year's task with a deadline to departments: creates each one's draft from the template and last year's duty indicators",
        body: z.object({ regionId: z.string().min(1), year, deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u), departmentIds: z.array(z.string().min(1)).min(1).max(1_000) }),
      },
    },
    async (request, reply) => reply.status(201).send(await issueTask(ctx, requireActor(request), request.body)),
  );
}
