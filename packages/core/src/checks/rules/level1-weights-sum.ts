import { compare, exact, formatPlain, sumOf } from '../../money/exact.js';
import { termLabel } from '../../glossary.js';
import type { Rule } from '../rule.js';

/** The level-1 weights share out 100 points. */
export const level1WeightsSum: Rule = {
  id: 'level1-weights-sum',
  severity: 'error',
  summary: 'The level-1 weights do not add up to 100.',
  check({ form }, report) {
    if (form.indicators.length === 0 || form.indicators.some((g) => g.weight === null)) return;
    const sum = sumOf(form.indicators.map((g) => g.weight));
    if (compare(sum, exact(100)) !== 0) report(termLabel('level1Indicator'), { sum: formatPlain(sum) });
  },
};
