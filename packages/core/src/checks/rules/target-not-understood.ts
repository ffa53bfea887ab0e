import { excerpt } from '../../text/excerpt.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

const REASONS: Record<'targetNotUnderstood' | 'actualNotUnderstood' | 'ambiguousActual', { zh: string; en: string }> = {
  targetNotUnderstood: { zh: '无法识别目标值', en: 'the target could not be read' },
  actualNotUnderstood: { zh: '无法识别实际完成值', en: 'the actual could not be read' },
  ambiguousActual: { zh: '实际完成值中有多个可比数值且结论不一', en: 'the actual holds several comparable figures that disagree' },
};

/** A target or actual the system could not understand: said, never guessed. */
export const targetNotUnderstood: Rule = {
  id: 'target-not-understood',
  severity: 'info',
  summary: 'A duty target and its actual could not be compared automatically.',
  check({ score }, report) {
    for (const { leaf, namePath, assessment } of score.leaves) {
      if (assessment?.status !== 'unclear' || leaf.notApplicable) continue;
      const reason = REASONS[assessment.reason];
      report(indicatorPath(namePath), { name: leaf.name, target: excerpt(leaf.target), actual: excerpt(leaf.actual), reason: reason.zh, reasonEn: reason.en });
    }
  },
};
