/** Accounts. */
import { ROLES } from '@jixiao/core';
import { z } from 'zod';
import { addUser } from '../../services/auth-service.js';
import type { App, RouteDeps } from '../app.js';
import { presentUser } from '../presenters.js';
import { requireActor } from '../request-auth.js';

/** /api/users. */
export function registerAdminRoutes(app: App, { ctx }: RouteDeps): void {
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
