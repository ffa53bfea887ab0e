import { formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import { pointsLost } from '../points-lost.js';
import type { Rule } from '../rule.js';

/** Points lost must be explained: 评分依据、未达标原因、改进措施 cannot be empty then. */
export const deductionWithoutBasis: Rule = {
  id: 'deduction-without-basis',
  severity: 'warning',
  summary: 'Points were deducted with no basis, reason or remedy.',
  check({ score }, report) {
    for (const scored of score.leaves) {
      const lost = pointsLost(scored);
      if (lost === null || scored.leaf.basis.trim() !== '') continue;
      report(indicatorPath(scored.namePath), { name: scored.leaf.name, lost: formatPlain(lost) });
    }
  },
};
