/**
 * A department across years (the dashboard's drill-in): every form it has, in any state (each links to the
 * form), with total, grade and execution rate, and the reviewed forms' gaps. Administrators see every
 * department, reviewers those of their region, heads and editors their own; anything else is 404, so a
 * department's existence is not disclosed.
 */
import type { Actor } from '@jixiao/core';
import { canAnalyse, FORM_STATES, inScope } from '@jixiao/core';
import { formsOfDepartments } from '../../db/repositories/analysis-repository.js';
import { findDepartments, findRegion } from '../../db/repositories/organisations-repository.js';
import { ApiError } from '../api-error.js';
import type { ServiceContext } from '../context.js';
import { ANALYSED_STATES, TOP_ROWS } from './analysis-scope.js';
import type { ReviewGapFigure } from './review-gaps.js';
import { reviewGapFigure } from './review-gaps.js';
import type { DepartmentYearFigure } from './year-over-year.js';
import { departmentYear } from './year-over-year.js';

export interface DepartmentHistoryFigure {
  department: { id: string; name: string; regionId: string; regionName: string; unitCount: number | null };
  /** Every form of the department, oldest year first. */
  years: DepartmentYearFigure[];
  /** Its reviewed forms (counted states) by widest gap. */
  gaps: ReviewGapFigure;
}

/** The department's history, or 401/403/404. */
export async function departmentHistory(ctx: Pick<ServiceContext, 'db'>, actor: Actor | null, departmentId: string): Promise<DepartmentHistoryFigure> {
  if (actor === null) throw new ApiError('api.unauthenticated');
  if (!canAnalyse(actor, 'departmentHistory')) throw new ApiError('api.forbidden');
  const [department] = await findDepartments(ctx.db, [departmentId]);
  if (department === undefined || !inScope(actor, { regionId: department.regionId, departmentId: department.id })) throw new ApiError('api.notFound');
  const region = await findRegion(ctx.db, department.regionId);
  const forms = await formsOfDepartments(ctx.db, [department.id], FORM_STATES);
  const gaps = await reviewGapFigure(ctx, { year: 0, regionId: null, grade: null, states: ANALYSED_STATES }, TOP_ROWS, department.id);
  return {
    department: { id: department.id, name: department.name, regionId: department.regionId, regionName: region?.name ?? '', unitCount: department.unitCount },
    years: forms.map(departmentYear),
    gaps,
  };
}
