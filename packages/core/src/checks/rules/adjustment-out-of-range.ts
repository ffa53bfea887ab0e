import { compare, exact, formatPlain, sumOf } from '../../money/exact.js';
import { ADJUSTMENT_CAP } from '../../scoring/score-leaf.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** Adjustments (加减分项) add or take at most 5 points in all. */
export const adjustmentOutOfRange: Rule = {
  id: 'adjustment-out-of-range',
  severity: 'error',
  summary: 'The adjustments add up to more than +5 or less than −5.',
  check({ score }, report) {
    const adjustments = score.leaves.filter((l) => l.category === 'adjustment' && !l.leaf.notApplicable);
    const first = adjustments[0];
    if (!first) return;
    const total = sumOf(adjustments.map((l) => l.leaf.selfScore));
    const cap = exact(ADJUSTMENT_CAP);
    if (compare(total, cap) > 0 || compare(total, { num: -cap.num, den: cap.den }) < 0) {
      report(indicatorPath(first.namePath.slice(0, 1)), { score: formatPlain(total), cap: ADJUSTMENT_CAP });
    }
  },
};
