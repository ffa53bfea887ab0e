/** Without signing in: published forms, their summaries and downloads; nothing unpublished. */
import { OPEN_DATA_TABLES } from '@jixiao/io';
import { z } from 'zod';
import { ApiError } from '../../services/api-error.js';
import { getForm } from '../../services/form-service.js';
import { OpenDataCache } from '../../services/open-data-cache.js';
import { openDataFileName } from '../../services/open-data-service.js';
import { publicRanking, publishedForms, publishedSummary, publishedYears } from '../../services/public-service.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { formSummaryAnswer, presentFormJson, presentSummary } from '../presenters.js';
import { exportRoute, sendFile } from './file-routes.js';

const year = z.coerce.number().int().min(1990).max(2200);
const yearQuery = z.object({ year: year.optional() });
const OPEN_DATA_PATHS = ['datapackage.json', ...OPEN_DATA_TABLES.map((t) => t.path)] as [string, ...string[]];

/**
 * The source named in datapackage.json: the year's public index on the site that served the package. A path,
 * not a URL built from the Host header, which the caller chooses (and would split the kept packages).
 */
function publicIndexPath(y: number): string {
  return `/public/${y}`;
}

/** /api/public/… */
export function registerPublicRoutes(app: App, deps: RouteDeps): void {
  const { ctx } = deps;
  const openData = new OpenDataCache();
  app.get('/api/public/forms', { schema: { tags: ['public'], summary: 'Published forms', querystring: yearQuery } }, async (request) => ({
    forms: (await publishedForms(ctx, request.query.year)).map(presentSummary),
  }));

  app.get('/api/public/summary', { schema: { tags: ['public'], summary: 'Published forms in figures: count, average total, grades', querystring: yearQuery } }, async (request) =>
    publishedSummary(ctx, request.query.year),
  );

  app.get(
    '/api/public/years',
    { schema: { tags: ['public'], summary: 'The years that have published forms, latest first', response: { 200: z.object({ years: z.array(z.object({ year: z.number().int(), count: z.number().int() })) }) } } },
    async () => ({ years: await publishedYears(ctx) }),
  );

  app.get(
    '/api/public/ranking',
    {
      schema: {
        tags: ['public'],
        summary: "The public index of a year: published forms ranked by grade (优 → 良 → 中 → 差), then total, then name (the latest published year when none is given)",
        querystring: yearQuery,
        response: { 200: z.object({ year: z.number().int().nullable(), forms: z.array(formSummaryAnswer.extend({ rank: z.number().int() })) }) },
      },
    },
    async (request) => {
      const ranking = await publicRanking(ctx, request.query.year);
      return { year: ranking.year, forms: ranking.forms.map((f) => ({ ...presentSummary(f), rank: f.rank })) };
    },
  );

  app.get(
    '/api/public/open-data/:year.zip',
    {
      schema: {
        tags: ['public'],
        summary: "A year's open-data package (.zip): summaries.csv, expenditure.csv (万元, budgeted/executed), indicators.csv (self and review scores) and datapackage.json; published forms only, 404 when nothing is published that year",
        params: z.object({ year }),
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const { zip } = await openData.package(ctx, request.params.year, publicIndexPath(request.params.year));
      return sendFile(reply, zip, openDataFileName(request.params.year), 'application/zip');
    },
  );

  app.get(
    '/api/public/open-data/:year/:file',
    {
      schema: {
        tags: ['public'],
        summary: "One file of a year's open-data package: datapackage.json or one of its CSV files",
        params: z.object({ year, file: z.enum(OPEN_DATA_PATHS) }),
        produces: ['application/json', 'text/csv'],
      },
    },
    async (request, reply) => {
      const { year: y, file } = request.params;
      const found = (await openData.package(ctx, y, publicIndexPath(y))).files.find((f) => f.path === file);
      if (found === undefined) throw new ApiError('api.notFound');
      return sendFile(reply, found.bytes, `${y}-${found.path}`, found.mediaType);
    },
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
