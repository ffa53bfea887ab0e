import { formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** An indicator marked 不适用 that still carries a score: the score is not counted, which may surprise. */
export const notApplicableScored: Rule = {
  id: 'not-applicable-scored',
  severity: 'warning',
  summary: 'An indicator marked not applicable carries a score.',
  check({ score }, report) {
    for (const { leaf, namePath } of score.leaves) {
      if (leaf.notApplicable && leaf.selfScore !== null) report(indicatorPath(namePath), { name: leaf.name, score: formatPlain(leaf.selfScore) });
    }
  },
};
