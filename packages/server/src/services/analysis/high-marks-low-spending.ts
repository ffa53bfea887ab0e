/**
 * 6. 高分低执行: counted forms of 良 or better (total ≥ 80) whose overall execution rate is below
 * `LOW_EXECUTION_PERCENT` — the widest distance between the score and the spending rate first.
 */
import type { Grade } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { highMarksLowSpending } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { points, ratePercent, wan } from './analysis-numbers.js';
import { HIGH_MARKS_MIN_TOTAL, HIGH_MARKS_MIN_UNITS, LOW_EXECUTION_PERCENT } from './analysis-scope.js';
import { SCORE_SCALE } from './form-facts.js';
import { fraction, mul, roundHalfUp, sub } from '@jixiao/core';

export interface HighMarksRowFigure {
  formId: string;
  departmentId: string;
  departmentName: string;
  total: number;
  grade: Grade;
  budgeted: number;
  executed: number;
  ratePercent: number;
  /** total − rate in percent, two decimals. */
  gap: number;
}

export interface HighMarksFigure {
  minTotal: number;
  lowRatePercent: number;
  forms: number;
  rows: HighMarksRowFigure[];
}

/** The `limit` widest of them, and how many there are. */
export async function highMarksFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, limit: number): Promise<HighMarksFigure> {
  const found = await highMarksLowSpending(ctx.db, scope, { minTotalUnits: HIGH_MARKS_MIN_UNITS, lowPercent: LOW_EXECUTION_PERCENT }, limit);
  return {
    minTotal: HIGH_MARKS_MIN_TOTAL,
    lowRatePercent: LOW_EXECUTION_PERCENT,
    forms: found.forms,
    rows: found.rows.map((r) => {
      const budgeted = r.budgetedUnits ?? 0;
      const executed = r.executedUnits ?? 0;
      const rate = mul(fraction(executed, budgeted), fraction(100, 1));
      return {
        formId: r.formId,
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        total: points(r.totalUnits),
        grade: r.grade,
        budgeted: wan(budgeted),
        executed: wan(executed),
        ratePercent: ratePercent(executed, budgeted) ?? 0,
        gap: roundHalfUp(sub(fraction(r.totalUnits, SCORE_SCALE), rate), 2),
      };
    }),
  };
}
