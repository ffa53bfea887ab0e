/** The finance bureau's analysis: the year's dashboard, one of its tables as .xlsx, a department across years. */
import { GRADES } from '@jixiao/core';
import { z } from 'zod';
import { ANALYSIS_TABLES } from '../../services/analysis/analysis-tables.js';
import { dashboard, dashboardWorkbook } from '../../services/analysis/dashboard.js';
import { departmentHistory } from '../../services/analysis/department-history.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { requireActor } from '../request-auth.js';
import { sendFile } from './file-routes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const filterQuery = z.object({
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  regionId: z.string().min(1).max(100).optional(),
  grade: z.enum(GRADES).optional(),
});
const offset = z.coerce.number().int().min(0).max(1_000_000).optional();

/** /api/analysis/… */
export function registerAnalysisRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/analysis/dashboard',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every figure of a year for the caller’s reach (administrators: all regions; reviewers: theirs), with the table behind each chart',
        querystring: filterQuery.extend({ statusOffset: offset, yearOverYearOffset: offset }),
      },
    },
    async (request) => {
      const { statusOffset, yearOverYearOffset, ...filter } = request.query;
      return dashboard(ctx, requireActor(request), filter, { statusOffset, yearOverYearOffset }, langOf(request));
    },
  );

  app.get(
    '/api/analysis/tables/:table',
    {
      schema: {
        tags: ['analysis'],
        summary: 'One table of the dashboard in full, as an .xlsx workbook (headers in `lang`, else the Accept-Language; a plain link can choose)',
        params: z.object({ table: z.enum(ANALYSIS_TABLES) }),
        querystring: filterQuery.extend({ lang: z.enum(['zh', 'en']).optional() }),
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const { fileName, bytes } = await dashboardWorkbook(ctx, requireActor(request), filter, request.params.table, lang ?? langOf(request));
      return sendFile(reply, bytes, fileName, XLSX);
    },
  );

  app.get(
    '/api/analysis/departments/:id',
    { schema: { tags: ['analysis'], summary: 'A department’s forms across years (reviewers: their region’s; heads and editors: their own)', params: z.object({ id: z.string().min(1).max(100) }) } },
    async (request) => departmentHistory(ctx, requireActor(request), request.params.id),
  );
}
