import { gradeLabel } from '../../form/grade-label.js';
import { termLabel } from '../../glossary.js';
import { formatPlain } from '../../money/exact.js';
import type { Rule } from '../rule.js';

/** A printed grade must be the one the total earns. */
export const gradeMismatch: Rule = {
  id: 'grade-mismatch',
  severity: 'error',
  summary: 'The printed grade is not the one the total earns.',
  check({ form, score }, report) {
    if (form.printedGrade === null || form.printedGrade === score.grade) return;
    report(termLabel('grade'), { printed: gradeLabel(form.printedGrade), computed: gradeLabel(score.grade), total: formatPlain(score.total) });
  },
};
