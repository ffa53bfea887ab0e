/**
 * The form → printed layout step shared by the Excel, PDF and HTML writers: the official 附件3 table on
 * eleven columns. Title block, 单位基本情况, the three narratives, the expenditure table (three
 * breakdowns as merged header cells), then the indicator table with level-1 and level-2 names and
 * weights merged down their rows, a header row before each block of level-1 groups that share a row
 * style, and 总分. Labels come from the glossary.
 */
import { EXPENDITURE_BREAKDOWNS, EXPENDITURE_COLUMNS, gradeLabel, sumOf, termLabel, toNumber } from '@jixiao/core';
import type { ExpenditureColumn, FormDocument, IndicatorLeaf, Level1Group, Level2Group, TermId } from '@jixiao/core';
import type { CellStyle, FormLayout, LayoutCell, LayoutColumn, LayoutNumber, LayoutRow, RowKind } from './layout-model.js';
import { printedAmount, printedCount, printedPlain, printedRate } from './printed-numbers.js';
import type { PrintedNumber } from './printed-numbers.js';
import { rowStyleOf } from './row-style.js';
import type { RowStyle } from './row-style.js';

/** The eleven columns, A to K, with widths that fit the seed's texts on A4 landscape. */
export const FORM_COLUMNS: readonly LayoutColumn[] = [
  { key: 'level1', width: 9.5 },
  { key: 'level1Weight', width: 5 },
  { key: 'level2', width: 12 },
  { key: 'level2Weight', width: 5 },
  { key: 'level3', width: 14 },
  { key: 'level3Weight', width: 5 },
  { key: 'target', width: 16 },
  { key: 'actual', width: 16 },
  { key: 'score', width: 10 },
  { key: 'basis', width: 20 },
  { key: 'remark', width: 10 },
];

const LAST_COLUMN = FORM_COLUMNS.length - 1;

/** Where each expenditure column sits: its first grid column and how many it spans. */
const EXPENDITURE_PLACES: Readonly<Record<ExpenditureColumn, { col: number; span: number }>> = {
  fiscalAppropriation: { col: 4, span: 1 },
  otherFunds: { col: 5, span: 2 },
  basicExpenditure: { col: 7, span: 1 },
  projectExpenditure: { col: 8, span: 1 },
  ownLevelExpenditure: { col: 9, span: 1 },
  transferPayment: { col: 10, span: 1 },
};

const BREAKDOWN_TERMS = { byFundingSource: 'byFundingSource', byStructure: 'byStructure', byBudgetLevel: 'byBudgetLevel' } as const satisfies Record<keyof typeof EXPENDITURE_BREAKDOWNS, TermId>;

interface CellSpec {
  col: number;
  colSpan?: number;
  rowSpan?: number;
  text: string;
  number?: LayoutNumber | null;
  style: CellStyle;
  align?: LayoutCell['align'];
}

/** Collects rows and cells in printed order. */
class LayoutBuilder {
  readonly rows: LayoutRow[] = [];
  readonly cells: LayoutCell[] = [];

  row(kind: RowKind, options: { headerRow?: number | null; keepWithNext?: boolean; framed?: boolean } = {}): number {
    this.rows.push({ kind, headerRow: options.headerRow ?? null, keepWithNext: options.keepWithNext ?? false, framed: options.framed ?? true });
    return this.rows.length - 1;
  }

  cell(row: number, spec: CellSpec): void {
    this.cells.push({
      row,
      col: spec.col,
      rowSpan: spec.rowSpan ?? 1,
      colSpan: spec.colSpan ?? 1,
      text: spec.text,
      number: spec.number ?? null,
      style: spec.style,
      align: spec.align ?? (spec.style === 'content' ? 'left' : 'center'),
    });
  }

  /** A cell holding a number (or blank when there is none). */
  numberCell(row: number, col: number, printed: PrintedNumber | null, options: { colSpan?: number; rowSpan?: number; align?: LayoutCell['align'] } = {}): void {
    this.cell(row, { col, ...options, text: printed?.text ?? '', number: printed?.number ?? null, style: 'number' });
  }

  label(row: number, col: number, term: TermId, options: { colSpan?: number; rowSpan?: number; style?: CellStyle } = {}): void {
    this.cell(row, { col, colSpan: options.colSpan, rowSpan: options.rowSpan, text: termLabel(term), style: options.style ?? 'label' });
  }
}

const maybe = <T>(value: number | null, print: (v: number) => T): T | null => (value === null ? null : print(value));

function titleBlock(b: LayoutBuilder, form: FormDocument): void {
  b.cell(b.row('appendix', { keepWithNext: true, framed: false }), { col: 0, colSpan: LAST_COLUMN + 1, text: termLabel('appendix'), style: 'appendix', align: 'left' });
  b.cell(b.row('title', { keepWithNext: true, framed: false }), { col: 0, colSpan: LAST_COLUMN + 1, text: termLabel('form'), style: 'title' });
  b.cell(b.row('year', { keepWithNext: true, framed: false }), { col: 0, colSpan: LAST_COLUMN + 1, text: `（${form.unit.year ?? ''}年度）`, style: 'subtitle' });
}

function unitBlock(b: LayoutBuilder, form: FormDocument): void {
  b.label(b.row('section', { keepWithNext: true }), 0, 'unitInfo', { colSpan: LAST_COLUMN + 1, style: 'section' });
  const row = b.row('unit');
  b.label(row, 0, 'unitName', { colSpan: 2 });
  b.cell(row, { col: 2, colSpan: 6, text: form.unit.name, style: 'content' });
  b.label(row, 8, 'unitCount');
  b.numberCell(row, 9, maybe(form.unit.unitCount, (n) => printedCount(n, '个')), { colSpan: 2 });
  // As on the official form: the goals beside their label, the two long narratives under theirs.
  const goals = b.row('narrative');
  b.label(goals, 0, 'goals', { colSpan: 2 });
  b.cell(goals, { col: 2, colSpan: LAST_COLUMN - 1, text: form.narratives.goals, style: 'content' });
  for (const [term, text] of [
    ['completion', form.narratives.completion],
    ['shortfallReasons', form.narratives.shortfallReasons],
  ] as const) {
    b.label(b.row('narrative', { keepWithNext: true }), 0, term, { colSpan: LAST_COLUMN + 1 });
    b.cell(b.row('narrative'), { col: 0, colSpan: LAST_COLUMN + 1, text, style: 'content' });
  }
}

function expenditureBlock(b: LayoutBuilder, form: FormDocument): void {
  const groups = b.row('expenditure', { keepWithNext: true });
  b.label(groups, 0, 'expenditure', { colSpan: 2, rowSpan: 5 });
  b.cell(groups, { col: 2, colSpan: 2, rowSpan: 2, text: '', style: 'label' });
  for (const [breakdown, pair] of Object.entries(EXPENDITURE_BREAKDOWNS) as [keyof typeof EXPENDITURE_BREAKDOWNS, readonly [ExpenditureColumn, ExpenditureColumn]][]) {
    const first = EXPENDITURE_PLACES[pair[0]];
    const second = EXPENDITURE_PLACES[pair[1]];
    b.label(groups, first.col, BREAKDOWN_TERMS[breakdown], { colSpan: second.col + second.span - first.col, style: 'header' });
  }
  const names = b.row('expenditure', { keepWithNext: true });
  for (const column of EXPENDITURE_COLUMNS) b.label(names, EXPENDITURE_PLACES[column].col, column, { colSpan: EXPENDITURE_PLACES[column].span, style: 'header' });
  const table = form.expenditure;
  for (const [term, cells, print, keep] of [
    ['budgeted', table.budgeted, printedAmount, true],
    ['executed', table.executed, printedAmount, true],
    ['executionRate', table.printedRatePercent, printedRate, false],
  ] as const) {
    const row = b.row('expenditure', { keepWithNext: keep });
    b.label(row, 2, term, { colSpan: 2 });
    for (const column of EXPENDITURE_COLUMNS) b.numberCell(row, EXPENDITURE_PLACES[column].col, maybe(cells[column], print), { colSpan: EXPENDITURE_PLACES[column].span, align: 'right' });
  }
}

function headerRow(b: LayoutBuilder, style: RowStyle): number {
  const row = b.row('indicatorHeader', { keepWithNext: true });
  const terms: [number, number, TermId][] =
    style === 'definition'
      ? [[6, 2, 'definition'], [8, 1, 'selfScore'], [9, 2, 'basis']]
      : [[6, 1, 'target'], [7, 1, 'actual'], [8, 1, 'selfScore'], [9, 1, 'basis'], [10, 1, 'remark']];
  const level: [number, number, TermId][] = [[0, 1, 'level1Indicator'], [1, 1, 'weight'], [2, 1, 'level2Indicator'], [3, 1, 'weight'], [4, 1, 'level3Indicator'], [5, 1, 'weight']];
  for (const [col, colSpan, term] of [...level, ...terms]) b.label(row, col, term, { colSpan, style: 'header' });
  return row;
}

function leafCells(b: LayoutBuilder, row: number, leaf: IndicatorLeaf, style: RowStyle): void {
  b.cell(row, { col: 4, text: leaf.name, style: 'content' });
  b.numberCell(row, 5, maybe(leaf.weight, printedPlain));
  if (style === 'definition') b.cell(row, { col: 6, colSpan: 2, text: leaf.definition, style: 'content' });
  else {
    b.cell(row, { col: 6, text: leaf.target, style: 'content' });
    b.cell(row, { col: 7, text: leaf.actual, style: 'content' });
  }
  if (leaf.selfScore === null && leaf.notApplicable) b.label(row, 8, 'notApplicable');
  else b.numberCell(row, 8, maybe(leaf.selfScore, printedPlain));
  if (style === 'definition') b.cell(row, { col: 9, colSpan: 2, text: leaf.basis, style: 'content' });
  else {
    b.cell(row, { col: 9, text: leaf.basis, style: 'content' });
    b.cell(row, { col: 10, text: leaf.remark, style: 'content' });
  }
}

/** Rows a group takes: one per leaf, at least one. */
function rowsOf(node: Level1Group | Level2Group): number {
  let count = 0;
  for (const child of node.children) count += child.kind === 'leaf' ? 1 : rowsOf(child);
  return Math.max(1, count);
}

function groupCells(b: LayoutBuilder, row: number, group: Level1Group | Level2Group, col: number): void {
  const rowSpan = rowsOf(group);
  b.cell(row, { col, rowSpan, text: group.name, style: 'content', align: 'center' });
  b.numberCell(row, col + 1, maybe(group.weight, printedPlain), { rowSpan });
}

function indicatorBlock(b: LayoutBuilder, form: FormDocument): void {
  let style: RowStyle | null = null;
  let header = -1;
  for (const top of form.indicators) {
    const topStyle = rowStyleOf(top);
    if (topStyle !== style) {
      header = headerRow(b, topStyle);
      style = topStyle;
    }
    let row = b.row('indicator', { headerRow: header });
    groupCells(b, row, top, 0);
    let first = true;
    for (const child of top.children) {
      if (!first) row = b.row('indicator', { headerRow: header });
      first = false;
      if (child.kind === 'leaf') {
        leafCells(b, row, child, topStyle);
        continue;
      }
      groupCells(b, row, child, 2);
      child.children.forEach((leaf, i) => {
        if (i > 0) row = b.row('indicator', { headerRow: header });
        leafCells(b, row, leaf, topStyle);
      });
    }
  }
  const total = b.row('total', { headerRow: header < 0 ? null : header });
  b.label(total, 0, 'total');
  const weights = form.indicators.map((g) => g.weight);
  b.numberCell(total, 1, weights.length > 0 && weights.every((w) => w !== null) ? printedPlain(toNumber(sumOf(weights))) : null);
  b.cell(total, { col: 2, colSpan: 6, text: '', style: 'content' });
  b.numberCell(total, 8, maybe(form.printedTotal, printedPlain));
  b.cell(total, { col: 9, colSpan: 2, text: form.printedGrade === null ? '' : `${termLabel('grade')}：${gradeLabel(form.printedGrade)}`, style: 'content', align: 'center' });
}

/** The cells with every uncovered position of a framed row filled by a blank cell, in row and column order. */
function completed(rows: readonly LayoutRow[], cells: readonly LayoutCell[]): LayoutCell[] {
  const covered = rows.map(() => new Array<boolean>(FORM_COLUMNS.length).fill(false));
  for (const cell of cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) for (let c = cell.col; c < cell.col + cell.colSpan; c += 1) (covered[r] as boolean[])[c] = true;
  }
  const out = [...cells];
  rows.forEach((row, r) => {
    if (!row.framed) return;
    (covered[r] as boolean[]).forEach((isCovered, c) => {
      if (!isCovered) out.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: '', number: null, style: 'content', align: 'left' });
    });
  });
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The printed layout of a form (see the module comment). */
export function layoutForm(form: FormDocument): FormLayout {
  const b = new LayoutBuilder();
  titleBlock(b, form);
  unitBlock(b, form);
  expenditureBlock(b, form);
  indicatorBlock(b, form);
  return { columns: FORM_COLUMNS, rows: b.rows, cells: completed(b.rows, b.cells) };
}
