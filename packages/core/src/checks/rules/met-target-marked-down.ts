import { excerpt } from '../../text/excerpt.js';
import { compare, exact, formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A target met yet marked down: worth a look, perhaps the department was too modest. */
export const metTargetMarkedDown: Rule = {
  id: 'met-target-marked-down',
  severity: 'info',
  summary: 'A duty target was met yet not given full marks.',
  check({ score }, report) {
    for (const { leaf, namePath, assessment } of score.leaves) {
      if (assessment?.status !== 'met' || leaf.selfScore === null || leaf.weight === null || leaf.notApplicable) continue;
      if (compare(exact(leaf.selfScore), exact(leaf.weight)) >= 0) continue;
      report(indicatorPath(namePath), { name: leaf.name, target: excerpt(leaf.target), score: formatPlain(leaf.selfScore), weight: formatPlain(leaf.weight) });
    }
  },
};
