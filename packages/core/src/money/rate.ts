/** 完成率 / 执行率 (execution rate) = executed / budgeted, exact. */
import { div, exact, mul, type Exact } from './exact.js';

/** executed / budgeted as an exact fraction, or `null` when either is blank or nothing was budgeted. */
export function executionRate(executed: number | null, budgeted: number | null): Exact | null {
  if (executed === null || budgeted === null || budgeted === 0) return null;
  return div(exact(executed), exact(budgeted));
}

/** The rate as a percentage (× 100), still exact. */
export function asPercent(rate: Exact): Exact {
  return mul(rate, { num: 100n, den: 1n });
}

/** A percentage (98.27) as a rate (0.9827). */
export function fromPercent(percent: number): Exact {
  return div(exact(percent), { num: 100n, den: 1n });
}
