/**
 * The indicator table of a grid, read row by row into the same drafts the text importer makes (so one
 * `assembleIndicators` gives ids, categories and scoring methods to both). Columns come from the header
 * row above the rows. A level-1 or level-2 cell that is blank continues the group above, as does one
 * that repeats its name (merged cells repeat it in every row; page tops print it again); a new name, or
 * the same name in a separate merged range, starts a new group. A row with no leaf name, weight or score
 * but with text continues the leaf above (a row the PDF split across pages).
 */
import { categoryOfLevel1 } from '@jixiao/core';
import type { IndicatorCategory } from '@jixiao/core';
import type { GroupDraft } from '../text/indicator-tree.js';
import type { LeafDraft } from '../text/leaf-rows.js';
import type { ImportProblems } from '../text/problems.js';
import { joinWrapped } from '../text/text-join.js';
import { cellNumber, cellText } from './cell-values.js';
import type { ColumnMap, TableField } from './grid-header.js';
import { columnMap, isHeaderRow, labelTerm } from './grid-header.js';
import type { GridCell, GridRow } from './grid-model.js';
import { cellAt, cellRef, isBlank, isBlankRow } from './grid-model.js';
import { TextParts } from './text-parts.js';

/** The text fields of a leaf, each shown in one column. */
const TEXT_FIELDS = ['definition', 'target', 'actual', 'basis', 'remark'] as const satisfies readonly TableField[];
type TextField = (typeof TEXT_FIELDS)[number];

/** Which of a leaf's fields the table showed (the rest were not on the page, not blank). */
export type SeenFields = ReadonlySet<TextField | 'notApplicable'>;

/** A leaf as read from a grid, with what its row showed and the 不适用 mark. */
export interface GridLeaf {
  readonly draft: LeafDraft;
  readonly seen: Set<TextField | 'notApplicable'>;
  notApplicable: boolean;
}

/** What the table gave: the drafts, the leaves in order with their extras, and the 总分 row if any. */
export interface GridTable {
  readonly groups: GroupDraft[];
  readonly leaves: GridLeaf[];
  readonly totalRow: GridRow | null;
  /** The column of 得分 in effect at the 总分 row. */
  readonly scoreColumn: number | undefined;
}

/** A cell's text as one line: names never hold paragraphs, so typed line breaks are joined away. */
export function singleLine(text: string): string {
  if (!text.includes('\n')) return text;
  return joinWrapped(text.split('\n').map((part, line) => ({ text: part.trim(), line })).filter((p) => p.text !== ''));
}

interface OpenGroup {
  draft: GroupDraft;
  origin: string;
}

interface OpenLeaf {
  leaf: GridLeaf;
  parts: Record<TextField, TextParts>;
}

function isTotalRow(row: GridRow): boolean {
  return row.cells.some((cell) => cell.text !== '' && cell.text.length < 20 && labelTerm(cell.text) === 'total');
}

function fieldCell(row: GridRow, map: ColumnMap, field: TableField): GridCell {
  return cellAt(row, map.get(field));
}

/** True when a group cell starts a new group rather than continuing `open` (see the module comment). */
function startsGroup(cell: GridCell, name: string, open: OpenGroup | null, separated: boolean): boolean {
  if (name === '') return false;
  if (open === null || name !== open.draft.name) return true;
  return !separated && cell.origin !== '' && open.origin !== '' && cell.origin !== open.origin;
}

/** Reads the indicator table from `rows`, starting at a header row; stops after the 总分 row. */
export function readGridIndicators(rows: readonly GridRow[], problems: ImportProblems): GridTable {
  const groups: GroupDraft[] = [];
  const leaves: GridLeaf[] = [];
  let map: ColumnMap = new Map();
  let level1: OpenGroup | null = null;
  let level2: OpenGroup | null = null;
  let leaf: OpenLeaf | null = null;
  let separated = true;
  let lastPage: number | null = null;
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    if (isHeaderRow(row)) {
      map = columnMap(row);
      separated = true;
      continue;
    }
    if (isTotalRow(row)) return { groups, leaves, totalRow: row, scoreColumn: map.get('score') };
    const page = row.place.kind === 'page' ? row.place.page : null;
    if (page !== lastPage) separated = true;
    lastPage = page;
    const line = row.place.kind === 'sheet' ? row.place.row : row.place.page;

    const l1Cell = fieldCell(row, map, 'level1');
    const l1Name = singleLine(cellText(l1Cell));
    if (startsGroup(l1Cell, l1Name, level1, separated)) {
      const category: IndicatorCategory = categoryOfLevel1(l1Name);
      if (category === 'other') problems.add('import.unknownLevel1', 'warning', { name: l1Name }, undefined, cellRef(row, map.get('level1')));
      level1 = { draft: { name: l1Name, line, weight: null, category, children: [] }, origin: l1Cell.origin };
      groups.push(level1.draft);
      level2 = null;
      leaf = null;
    }
    else if (level1 !== null && l1Name !== '') level1.origin = l1Cell.origin;
    if (level1 === null) {
      problems.add('import.unexpectedText', 'warning', { text: row.cells.map(cellText).filter((t) => t !== '').join(' ').slice(0, 40) }, undefined, cellRef(row));
      continue;
    }
    level1.draft.weight ??= cellNumber(fieldCell(row, map, 'level1Weight'));

    const l2Cell = fieldCell(row, map, 'level2');
    const l2Name = singleLine(cellText(l2Cell));
    if (startsGroup(l2Cell, l2Name, level2, separated)) {
      level2 = { draft: { name: l2Name, line, weight: null, category: level1.draft.category, children: [] }, origin: l2Cell.origin };
      level1.draft.children.push(level2.draft);
      leaf = null;
    } else if (level2 !== null && l2Name !== '') level2.origin = l2Cell.origin;
    if (level2 !== null) level2.draft.weight ??= cellNumber(fieldCell(row, map, 'level2Weight'));
    separated = false;

    const nameCell = fieldCell(row, map, 'level3');
    const name = singleLine(cellText(nameCell));
    const weightCell = fieldCell(row, map, 'level3Weight');
    const scoreCell = fieldCell(row, map, 'score');
    const hasText = TEXT_FIELDS.some((field) => map.has(field) && !isBlank(fieldCell(row, map, field)));
    if (name === '' && isBlank(weightCell) && isBlank(scoreCell)) {
      if (!hasText) continue;
      if (leaf === null) {
        problems.add('import.unexpectedText', 'warning', { text: TEXT_FIELDS.map((f) => cellText(fieldCell(row, map, f))).join(' ').trim().slice(0, 40) }, undefined, cellRef(row));
        continue;
      }
      for (const field of TEXT_FIELDS) if (map.has(field)) leaf.parts[field].add(fieldCell(row, map, field));
      finishLeaf(leaf);
      continue;
    }
    const draft: LeafDraft = { name, line, weight: cellNumber(weightCell), definition: '', target: '', actual: '', selfScore: null, basis: '', remark: '', pendingCells: null };
    const notApplicable = labelTerm(cellText(scoreCell)) === 'notApplicable';
    if (!notApplicable) draft.selfScore = cellNumber(scoreCell);
    const seen = new Set<TextField | 'notApplicable'>(TEXT_FIELDS.filter((field) => map.has(field)));
    if (notApplicable) seen.add('notApplicable');
    leaf = { leaf: { draft, seen, notApplicable }, parts: { definition: new TextParts(), target: new TextParts(), actual: new TextParts(), basis: new TextParts(), remark: new TextParts() } };
    for (const field of TEXT_FIELDS) if (map.has(field)) leaf.parts[field].add(fieldCell(row, map, field));
    finishLeaf(leaf);
    (level2 ?? level1).draft.children.push(draft);
    leaves.push(leaf.leaf);
    if (draft.weight === null || (draft.selfScore === null && !notApplicable)) {
      const missing = draft.weight === null && draft.selfScore === null ? 'weightAndScore' : draft.weight === null ? 'weight' : 'score';
      problems.add('import.rowIncomplete', 'warning', { name, missing }, undefined, cellRef(row));
    }
  }
  return { groups, leaves, totalRow: null, scoreColumn: map.get('score') };
}

function finishLeaf(open: OpenLeaf): void {
  const draft = open.leaf.draft;
  draft.definition = open.parts.definition.value();
  draft.target = open.parts.target.value();
  draft.actual = open.parts.actual.value();
  draft.basis = open.parts.basis.value();
  draft.remark = open.parts.remark.value();
}
