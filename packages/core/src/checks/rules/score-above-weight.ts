import { compare, exact, formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A leaf scored above its weight (adjustments have their own cap). */
export const scoreAboveWeight: Rule = {
  id: 'score-above-weight',
  severity: 'error',
  summary: 'A level-3 indicator scored above its weight.',
  check({ score }, report) {
    for (const { leaf, category, namePath } of score.leaves) {
      if (category === 'adjustment' || leaf.selfScore === null || leaf.weight === null) continue;
      if (compare(exact(leaf.selfScore), exact(leaf.weight)) > 0) {
        report(indicatorPath(namePath), { name: leaf.name, score: formatPlain(leaf.selfScore), weight: formatPlain(leaf.weight) });
      }
    }
  },
};
