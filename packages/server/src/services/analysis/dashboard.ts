/**
 * The dashboard: every figure of one year for the actor's scope and filter, each with the table behind it,
 * and one table as an .xlsx workbook. Lists are bounded (top `TOP_ROWS`, pages of `PAGE_ROWS`); a download
 * holds up to `DOWNLOAD_ROWS` rows of its table.
 */
import type { Actor, Lang } from '@jixiao/core';
import type { TableSheet } from '@jixiao/io';
import { writeTableWorkbook } from '@jixiao/io';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { analysisYears } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import type { AnalysisTableName } from './analysis-tables.js';
import { executionTable, gapsTable, gradesTable, highMarksTable, lostPointsTable, statusTable, yearOverYearTable } from './analysis-tables.js';
import type { AnalysisFilter } from './analysis-scope.js';
import { dashboardScope, DOWNLOAD_ROWS, PAGE_ROWS, TOP_ROWS } from './analysis-scope.js';
import type { ExecutionFigure } from './expenditure-execution.js';
import { executionFigure } from './expenditure-execution.js';
import type { GradeDistributionFigure } from './grade-distribution.js';
import { gradeDistributionFigure } from './grade-distribution.js';
import type { HighMarksFigure } from './high-marks-low-spending.js';
import { highMarksFigure } from './high-marks-low-spending.js';
import type { LostPointsFigure } from './lost-points.js';
import { lostPointsFigure } from './lost-points.js';
import type { ReviewGapFigure } from './review-gaps.js';
import { reviewGapFigure } from './review-gaps.js';
import type { SubmissionStatusFigure } from './submission-status.js';
import { submissionStatusFigure } from './submission-status.js';
import type { YearOverYearFigure } from './year-over-year.js';
import { yearOverYearFigure } from './year-over-year.js';

/** Which page of the paged figures. */
export interface DashboardPages {
  statusOffset?: number | undefined;
  yearOverYearOffset?: number | undefined;
}

export interface Dashboard {
  filter: { year: number; regionId: string | null; grade: AnalysisScope['grade'] };
  /** The years with forms in the actor's reach, newest first (for the year picker). */
  years: number[];
  status: SubmissionStatusFigure;
  grades: GradeDistributionFigure;
  gaps: ReviewGapFigure;
  execution: ExecutionFigure;
  lostPoints: LostPointsFigure;
  highMarks: HighMarksFigure;
  yearOverYear: YearOverYearFigure;
  tables: Record<AnalysisTableName, TableSheet>;
}

/**
 * The scope of a filter, its year defaulting to the latest with counted forms (else the latest with any, else
 * this year); the years offered are every year with forms.
 */
async function resolvedScope(ctx: Pick<ServiceContext, 'db' | 'clock'>, actor: Actor | null, filter: AnalysisFilter): Promise<{ scope: AnalysisScope; years: number[] }> {
  const reach = dashboardScope(actor, { ...filter, year: filter.year ?? 0 });
  const years = await analysisYears(ctx.db, reach.regionId);
  const counted = filter.year === undefined ? await analysisYears(ctx.db, reach.regionId, reach.states) : [];
  return { scope: { ...reach, year: filter.year ?? counted[0] ?? years[0] ?? ctx.clock().getUTCFullYear() }, years };
}

/** Every figure of the dashboard (401/403 as `dashboardScope` says). */
export async function dashboard(ctx: Pick<ServiceContext, 'db' | 'clock'>, actor: Actor | null, filter: AnalysisFilter, pages: DashboardPages, lang: Lang): Promise<Dashboard> {
  const { scope, years } = await resolvedScope(ctx, actor, filter);
  const status = await submissionStatusFigure(ctx, scope, { offset: pages.statusOffset ?? 0, limit: PAGE_ROWS });
  const grades = await gradeDistributionFigure(ctx, scope);
  const gaps = await reviewGapFigure(ctx, scope, TOP_ROWS);
  const execution = await executionFigure(ctx, scope);
  const lostPoints = await lostPointsFigure(ctx, scope, TOP_ROWS);
  const highMarks = await highMarksFigure(ctx, scope, TOP_ROWS);
  const yearOverYear = await yearOverYearFigure(ctx, scope, { offset: pages.yearOverYearOffset ?? 0, limit: PAGE_ROWS });
  return {
    filter: { year: scope.year, regionId: scope.regionId, grade: scope.grade },
    years,
    status,
    grades,
    gaps,
    execution,
    lostPoints,
    highMarks,
    yearOverYear,
    tables: {
      status: statusTable(status, lang),
      grades: gradesTable(grades, lang),
      gaps: gapsTable(gaps, lang),
      execution: executionTable(execution, lang),
      lostPoints: lostPointsTable(lostPoints, lang),
      highMarks: highMarksTable(highMarks, lang),
      yearOverYear: yearOverYearTable(yearOverYear, lang),
    },
  };
}

/** One table of the dashboard in full (up to `DOWNLOAD_ROWS` rows), as it would show, for a download. */
export async function dashboardTable(ctx: Pick<ServiceContext, 'db' | 'clock'>, actor: Actor | null, filter: AnalysisFilter, name: AnalysisTableName, lang: Lang): Promise<{ year: number; table: TableSheet }> {
  const { scope } = await resolvedScope(ctx, actor, filter);
  return { year: scope.year, table: await tableOf(ctx, scope, name, lang) };
}

async function tableOf(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, name: AnalysisTableName, lang: Lang): Promise<TableSheet> {
  const all = { offset: 0, limit: DOWNLOAD_ROWS };
  switch (name) {
    case 'status':
      return statusTable(await submissionStatusFigure(ctx, scope, all), lang);
    case 'grades':
      return gradesTable(await gradeDistributionFigure(ctx, scope), lang);
    case 'gaps':
      return gapsTable(await reviewGapFigure(ctx, scope, DOWNLOAD_ROWS), lang);
    case 'execution':
      return executionTable(await executionFigure(ctx, scope), lang);
    case 'lostPoints':
      return lostPointsTable(await lostPointsFigure(ctx, scope, DOWNLOAD_ROWS), lang);
    case 'highMarks':
      return highMarksTable(await highMarksFigure(ctx, scope, DOWNLOAD_ROWS), lang);
    case 'yearOverYear':
      return yearOverYearTable(await yearOverYearFigure(ctx, scope, all), lang);
  }
}

/** The table as .xlsx bytes, named after its title and year (高分低执行-2021.xlsx). */
export async function dashboardWorkbook(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  actor: Actor | null,
  filter: AnalysisFilter,
  name: AnalysisTableName,
  lang: Lang,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { year, table } = await dashboardTable(ctx, actor, filter, name, lang);
  return { fileName: `${table.title}-${year}.xlsx`, bytes: await writeTableWorkbook([table]) };
}
