import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** Target and actual in units that cannot be compared (万元 against 人次). */
export const targetUnitMismatch: Rule = {
  id: 'target-unit-mismatch',
  severity: 'info',
  summary: 'A duty target and its actual are in different units.',
  check({ score }, report) {
    for (const { leaf, namePath, assessment } of score.leaves) {
      if (assessment?.status !== 'unitMismatch' || leaf.notApplicable) continue;
      report(indicatorPath(namePath), { name: leaf.name, targetUnit: assessment.targetUnit, actualUnit: assessment.actualUnit });
    }
  },
};
