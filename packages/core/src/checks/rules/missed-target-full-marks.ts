import { excerpt } from '../../text/excerpt.js';
import { compare, exact, formatPlain } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A target plainly missed (or a cap plainly exceeded) yet scored full marks. */
export const missedTargetFullMarks: Rule = {
  id: 'missed-target-full-marks',
  severity: 'warning',
  summary: 'A duty target was plainly missed yet scored full marks.',
  check({ score }, report) {
    for (const { leaf, namePath, assessment, suggestion } of score.leaves) {
      if (assessment?.status !== 'missed' || leaf.selfScore === null || leaf.weight === null || leaf.notApplicable) continue;
      if (compare(exact(leaf.selfScore), exact(leaf.weight)) < 0) continue;
      report(indicatorPath(namePath), {
        name: leaf.name,
        target: excerpt(leaf.target),
        actual: excerpt(leaf.actual),
        achieved: formatPlain(assessment.achieved * 100, 1),
        score: formatPlain(leaf.selfScore),
        expected: suggestion.kind === 'exact' ? formatPlain(suggestion.score) : '—',
      });
    }
  },
};
