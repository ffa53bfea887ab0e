import { compare, exact, formatPlain, sub } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** Points lost must be explained: 评分依据、未达标原因、改进措施 cannot be empty then. */
export const deductionWithoutBasis: Rule = {
  id: 'deduction-without-basis',
  severity: 'warning',
  summary: 'Points were deducted with no basis, reason or remedy.',
  check({ score }, report) {
    for (const { leaf, category, namePath } of score.leaves) {
      if (category === 'adjustment' || leaf.notApplicable || leaf.selfScore === null || leaf.weight === null) continue;
      const lost = sub(exact(leaf.weight), exact(leaf.selfScore));
      if (compare(lost, exact(0)) <= 0 || leaf.basis.trim() !== '') continue;
      report(indicatorPath(namePath), { name: leaf.name, lost: formatPlain(lost) });
    }
  },
};
