/**
 * What the analysis counts and who may ask: the states a form must be in to be counted (handed in and not
 * taken back: 已提交, 已审核, 已公开 — drafts and returned forms are still being written), the thresholds it
 * flags by (core's, so the dashboard and the checks agree), and the actor's filter turned into a scope.
 */
import type { Actor, FormState, Grade } from '@jixiao/core';
import { analysisRegionScope, canAnalyse, GRADE_BANDS, LOW_RATE_PERCENT } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { ApiError } from '../api-error.js';
import { SCORE_SCALE } from './form-facts.js';

/** The states of the forms the figures count. */
export const ANALYSED_STATES: readonly FormState[] = ['submitted', 'approved', 'published'];

/** An execution rate below this percentage is flagged low (core's threshold for 未能完成原因). */
export const LOW_EXECUTION_PERCENT = LOW_RATE_PERCENT;

/** "High marks": a total of 良 or better (≥ 80). */
export const HIGH_MARKS_MIN_TOTAL = GRADE_BANDS.find((b) => b.grade === 'good')?.minTotal ?? 80;
export const HIGH_MARKS_MIN_UNITS = HIGH_MARKS_MIN_TOTAL * SCORE_SCALE;

/** Rows of a ranked list on the dashboard, and of a page of departments. */
export const TOP_ROWS = 20;
export const PAGE_ROWS = 20;
/** Rows of a downloaded table at most (a workbook of every department of a large district stays small). */
export const DOWNLOAD_ROWS = 10_000;

/** The dashboard's filter as asked. */
export interface AnalysisFilter {
  /** Omitted: the latest year with forms in the actor's reach. */
  year?: number | undefined;
  /** One region; omitted: every region the actor sees. */
  regionId?: string | undefined;
  grade?: Grade | undefined;
}

/**
 * The scope of a dashboard request: 401/403 when the actor may not see the dashboard, 403 for a region
 * outside a reviewer's own.
 */
export function dashboardScope(actor: Actor | null, filter: AnalysisFilter & { year: number }): AnalysisScope {
  if (actor === null) throw new ApiError('api.unauthenticated');
  if (!canAnalyse(actor, 'dashboard')) throw new ApiError('api.forbidden');
  const reach = analysisRegionScope(actor);
  if (!reach.all && filter.regionId !== undefined && filter.regionId !== reach.regionId) throw new ApiError('api.forbidden');
  return { year: filter.year, regionId: reach.all ? (filter.regionId ?? null) : reach.regionId, grade: filter.grade ?? null, states: ANALYSED_STATES };
}
