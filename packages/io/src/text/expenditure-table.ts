/**
 * 年度部门整体支出规模（万元）: six columns (three breakdowns of one total) and three rows (全年预算数,
 * 全年执行数, 完成率). Columns are taken in the order their names are printed; a row's numbers may float
 * onto the following lines, so a row collects numbers until the next row's label.
 */
import { EXPENDITURE_COLUMNS, emptyExpenditureCells, findTerm, GLOSSARY, matchKey } from '@jixiao/core';
import type { ExpenditureCells, ExpenditureColumn, ExpenditureRow, ExpenditureTable, TermId } from '@jixiao/core';
import type { ImportProblems } from './problems.js';
import { normalizeForReading, segmentsOf } from './segments.js';
import type { Segment } from './segments.js';
import type { SourceLine } from './source-lines.js';
import { termKeys } from './labels.js';

const ROW_TERMS: Readonly<Record<ExpenditureRow, TermId>> = {
  budgeted: 'budgeted',
  executed: 'executed',
  printedRatePercent: 'executionRate',
};

const ROW_BY_TERM: ReadonlyMap<TermId, ExpenditureRow> = new Map(
  (Object.entries(ROW_TERMS) as [ExpenditureRow, TermId][]).map(([row, term]) => [term, row]),
);

const COLUMN_SET: ReadonlySet<string> = new Set(EXPENDITURE_COLUMNS);

const AMOUNT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
const BLANK_CELL = /^[-—–/／]$/u;

/** A cell's value: an amount ("127,208.53"), a rate ("98.3%"), an explicit blank ("-"), or not a cell. */
function cellValue(text: string, row: ExpenditureRow): { value: number | null } | null {
  const norm = normalizeForReading(text);
  if (BLANK_CELL.test(norm)) return { value: null };
  const body = row === 'printedRatePercent' ? norm.replace(/%$/u, '') : norm;
  if (!AMOUNT.test(body)) return null;
  const value = Number(body.replace(/,/gu, ''));
  return Number.isFinite(value) ? { value } : null;
}

/** The row a segment labels, and the text glued after the label ("全年预算数127208.53"), if any. */
function rowLabel(segment: Segment): { row: ExpenditureRow; rest: string } | null {
  const term = findTerm(segment.text);
  const row = term === null ? undefined : ROW_BY_TERM.get(term);
  if (row !== undefined) return { row, rest: '' };
  const key = matchKey(segment.text);
  for (const [candidate, termId] of Object.entries(ROW_TERMS) as [ExpenditureRow, TermId][]) {
    for (const label of termKeys(termId)) {
      if (key.startsWith(label) && key.length > label.length) return { row: candidate, rest: key.slice(label.length) };
    }
  }
  return null;
}

/** Reads the expenditure table from its lines; every cell it cannot read stays blank, with a warning. */
export function readExpenditure(lines: readonly SourceLine[], problems: ImportProblems): ExpenditureTable {
  const segments = lines.flatMap(segmentsOf);
  const order: ExpenditureColumn[] = [];
  for (const segment of segments) {
    const term = findTerm(segment.text);
    if (term !== null && COLUMN_SET.has(term) && !order.includes(term as ExpenditureColumn)) order.push(term as ExpenditureColumn);
  }
  const columns: readonly ExpenditureColumn[] = order.length === EXPENDITURE_COLUMNS.length ? order : EXPENDITURE_COLUMNS;
  if (order.length !== EXPENDITURE_COLUMNS.length) problems.add('import.expenditureColumnsAssumed', 'warning', {}, lines[0]?.number);

  const table: ExpenditureTable = { budgeted: emptyExpenditureCells(), executed: emptyExpenditureCells(), printedRatePercent: emptyExpenditureCells() };
  const seen = new Set<ExpenditureRow>();
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as Segment;
    const label = rowLabel(segment);
    if (label === null || seen.has(label.row)) continue;
    seen.add(label.row);
    const values: (number | null)[] = [];
    const first = label.rest === '' ? null : cellValue(label.rest, label.row);
    if (first !== null) values.push(first.value);
    let j = i + 1;
    for (; j < segments.length && values.length < columns.length; j += 1) {
      const cell = cellValue((segments[j] as Segment).text, label.row);
      if (cell === null) break;
      values.push(cell.value);
    }
    fillRow(table[label.row], columns, values);
    if (values.length < columns.length) {
      problems.add('import.expenditureRowIncomplete', 'warning', rowParams(label.row, values.length), segment.line);
    }
    i = j - 1;
  }
  for (const row of Object.keys(ROW_TERMS) as ExpenditureRow[]) {
    if (!seen.has(row)) problems.add('import.expenditureRowMissing', 'warning', rowParams(row, 0), undefined, `${GLOSSARY.expenditure.label}/${GLOSSARY[ROW_TERMS[row]].label}`);
  }
  return table;
}

function fillRow(cells: ExpenditureCells, columns: readonly ExpenditureColumn[], values: readonly (number | null)[]): void {
  columns.forEach((column, index) => {
    cells[column] = values[index] ?? null;
  });
}

function rowParams(row: ExpenditureRow, found: number): { row: string; rowEn: string; found: number } {
  const term = GLOSSARY[ROW_TERMS[row]];
  return { row: term.label, rowEn: term.en, found };
}
