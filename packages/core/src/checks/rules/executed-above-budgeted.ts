import { EXPENDITURE_COLUMNS } from '../../form/expenditure.js';
import { formatFixed } from '../../money/exact.js';
import { expenditureLabel, expenditurePath } from '../paths.js';
import type { Rule } from '../rule.js';

/** Spending more than the budget needs explaining. */
export const executedAboveBudgeted: Rule = {
  id: 'executed-above-budgeted',
  severity: 'warning',
  summary: 'More was executed than budgeted in an expenditure column.',
  check({ form }, report) {
    for (const column of EXPENDITURE_COLUMNS) {
      const budgeted = form.expenditure.budgeted[column];
      const executed = form.expenditure.executed[column];
      if (budgeted === null || executed === null || executed <= budgeted) continue;
      report(expenditurePath('executed', column), { column: expenditureLabel(column), executed: formatFixed(executed, 2), budgeted: formatFixed(budgeted, 2) });
    }
  },
};
