import { EXPENDITURE_COLUMNS } from '../../form/expenditure.js';
import { compare, distance, exact, formatFixed, formatPlain, RATE_PERCENT_DECIMALS } from '../../money/exact.js';
import { asPercent, executionRate } from '../../money/rate.js';
import { expenditureLabel, expenditurePath } from '../paths.js';
import type { Rule } from '../rule.js';

/**
 * A printed 完成率 must be executed / budgeted, rounded half-up to one decimal. A printed rate may
 * carry fewer or more decimals; it is wrong when it is further from the exact rate than half a unit of
 * its own last printed place (98.3 for 98.268…% is right, 98.2 is not).
 */
export const printedRateMismatch: Rule = {
  id: 'printed-rate-mismatch',
  severity: 'error',
  summary: 'A printed execution rate is not executed / budgeted.',
  check({ form }, report) {
    for (const column of EXPENDITURE_COLUMNS) {
      const printed = form.expenditure.printedRatePercent[column];
      const rate = executionRate(form.expenditure.executed[column], form.expenditure.budgeted[column]);
      if (printed === null || rate === null) continue;
      const decimals = Math.max((String(printed).split('.')[1] ?? '').length, 0);
      const halfUnit = { num: 5n, den: 10n ** BigInt(decimals + 1) };
      const exactPercent = asPercent(rate);
      if (compare(distance(exact(printed), exactPercent), halfUnit) > 0) {
        report(expenditurePath('printedRatePercent', column), {
          column: expenditureLabel(column),
          printed: formatPlain(printed, 4),
          computed: formatFixed(exactPercent, RATE_PERCENT_DECIMALS),
        });
      }
    }
  },
};
