import { formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A leaf scored below zero; only adjustments may be negative. */
export const scoreNegative: Rule = {
  id: 'score-negative',
  severity: 'error',
  summary: 'A level-3 indicator (other than an adjustment) scored below zero.',
  check({ score }, report) {
    for (const { leaf, category, namePath } of score.leaves) {
      if (category === 'adjustment' || leaf.selfScore === null || leaf.selfScore >= 0) continue;
      report(indicatorPath(namePath), { name: leaf.name, score: formatPlain(leaf.selfScore) });
    }
  },
};
