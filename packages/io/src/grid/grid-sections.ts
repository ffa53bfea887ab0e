/**
 * The parts of the form above the indicator table, found in a grid by their labels wherever they stand:
 * the year (（2021年度）), 单位名称 and 单位数, the three narratives (content to the right of the label,
 * or in the row below a label that spans the row), and the expenditure table (columns by their names,
 * rows by 全年预算数 / 全年执行数 / 完成率). What is missing is reported as the text importer reports it.
 */
import { EXPENDITURE_COLUMNS, emptyExpenditureTable, GLOSSARY, matchKey } from '@jixiao/core';
import type { ExpenditureColumn, ExpenditureRow, ExpenditureTable, Narratives, TermId, UnitInfo } from '@jixiao/core';
import { stripLabel, termKeys } from '../text/labels.js';
import type { ImportProblems } from '../text/problems.js';
import { normalizeForReading } from '../text/segments.js';
import { cellNumber, cellPercent, cellText } from './cell-values.js';
import { labelTerm } from './grid-header.js';
import { singleLine } from './grid-indicators.js';
import type { GridCell, GridRow } from './grid-model.js';
import { BLANK_CELL, cellRef, distinctCells, isBlank } from './grid-model.js';
import { TextParts } from './text-parts.js';

/** What the upper part of the form gave. */
export interface GridSections {
  readonly unit: UnitInfo;
  readonly narratives: Narratives;
  readonly expenditure: ExpenditureTable;
}

const YEAR = /((?:19|20)\d{2})\s*年/u;
const NARRATIVES: readonly { term: TermId; field: keyof Narratives }[] = [
  { term: 'goals', field: 'goals' },
  { term: 'completion', field: 'completion' },
  { term: 'shortfallReasons', field: 'shortfallReasons' },
];
const ROW_TERMS: Readonly<Record<ExpenditureRow, TermId>> = { budgeted: 'budgeted', executed: 'executed', printedRatePercent: 'executionRate' };
const COLUMN_TERMS: ReadonlySet<TermId> = new Set<TermId>(EXPENDITURE_COLUMNS);

interface Found {
  readonly index: number;
  readonly col: number;
  readonly rest: string;
}

/** The first cell (row index, column) that begins with one of a term's labels, with the text after it. */
function findLabelled(rows: readonly GridRow[], term: TermId): Found | null {
  const keys = termKeys(term);
  const firsts = new Set(keys.map((k) => k.charAt(0)));
  for (let index = 0; index < rows.length; index += 1) {
    for (const { col, cell } of distinctCells(rows[index] as GridRow)) {
      if (cell.text === '' || cell.number !== null) continue;
      // Only cells that can start with the label are matched in full (matching normalises each prefix).
      if (!firsts.has(matchKey(cell.text.trim().slice(0, 2)).charAt(0))) continue;
      const rest = stripLabel(cellText(cell), keys);
      if (rest !== null) return { index, col, rest };
    }
  }
  return null;
}

/** The first cell that is exactly a term's label. */
function findLabel(rows: readonly GridRow[], term: TermId): Found | null {
  for (let index = 0; index < rows.length; index += 1) {
    for (const { col, cell } of distinctCells(rows[index] as GridRow)) {
      if (cell.text !== '' && cell.text.length <= 40 && labelTerm(cellText(cell)) === term) return { index, col, rest: '' };
    }
  }
  return null;
}

/** The first non-blank cell right of `col` in its row that is not a label, with its column, or null. */
function valueRightOf(row: GridRow, col: number): { col: number; cell: GridCell } | null {
  const origin = row.cells[col]?.origin ?? '';
  for (const { col: c, cell } of distinctCells(row)) {
    if (c <= col || (origin !== '' && cell.origin === origin) || isBlank(cell)) continue;
    return labelTerm(cellText(cell)) === null ? { col: c, cell } : null;
  }
  return null;
}

function readYear(rows: readonly GridRow[], before: number): number | null {
  let fallback: number | null = null;
  for (let i = 0; i < before && i < rows.length; i += 1) {
    for (const { cell } of distinctCells(rows[i] as GridRow)) {
      if (cell.text === '' || cell.text.length > 200) continue;
      const text = normalizeForReading(cell.text);
      const m = YEAR.exec(text);
      if (m?.[1] === undefined) continue;
      if (text.includes('年度')) return Number(m[1]);
      fallback ??= Number(m[1]);
    }
  }
  return fallback;
}

/** The text before another label inside one cell ("番禺区科信局 单位数：6个" → name and count). */
function splitAtLabel(text: string, term: TermId): { before: string; after: string | null } {
  const t = GLOSSARY[term];
  for (const label of [t.label, ...t.variants]) {
    const at = text.indexOf(label);
    if (at >= 0) return { before: text.slice(0, at).trim(), after: text.slice(at + label.length).replace(/^[\s:：]+/u, '') };
  }
  return { before: text, after: null };
}

function countFrom(text: string | null, cell: GridCell | null): number | null {
  const fromCell = cell === null ? null : cellNumber(cell);
  if (fromCell !== null) return Number.isInteger(fromCell) && fromCell >= 0 ? fromCell : null;
  const m = text === null ? null : /^(\d{1,6})/u.exec(normalizeForReading(text).trim());
  return m?.[1] === undefined ? null : Number(m[1]);
}

function readUnit(rows: readonly GridRow[], problems: ImportProblems): UnitInfo {
  const nameAt = findLabelled(rows, 'unitName');
  const countAt = findLabelled(rows, 'unitCount');
  const year = readYear(rows, nameAt?.index ?? rows.length);
  if (year === null) problems.add('import.missingYear', 'warning');
  let name = '';
  let countText: string | null = null;
  let countCell: GridCell | null = null;
  if (nameAt !== null) {
    const row = rows[nameAt.index] as GridRow;
    const inline = splitAtLabel(nameAt.rest, 'unitCount');
    name = inline.before;
    countText = inline.after;
    if (name === '') name = singleLine(cellText(valueRightOf(row, nameAt.col)?.cell ?? BLANK_CELL));
  }
  if (countText === null && countAt !== null) {
    countText = countAt.rest === '' ? null : countAt.rest;
    if (countText === null) countCell = valueRightOf(rows[countAt.index] as GridRow, countAt.col)?.cell ?? null;
    countText ??= countCell === null ? null : cellText(countCell);
  }
  const unitCount = countFrom(countText, countCell);
  if (name === '') problems.add('import.missingUnitName', 'warning', {}, undefined, nameAt === null ? '' : cellRef(rows[nameAt.index] as GridRow, nameAt.col));
  if (unitCount === null) problems.add('import.missingUnitCount', 'warning', {}, undefined, countAt === null ? '' : cellRef(rows[countAt.index] as GridRow, countAt.col));
  return { name, unitCount, year };
}

/**
 * A narrative's text: its content cell, and the rows after it that continue it (a narrative longer
 * than a page goes on in the same column on the next page, with nothing else in the row).
 */
function continuedText(rows: readonly GridRow[], content: { index: number; col: number; cell: GridCell }): string {
  const parts = new TextParts();
  parts.add(content.cell);
  for (let i = content.index + 1; i < rows.length; i += 1) {
    const filled = distinctCells(rows[i] as GridRow).filter(({ cell }) => !isBlank(cell));
    const only = filled[0];
    if (filled.length !== 1 || only === undefined || only.col !== content.col || labelTerm(cellText(only.cell)) !== null) break;
    parts.add(only.cell);
  }
  return parts.value();
}

function readNarratives(rows: readonly GridRow[], problems: ImportProblems): Narratives {
  const narratives: Narratives = { goals: '', completion: '', shortfallReasons: '' };
  for (const { term, field } of NARRATIVES) {
    const at = findLabel(rows, term);
    if (at === null) {
      problems.add('import.missingSection', 'warning', { section: GLOSSARY[term].label, sectionEn: GLOSSARY[term].en });
      continue;
    }
    const row = rows[at.index] as GridRow;
    const right = valueRightOf(row, at.col);
    let content = right === null ? null : { index: at.index, ...right };
    if (content === null) {
      // The label spans its row: the content is the next row with anything in it, unless that is another label.
      let below = at.index + 1;
      while (below < rows.length && below <= at.index + 3 && (rows[below] as GridRow).cells.every(isBlank)) below += 1;
      const next = rows[below];
      const first = next === undefined ? undefined : distinctCells(next).find(({ cell }) => !isBlank(cell));
      content = first === undefined || labelTerm(cellText(first.cell)) !== null ? null : { index: below, ...first };
    }
    narratives[field] = content === null ? '' : continuedText(rows, content);
  }
  return narratives;
}

function readExpenditure(rows: readonly GridRow[], problems: ImportProblems): ExpenditureTable {
  const table = emptyExpenditureTable();
  let columns: Map<ExpenditureColumn, number> | null = null;
  let headerIndex = -1;
  for (let i = 0; i < rows.length && columns === null; i += 1) {
    const found = new Map<ExpenditureColumn, number>();
    for (const { col, cell } of distinctCells(rows[i] as GridRow)) {
      const term = cell.text === '' ? null : labelTerm(cellText(cell));
      if (term !== null && COLUMN_TERMS.has(term) && !found.has(term as ExpenditureColumn)) found.set(term as ExpenditureColumn, col);
    }
    if (found.size >= 4) {
      columns = found;
      headerIndex = i;
    }
  }
  if (columns === null) {
    problems.add('import.expenditureMissing', 'warning');
    return table;
  }
  const seen = new Set<ExpenditureRow>();
  for (let i = headerIndex + 1; i < rows.length && i <= headerIndex + 8; i += 1) {
    const row = rows[i] as GridRow;
    for (const [field, term] of Object.entries(ROW_TERMS) as [ExpenditureRow, TermId][]) {
      if (seen.has(field) || !row.cells.some((cell) => cell.text !== '' && cell.text.length <= 40 && labelTerm(cellText(cell)) === term)) continue;
      seen.add(field);
      for (const [column, col] of columns) {
        const cell = row.cells[col];
        if (cell !== undefined) table[field][column] = field === 'printedRatePercent' ? cellPercent(cell) : cellNumber(cell);
      }
    }
  }
  for (const [field, term] of Object.entries(ROW_TERMS) as [ExpenditureRow, TermId][]) {
    if (!seen.has(field)) {
      const t = GLOSSARY[term];
      problems.add('import.expenditureRowMissing', 'warning', { row: t.label, rowEn: t.en, found: 0 }, undefined, `${GLOSSARY.expenditure.label}/${t.label}`);
    }
  }
  return table;
}

/** Reads the upper part of the form from the rows outside the indicator table. */
export function readGridSections(rows: readonly GridRow[], problems: ImportProblems): GridSections {
  return { unit: readUnit(rows, problems), narratives: readNarratives(rows, problems), expenditure: readExpenditure(rows, problems) };
}

/** True when a cell's text is the form's title. */
export function isTitleCell(cell: GridCell): boolean {
  return cell.text.length < 200 && matchKey(cell.text).includes('部门整体支出绩效自评');
}
