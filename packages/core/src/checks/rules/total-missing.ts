import { termLabel } from '../../glossary.js';
import { formatPlain } from '../../money/exact.js';
import type { Rule } from '../rule.js';

/** A form that prints no total: say what it would be. */
export const totalMissing: Rule = {
  id: 'total-missing',
  severity: 'info',
  summary: 'The form prints no total.',
  check({ form, score }, report) {
    if (form.printedTotal === null && score.leaves.length > 0) report(termLabel('total'), { computed: formatPlain(score.total) });
  },
};
