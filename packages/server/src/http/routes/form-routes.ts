/** Forms: list, read, save (If-Match), transitions, reviews, history, comparing versions. */
import { TRANSITION_ACTIONS } from '@jixiao/core';
import { formDocumentSchema } from '@jixiao/core/schema';
import { z } from 'zod';
import { compareVersions, formHistory, getForm, listVisibleForms, reviewIndicator, saveForm, transitionForm } from '../../services/form-service.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { formAnswer, formSummaryAnswer, presentChanges, presentFormJson, presentHistory, presentSummary } from '../presenters.js';
import { ifMatchVersion, requireActor } from '../request-auth.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2200).optional() });

/** /api/forms… */
export function registerFormRoutes(app: App, { ctx }: RouteDeps): void {
  app.get('/api/forms', { schema: { tags: ['forms'], summary: 'The forms the caller may see, each with its task\'s deadline', querystring: yearQuery, response: { 200: z.object({ forms: z.array(formSummaryAnswer) }) } } }, async (request) => {
    const forms = await listVisibleForms(ctx, requireActor(request), request.query.year);
    return { forms: forms.map(presentSummary) };
  });

  app.get(
    '/api/forms/:id',
    { schema: { tags: ['forms'], summary: 'A form: document, version (also as ETag), total, grade, findings, reviews, abilities, task deadline', params: idParams, response: { 200: formAnswer } } },
    async (request, reply) => {
      const view = await getForm(ctx, requireActor(request), request.params.id);
      // The answer is the bytes of its JSON (the stored document spliced in): Fastify sends a Buffer as it is,
      // past the response serializer, so the schema above documents the answer without re-parsing the document.
      const json = presentFormJson(view, langOf(request)) as unknown as z.infer<typeof formAnswer>;
      return reply.header('etag', `"${view.form.version}"`).type('application/json; charset=utf-8').send(json);
    },
  );

  app.put(
    '/api/forms/:id',
    { schema: { tags: ['forms'], summary: 'Save the document; If-Match carries the version read (stale → 409 with the current one)', params: idParams, body: formDocumentSchema } },
    async (request, reply) => {
      const view = await saveForm(ctx, requireActor(request), request.params.id, ifMatchVersion(request), request.body);
      return reply.header('etag', `"${view.form.version}"`).type('application/json; charset=utf-8').send(presentFormJson(view, langOf(request)));
    },
  );

  app.post(
    '/api/forms/:id/transitions',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Submit, return (with comments overall and per indicator), approve or publish',
        params: idParams,
        body: z.object({
          action: z.enum(TRANSITION_ACTIONS),
          comment: z.string().max(10_000).default(''),
          indicatorComments: z.array(z.object({ indicatorId: z.string().min(1).max(100), comment: z.string().min(1).max(10_000) })).max(500).default([]),
          version: z.number().int().positive().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { action, comment, indicatorComments, version } = request.body;
      const view = await transitionForm(ctx, requireActor(request), request.params.id, { action, comment, indicatorComments, expectedVersion: version ?? null });
      return reply.header('etag', `"${view.form.version}"`).type('application/json; charset=utf-8').send(presentFormJson(view, langOf(request)));
    },
  );

  app.put(
    '/api/forms/:id/reviews/:indicatorId',
    {
      schema: {
        tags: ['workflow'],
        summary: "The reviewer's score and comment on one indicator, beside the self-score",
        params: z.object({ id: z.string().min(1).max(100), indicatorId: z.string().min(1).max(100) }),
        body: z.object({ score: z.number().min(-100).max(100).nullable(), comment: z.string().max(10_000).default('') }),
      },
    },
    async (request) => {
      const review = await reviewIndicator(ctx, requireActor(request), request.params.id, request.params.indicatorId, request.body);
      return { indicatorId: review.indicatorId, score: review.score, comment: review.comment, updatedAt: review.updatedAt };
    },
  );

  app.get('/api/forms/:id/history', { schema: { tags: ['forms'], summary: 'The audit log: who, when, what changed', params: idParams } }, async (request) => {
    return { history: presentHistory(await formHistory(ctx, requireActor(request), request.params.id)) };
  });

  app.get(
    '/api/forms/:id/compare',
    { schema: { tags: ['forms'], summary: 'What changed between two versions', params: idParams, querystring: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }) } },
    async (request) => {
      const { from, to } = request.query;
      return presentChanges(from, to, await compareVersions(ctx, requireActor(request), request.params.id, from, to));
    },
  );
}
