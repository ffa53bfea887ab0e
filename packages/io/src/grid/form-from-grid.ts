/**
 * Grid → form: the one reader behind Excel and PDF import. It refuses other regions' layouts by name
 * (the text importer's recognition, run on the grid's rows), finds the indicator table by its header on
 * whichever sheet holds it, reads the upper part of the form from the rest, and assembles the tree with
 * the text importer's `assembleIndicators`, so a form reads the same from text, Excel and PDF.
 */
import { gradeFromLabel, SCHEMA_VERSION } from '@jixiao/core';
import type { FormDocument, Grade, IndicatorLeaf, Problem, WithProblems } from '@jixiao/core';
import { leavesOf } from '@jixiao/core';
import { assembleIndicators } from '../text/assemble-indicators.js';
import type { GroupDraft } from '../text/indicator-tree.js';
import { ImportProblems } from '../text/problems.js';
import { recognizeLayout } from '../text/recognize-layout.js';
import type { SourceLine } from '../text/source-lines.js';
import { cellNumber, cellText } from './cell-values.js';
import { isHeaderRow } from './grid-header.js';
import type { GridLeaf } from './grid-indicators.js';
import { readGridIndicators } from './grid-indicators.js';
import type { GridRow, GridSheet } from './grid-model.js';
import { cellAt, cellRef, distinctCells, isBlankRow } from './grid-model.js';
import { isTitleCell, readGridSections } from './grid-sections.js';

/** Rows examined to recognise the layout (as the text importer bounds its scan). */
const SCAN_ROWS = 4000;

/** A form read from a grid, with what each leaf's row showed (for restoring what the grid cannot show). */
export interface GridForm {
  readonly form: FormDocument;
  /** The leaves as read, in the order of `leavesOf(form)`. */
  readonly leaves: readonly GridLeaf[];
}

function rowText(row: GridRow): string {
  return distinctCells(row)
    .map(({ cell }) => cellText(cell).replace(/\s+/gu, ' '))
    .filter((t) => t !== '')
    .join(' ');
}

function sourceLines(sheets: readonly GridSheet[]): { lines: SourceLine[]; rows: GridRow[] } {
  const lines: SourceLine[] = [];
  const rows: GridRow[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      if (lines.length >= SCAN_ROWS) break;
      const text = rowText(row).slice(0, 400);
      if (text === '') continue;
      lines.push({ number: lines.length + 1, kind: 'text', text, indented: false });
      rows.push(row);
    }
  }
  return { lines, rows };
}

/** What the grid holds, for the message refusing a workbook that is not the form. */
function describe(sheets: readonly GridSheet[]): string {
  const parts: string[] = [];
  for (const sheet of sheets.slice(0, 3)) {
    const texts = sheet.rows.filter((r) => !isBlankRow(r)).slice(0, 3).map(rowText);
    const where = sheet.rows[0]?.place.kind === 'page' ? sheet.name : `工作表「${sheet.name}」`;
    parts.push(`${where}：${texts.length === 0 ? '（空）' : texts.join(' / ').slice(0, 80)}`);
  }
  return parts.join('；');
}

function readGrade(rows: readonly GridRow[], from: number): Grade | null {
  for (let i = from; i < rows.length && i < from + 3; i += 1) {
    for (const { cell } of distinctCells(rows[i] as GridRow)) {
      if (cell.text === '' || cell.text.length > 20) continue;
      const grade = gradeFromLabel(cellText(cell).replace(/^(?:等级|评价等级|自评等级)\s*[:：]?\s*/u, ''));
      if (grade !== null) return grade;
    }
  }
  return null;
}

function refuse(problem: Problem): WithProblems<GridForm | null> {
  return { value: null, problems: [problem] };
}

/** Reads a form from the sheets of a workbook or the pages of a PDF (see the module comment). Never throws on any grid. */
export function formFromGrid(sheets: readonly GridSheet[]): WithProblems<GridForm | null> {
  if (sheets.every((sheet) => sheet.rows.every(isBlankRow))) return refuse({ code: 'import.grid.emptyWorkbook', severity: 'error', path: '', params: {} });
  const scan = sourceLines(sheets);
  const recognition = recognizeLayout(scan.lines);
  if (recognition.kind === 'foreign') {
    const row = scan.rows[recognition.line - 1];
    const place = row === undefined ? '' : cellRef(row);
    return refuse({ code: 'import.unsupportedLayout', severity: 'error', path: place, params: { layout: recognition.layout, evidence: recognition.evidence } });
  }
  const problems = new ImportProblems();
  const sectionRows: GridRow[] = [];
  const groups: GroupDraft[] = [];
  const leaves: GridLeaf[] = [];
  let total: { row: GridRow; rows: readonly GridRow[]; index: number; scoreColumn: number | undefined } | null = null;
  let titleFound = false;
  for (const sheet of sheets) {
    titleFound ||= sheet.rows.some((row) => row.cells.some(isTitleCell));
    const header = sheet.rows.findIndex(isHeaderRow);
    if (header < 0) {
      sectionRows.push(...sheet.rows);
      continue;
    }
    sectionRows.push(...sheet.rows.slice(0, header));
    const table = readGridIndicators(sheet.rows.slice(header), problems);
    groups.push(...table.groups);
    leaves.push(...table.leaves);
    if (total === null && table.totalRow !== null) {
      total = { row: table.totalRow, rows: sheet.rows, index: sheet.rows.indexOf(table.totalRow), scoreColumn: table.scoreColumn };
    }
  }
  if (groups.length === 0) {
    if (titleFound) return refuse({ code: 'import.noIndicatorTable', severity: 'error', path: '', params: {} });
    return refuse({ code: 'import.grid.notForm', severity: 'error', path: '', params: { found: describe(sheets) } });
  }
  if (leaves.length === 0) return refuse({ code: 'import.noIndicators', severity: 'error', path: '', params: {} });
  const sections = readGridSections(sectionRows, problems);
  const indicators = assembleIndicators(groups, problems);
  let printedTotal: number | null = null;
  let printedGrade: Grade | null = null;
  if (total === null) problems.add('import.noTotal', 'warning');
  else {
    printedTotal = cellNumber(cellAt(total.row, total.scoreColumn));
    if (printedTotal === null) {
      const numbers = total.row.cells.map(cellNumber).filter((n): n is number => n !== null);
      printedTotal = numbers[numbers.length - 1] ?? null;
    }
    printedGrade = readGrade(total.rows, total.index);
  }
  const form: FormDocument = {
    schemaVersion: SCHEMA_VERSION,
    unit: sections.unit,
    narratives: sections.narratives,
    expenditure: sections.expenditure,
    indicators,
    printedTotal,
    printedGrade,
  };
  leavesOf(form).forEach(({ leaf }, i) => markNotApplicable(leaf, leaves[i]));
  if (problems.hasErrors()) return { value: null, problems: problems.all() };
  return { value: { form, leaves }, problems: problems.all() };
}

function markNotApplicable(leaf: IndicatorLeaf, read: GridLeaf | undefined): void {
  if (read?.notApplicable === true) leaf.notApplicable = true;
}
