import { EXPENDITURE_COLUMNS } from '../../form/expenditure.js';
import { expenditureLabel, expenditurePath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A blank budgeted or executed cell leaves the breakdowns and rates unchecked. */
export const expenditureBlank: Rule = {
  id: 'expenditure-blank',
  severity: 'warning',
  summary: 'A budgeted or executed amount is blank.',
  check({ form }, report) {
    for (const row of ['budgeted', 'executed'] as const) {
      for (const column of EXPENDITURE_COLUMNS) {
        if (form.expenditure[row][column] === null) report(expenditurePath(row, column), { row: expenditureLabel(row), column: expenditureLabel(column) });
      }
    }
  },
};
