/**
 * 年度部门整体支出规模（万元）: budgeted and executed per column of the three breakdowns, the printed
 * rate, and the rate computed live from the figures (rounded half-up to one decimal, as printed).
 */
import type { ExpenditureColumn, ExpenditureTable as ExpenditureTableData, FormDocument, Lang } from '@jixiao/core';
import { asPercent, EXPENDITURE_BREAKDOWNS, EXPENDITURE_BREAKDOWN_NAMES, EXPENDITURE_COLUMNS, executionRate, formatFixed, termLabel } from '@jixiao/core';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { uiText } from '../i18n/ui-text.js';
import { setExpenditureCell } from '../model/form-edits.js';
import { NumberCell } from './cells.js';

const ROWS = ['budgeted', 'executed', 'printedRatePercent'] as const;
const ROW_TERMS = { budgeted: 'budgeted', executed: 'executed', printedRatePercent: 'executionRate' } as const;

/** The rate computed from the figures of a column, as a printed percentage. */
function computedRate(expenditure: ExpenditureTableData, column: ExpenditureColumn): string {
  const rate = executionRate(expenditure.executed[column], expenditure.budgeted[column]);
  return rate === null ? '—' : `${formatFixed(asPercent(rate), 1)}%`;
}

/** The expenditure table. */
export const ExpenditureTable = memo(function ExpenditureTable({ expenditure, editable, lang, edit }: { expenditure: ExpenditureTableData; editable: boolean; lang: Lang; edit: (change: (d: FormDocument) => FormDocument) => void }): ReactNode {
  return (
    <table className="sheet" id="expenditure">
      <thead>
        <tr>
          <th rowSpan={2} />
          {EXPENDITURE_BREAKDOWN_NAMES.map((b) => (
            <th key={b} colSpan={2}>{termLabel(b, lang)}</th>
          ))}
        </tr>
        <tr>
          {EXPENDITURE_BREAKDOWN_NAMES.flatMap((b) => EXPENDITURE_BREAKDOWNS[b]).map((c) => (
            <th key={c}>{termLabel(c, lang)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row} id={`exp-${row}`}>
            <td className="group-cell">{termLabel(ROW_TERMS[row], lang)}{row === 'printedRatePercent' ? ' (%)' : ''}</td>
            {EXPENDITURE_COLUMNS.map((column, ci) => (
              <td key={column} className="num">
                <NumberCell
                  place={{ id: `exp-${row}-${column}`, row: ROWS.indexOf(row), col: ci, field: 'expenditure', label: `${termLabel(ROW_TERMS[row], lang)} ${termLabel(column, lang)}` }}
                  value={expenditure[row][column]}
                  onValue={(v) => edit((d) => setExpenditureCell(d, row, column, v))}
                  disabled={!editable}
                />
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <td className="group-cell">{uiText('rateComputed', lang)}</td>
          {EXPENDITURE_COLUMNS.map((column) => (
            <td key={column} className="num" data-testid={`rate-${column}`}>{computedRate(expenditure, column)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
});
