/** Resolving a rate indicator's rate: from the expenditure table or as entered. */
import type { ExpenditureColumn, ExpenditureTable } from '../form/expenditure.js';
import { EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_BREAKDOWNS } from '../form/expenditure.js';
import type { RateSource } from '../form/scoring-method.js';
import type { Exact } from '../money/exact.js';
import { add, div, exact } from '../money/exact.js';
import { executionRate, fromPercent } from '../money/rate.js';

/** The sum of a pair of cells, or null when either is blank. */
function pairSum(cells: Record<ExpenditureColumn, number | null>, pair: readonly [ExpenditureColumn, ExpenditureColumn]): Exact | null {
  const a = cells[pair[0]];
  const b = cells[pair[1]];
  return a === null || b === null ? null : add(exact(a), exact(b));
}

/**
 * The overall budgeted and executed amounts. The three breakdowns are three ways of adding up one total;
 * the first one with all four cells filled and something budgeted gives it (by funding source first, as
 * printed).
 */
export function overallExpenditure(table: ExpenditureTable): { budgeted: Exact; executed: Exact } | null {
  for (const name of EXPENDITURE_BREAKDOWN_NAMES) {
    const pair = EXPENDITURE_BREAKDOWNS[name];
    const budgeted = pairSum(table.budgeted, pair);
    const executed = pairSum(table.executed, pair);
    if (budgeted !== null && executed !== null && budgeted.num !== 0n) return { budgeted, executed };
  }
  return null;
}

/** The overall executed / budgeted (see `overallExpenditure`). */
export function overallExecutionRate(table: ExpenditureTable): Exact | null {
  const overall = overallExpenditure(table);
  return overall === null ? null : div(overall.executed, overall.budgeted);
}

/** The rate (a fraction, 0.9827 for 98.27%) a source gives, or null when the form does not give it. */
export function resolveRate(source: RateSource, table: ExpenditureTable): Exact | null {
  if (source.from === 'entered') return source.percent === null ? null : fromPercent(source.percent);
  if (source.column === 'total') return overallExecutionRate(table);
  return executionRate(table.executed[source.column], table.budgeted[source.column]);
}
