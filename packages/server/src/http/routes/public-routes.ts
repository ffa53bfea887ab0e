/** Without signing in: published forms, their summaries and downloads; nothing unpublished. */
import { z } from 'zod';
import { getForm } from '../../services/form-service.js';
import { publishedForms, publishedSummary } from '../../services/public-service.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { presentFormJson, presentSummary } from '../presenters.js';
import { exportRoute } from './file-routes.js';

const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2200).optional() });

/** /api/public/… */
export function registerPublicRoutes(app: App, deps: RouteDeps): void {
  const { ctx } = deps;
  app.get('/api/public/forms', { schema: { tags: ['public'], summary: 'Published forms', querystring: yearQuery } }, async (request) => ({
    forms: (await publishedForms(ctx, request.query.year)).map(presentSummary),
  }));

  app.get('/api/public/summary', { schema: { tags: ['public'], summary: 'Published forms in figures: count, average total, grades', querystring: yearQuery } }, async (request) =>
    publishedSummary(ctx, request.query.year),
  );

  app.get('/api/public/forms/:id', { schema: { tags: ['public'], summary: 'A published form', params: z.object({ id: z.string().min(1).max(100) }) } }, async (request, reply) => {
    // The public is the null actor whatever cookie came along: it reads what is published and nothing else.
    const view = await getForm(ctx, null, request.params.id);
    return reply.type('application/json; charset=utf-8').send(presentFormJson(view, langOf(request)));
  });

  app.get(
    '/api/public/forms/:id/export/:format',
    { schema: { tags: ['public'], summary: 'Download a published form', params: z.object({ id: z.string().min(1).max(100), format: z.string().regex(/^[a-z]{2,5}$/u) }) } },
    async (request, reply) => {
      request.session = null;
      return exportRoute(deps, request, reply, request.params.id, request.params.format);
    },
  );
}
