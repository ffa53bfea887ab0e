/** Organisations and accounts. */
import type { Actor } from '@jixiao/core';
import { ROLES } from '@jixiao/core';
import { z } from 'zod';
import { listDepartments } from '../../db/repositories/organisations-repository.js';
import { addUser } from '../../services/auth-service.js';
import type { App, RouteDeps } from '../app.js';
import { presentUser } from '../presenters.js';
import { requireActor } from '../request-auth.js';

/** /api/departments, /api/users. */
export function registerAdminRoutes(app: App, { ctx }: RouteDeps): void {
  app.get('/api/departments', { schema: { tags: ['organisations'], summary: 'Departments the caller works with' } }, async (request) => {
    const actor: Actor = requireActor(request);
    const all = await listDepartments(ctx.db, actor.role === 'reviewer' ? actor.regionId : null);
    const visible = actor.role === 'head' || actor.role === 'editor' ? all.filter((d) => d.id === actor.departmentId) : all;
    return { departments: visible };
  });

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an account (administrators)',
        body: z.object({
          username: z.string().min(1).max(100),
          displayName: z.string().min(1).max(200),
          password: z.string().max(1_000),
          role: z.enum(ROLES),
          regionId: z.string().nullable().default(null),
          departmentId: z.string().nullable().default(null),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(presentUser(await addUser(ctx, requireActor(request), request.body))),
  );
}
