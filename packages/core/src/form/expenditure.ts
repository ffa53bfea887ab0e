/**
 * 年度部门整体支出规模 (annual overall department expenditure), in 万元.
 *
 * The printed table has six columns that are three breakdowns of one total:
 * by funding source (财政拨款 / 其他资金), by structure (基本支出 / 项目支出)
 * and by budget level (区本级支出 / 转移支付).
 */

/** The six expenditure columns, in printed order. */
export const EXPENDITURE_COLUMNS = [
  'fiscalAppropriation',
  'otherFunds',
  'basicExpenditure',
  'projectExpenditure',
  'ownLevelExpenditure',
  'transferPayment',
] as const;

export type ExpenditureColumn = (typeof EXPENDITURE_COLUMNS)[number];

/** The three breakdowns, each a pair of columns that must add up to the same total. */
export const EXPENDITURE_BREAKDOWNS = {
  byFundingSource: ['fiscalAppropriation', 'otherFunds'],
  byStructure: ['basicExpenditure', 'projectExpenditure'],
  byBudgetLevel: ['ownLevelExpenditure', 'transferPayment'],
} as const satisfies Record<string, readonly [ExpenditureColumn, ExpenditureColumn]>;

export type ExpenditureBreakdown = keyof typeof EXPENDITURE_BREAKDOWNS;

export const EXPENDITURE_BREAKDOWN_NAMES = Object.keys(EXPENDITURE_BREAKDOWNS) as ExpenditureBreakdown[];

/** The three printed rows: 全年预算数, 全年执行数, 完成率. */
export const EXPENDITURE_ROWS = ['budgeted', 'executed', 'printedRatePercent'] as const;
export type ExpenditureRow = (typeof EXPENDITURE_ROWS)[number];

/** One row of six cells; `null` where the cell is blank. */
export type ExpenditureCells = Record<ExpenditureColumn, number | null>;

/**
 * The expenditure table as printed. Amounts are 万元 with at most two decimals (exact arithmetic goes
 * through `money/`); the rate row is the printed percentage (98.3 for "98.3%"), kept as printed so that
 * checks can compare it with executed / budgeted.
 */
export interface ExpenditureTable {
  budgeted: ExpenditureCells;
  executed: ExpenditureCells;
  printedRatePercent: ExpenditureCells;
}

/** A row of six blank cells. */
export function emptyExpenditureCells(): ExpenditureCells {
  return {
    fiscalAppropriation: null,
    otherFunds: null,
    basicExpenditure: null,
    projectExpenditure: null,
    ownLevelExpenditure: null,
    transferPayment: null,
  };
}

/** A table with every cell blank. */
export function emptyExpenditureTable(): ExpenditureTable {
  return {
    budgeted: emptyExpenditureCells(),
    executed: emptyExpenditureCells(),
    printedRatePercent: emptyExpenditureCells(),
  };
}
