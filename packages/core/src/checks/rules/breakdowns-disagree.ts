import { EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_BREAKDOWNS } from '../../form/expenditure.js';
import type { Exact } from '../../money/exact.js';
import { add, compare, distance, exact, formatFixed, formatPlain } from '../../money/exact.js';
import { expenditureLabel, expenditurePath } from '../paths.js';
import { BREAKDOWN_TOLERANCE } from '../thresholds.js';
import type { Rule } from '../rule.js';

/** The three breakdowns are one total added up three ways: they must agree within 0.02 万元. */
export const breakdownsDisagree: Rule = {
  id: 'breakdowns-disagree',
  severity: 'error',
  summary: 'The three expenditure breakdowns add up to different totals.',
  check({ form }, report) {
    for (const row of ['budgeted', 'executed'] as const) {
      const sums: Exact[] = [];
      for (const name of EXPENDITURE_BREAKDOWN_NAMES) {
        const [a, b] = EXPENDITURE_BREAKDOWNS[name];
        const x = form.expenditure[row][a];
        const y = form.expenditure[row][b];
        if (x !== null && y !== null) sums.push(add(exact(x), exact(y)));
      }
      if (sums.length < 2) continue;
      let lowest = sums[0] as Exact;
      let highest = lowest;
      for (const s of sums) {
        if (compare(s, lowest) < 0) lowest = s;
        if (compare(s, highest) > 0) highest = s;
      }
      const gap = distance(highest, lowest);
      if (compare(gap, exact(BREAKDOWN_TOLERANCE)) > 0) {
        report(expenditurePath(row), { row: expenditureLabel(row), sums: sums.map((s) => formatFixed(s, 2)).join(' / '), difference: formatPlain(gap) });
      }
    }
  },
};
