import { compare, exact, formatFixed, formatPlain, RATE_PERCENT_DECIMALS, sub } from '../../money/exact.js';
import { asPercent } from '../../money/rate.js';
import { overallExecutionRate } from '../../scoring/rate-source.js';
import { termLabel } from '../../glossary.js';
import { HIGH_MARKS_GAP_POINTS } from '../thresholds.js';
import type { Rule } from '../rule.js';

/** 高分低执行: the score rate (total of 100) far above the overall spending rate. */
export const highMarksLowSpending: Rule = {
  id: 'high-marks-low-spending',
  severity: 'warning',
  summary: 'The score rate is more than 5 points above the overall execution rate.',
  check({ form, score }, report) {
    const rate = overallExecutionRate(form.expenditure);
    if (rate === null || score.leaves.length === 0) return;
    const spend = asPercent(rate);
    const gap = sub(exact(score.total), spend);
    if (compare(gap, exact(HIGH_MARKS_GAP_POINTS)) <= 0) return;
    report(termLabel('total'), { scoreRate: formatPlain(score.total), spendRate: formatFixed(spend, RATE_PERCENT_DECIMALS), gap: formatFixed(gap, RATE_PERCENT_DECIMALS) });
  },
};
