/** How findings name places in the form, as people read them (always in the form's language, Chinese). */
import type { ExpenditureColumn, ExpenditureRow } from '../form/expenditure.js';
import { termLabel } from '../glossary.js';
import { formatNamePath } from '../form/walk.js';

const ROW_TERMS = { budgeted: 'budgeted', executed: 'executed', printedRatePercent: 'executionRate' } as const;

/** 管理效能/资产管理/资产管理制度健全性 */
export function indicatorPath(namePath: readonly string[]): string {
  return formatNamePath(namePath);
}

/** 年度部门整体支出规模/全年预算数/基本支出 (or just the row when no column is meant). */
export function expenditurePath(row: ExpenditureRow, column?: ExpenditureColumn): string {
  const parts = [termLabel('expenditure').replace(/（.*）$/u, ''), termLabel(ROW_TERMS[row])];
  if (column) parts.push(termLabel(column));
  return parts.join('/');
}

/** The label of an expenditure row or column, for messages. */
export function expenditureLabel(item: ExpenditureRow | ExpenditureColumn): string {
  return item in ROW_TERMS ? termLabel(ROW_TERMS[item as ExpenditureRow]) : termLabel(item as ExpenditureColumn);
}
