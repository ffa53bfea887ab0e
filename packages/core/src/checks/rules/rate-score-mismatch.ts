import { methodLabel } from '../../form/method-label.js';
import { isRateMethod } from '../../form/scoring-method.js';
import { compare, distance, exact, formatPlain } from '../../money/exact.js';
import { leafRatePercent } from '../../scoring/score-leaf.js';
import { indicatorPath } from '../paths.js';
import { SCORE_TOLERANCE } from '../thresholds.js';
import type { Rule } from '../rule.js';

/** A rate indicator whose score is not what its method gives (预算完成率 scored 2 at 98.3%). */
export const rateScoreMismatch: Rule = {
  id: 'rate-score-mismatch',
  severity: 'warning',
  summary: 'A rate indicator’s score disagrees with its scoring method.',
  check({ form, score }, report) {
    for (const { leaf, namePath, suggestion } of score.leaves) {
      if (!isRateMethod(leaf.method) || leaf.notApplicable || leaf.selfScore === null || suggestion.kind !== 'exact') continue;
      if (compare(distance(exact(leaf.selfScore), exact(suggestion.score)), exact(SCORE_TOLERANCE)) <= 0) continue;
      report(indicatorPath(namePath), {
        name: leaf.name,
        method: methodLabel(leaf.method.kind),
        rate: formatPlain(leafRatePercent(leaf, form.expenditure) ?? 0, 2),
        expected: formatPlain(suggestion.score),
        score: formatPlain(leaf.selfScore),
      });
    }
  },
};
