/**
 * 3. 自评与复核差异: the reviewed forms, those whose self-scores outrun the finance reviewer's most first.
 *
 * The reviewed total is core's `reviewedTotal`: the reviewer's score on each applicable 三级指标 where one was
 * given, the self-score elsewhere, 不适用 left out, not rescaled. It is compared with the self-scores summed
 * the same way (the 总分 before any 不适用 rescaling, equal to it when nothing is 不适用), so the gap is the
 * review's doing alone. Only forms with at least one reviewer's score count.
 */
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { reviewGaps } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { points } from './analysis-numbers.js';

export interface ReviewGapRowFigure {
  formId: string;
  departmentId: string;
  departmentName: string;
  selfTotal: number;
  reviewedTotal: number;
  /** self − reviewed: positive where the department scored itself higher than the reviewer did. */
  gap: number;
  /** 三级指标 the reviewer scored. */
  reviewedIndicators: number;
}

export interface ReviewGapFigure {
  reviewedForms: number;
  rows: ReviewGapRowFigure[];
}

/** The `limit` widest gaps of a scope (or of one department across every year). */
export async function reviewGapFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, limit: number, departmentId?: string): Promise<ReviewGapFigure> {
  const found = await reviewGaps(ctx.db, scope, limit, departmentId);
  return {
    reviewedForms: found.reviewedForms,
    rows: found.rows.map((r) => ({
      formId: r.formId,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      selfTotal: points(r.selfSumUnits),
      reviewedTotal: points(r.selfSumUnits + r.deltaUnits),
      gap: points(-r.deltaUnits),
      reviewedIndicators: r.reviewedLeaves,
    })),
  };
}
