import { termLabel } from '../../glossary.js';
import { compare, distance, exact, formatPlain } from '../../money/exact.js';
import { TOTAL_TOLERANCE } from '../thresholds.js';
import type { Rule } from '../rule.js';

/** The printed 总分 must be the sum of the scores (within 0.01 for rounding). */
export const totalMismatch: Rule = {
  id: 'total-mismatch',
  severity: 'error',
  summary: 'The printed total is not the sum of the scores.',
  check({ form, score }, report) {
    if (form.printedTotal === null) return;
    if (compare(distance(exact(form.printedTotal), exact(score.total)), exact(TOTAL_TOLERANCE)) > 0) {
      report(termLabel('total'), { printed: formatPlain(form.printedTotal), computed: formatPlain(score.total) });
    }
  },
};
