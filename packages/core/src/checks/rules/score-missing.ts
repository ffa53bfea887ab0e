import { formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** An applicable leaf with a weight but no score: the total silently counts it as zero. */
export const scoreMissing: Rule = {
  id: 'score-missing',
  severity: 'warning',
  summary: 'An applicable indicator has no score entered.',
  check({ score }, report) {
    for (const { leaf, namePath } of score.leaves) {
      if (leaf.notApplicable || leaf.selfScore !== null || leaf.weight === null) continue;
      report(indicatorPath(namePath), { name: leaf.name, weight: formatPlain(leaf.weight) });
    }
  },
};
