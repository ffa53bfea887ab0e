/**
 * 4. 预算执行: budgeted against executed per column of the expenditure table (the three breakdowns, two columns
 * each) and overall, summed exactly over the counted forms that fill both cells; a column's rate below
 * `LOW_EXECUTION_PERCENT` is flagged, and the overall row says how many forms are below it on their own.
 */
import type { ExpenditureColumn } from '@jixiao/core';
import { EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_BREAKDOWNS } from '@jixiao/core';
import type { ExpenditureBreakdown } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { executionByColumn } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { ratePercent, wan } from './analysis-numbers.js';
import { LOW_EXECUTION_PERCENT } from './analysis-scope.js';

export interface ExecutionRowFigure {
  /** null for the overall row. */
  breakdown: ExpenditureBreakdown | null;
  column: ExpenditureColumn | 'total';
  /** Forms that fill both cells. */
  forms: number;
  /** 万元. */
  budgeted: number;
  executed: number;
  ratePercent: number | null;
  low: boolean;
  /** Forms whose own overall rate is below the threshold (the overall row only; null for a column). */
  lowForms: number | null;
}

export interface ExecutionFigure {
  lowRatePercent: number;
  rows: ExecutionRowFigure[];
}

const breakdownOf = (column: ExpenditureColumn | 'total'): ExpenditureBreakdown | null =>
  EXPENDITURE_BREAKDOWN_NAMES.find((b) => (EXPENDITURE_BREAKDOWNS[b] as readonly string[]).includes(column)) ?? null;

/** Execution per column and overall. */
export async function executionFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope): Promise<ExecutionFigure> {
  const sums = await executionByColumn(ctx.db, scope, LOW_EXECUTION_PERCENT);
  return {
    lowRatePercent: LOW_EXECUTION_PERCENT,
    rows: sums.map((s) => {
      const rate = ratePercent(s.executedUnits, s.budgetedUnits);
      // Compared exactly: executed × 100 < budgeted × threshold, as the query counts forms.
      const low = s.budgetedUnits > 0 && BigInt(s.executedUnits) * 100n < BigInt(s.budgetedUnits) * BigInt(LOW_EXECUTION_PERCENT);
      return { breakdown: breakdownOf(s.column), column: s.column, forms: s.forms, budgeted: wan(s.budgetedUnits), executed: wan(s.executedUnits), ratePercent: rate, low, lowForms: s.lowForms };
    }),
  };
}
