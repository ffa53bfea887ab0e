/**
 * Where in the editor a finding points: its `path` is the place as people read it (an indicator's name
 * path, an expenditure cell, 总分 …); this turns it into the cell to scroll to and highlight.
 */
import type { ExpenditureColumn, ExpenditureRow, FormDocument, Narratives } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, EXPENDITURE_ROWS, expenditurePath, groupsOf, indicatorPath, leavesOf, termLabel } from '@jixiao/core';

/** The leaf columns a finding can point at. */
export type AnchorField = 'selfScore' | 'basis' | 'target' | 'weight';

/** A place in the editor. */
export type Anchor =
  | { kind: 'leaf'; leafId: string; field: AnchorField }
  | { kind: 'group'; groupId: string }
  | { kind: 'expenditure'; row: ExpenditureRow; column: ExpenditureColumn | null }
  | { kind: 'narrative'; field: keyof Narratives }
  | { kind: 'total' }
  | { kind: 'indicators' };

/** The column of a leaf a rule's finding is about. */
const FIELD_OF_RULE: Readonly<Record<string, AnchorField>> = {
  'deduction-without-basis': 'basis',
  'target-not-understood': 'target',
  'target-unit-mismatch': 'target',
  'weight-missing': 'weight',
};

/** The anchor of a finding, or null when the path names nothing in this form. */
export function anchorOf(finding: { code: string; path: string }, form: FormDocument): Anchor | null {
  const { path } = finding;
  if (path === termLabel('total') || path === termLabel('grade')) return { kind: 'total' };
  if (path === termLabel('level1Indicator')) return { kind: 'indicators' };
  for (const field of ['goals', 'completion', 'shortfallReasons'] as const) if (path === termLabel(field)) return { kind: 'narrative', field };
  for (const row of EXPENDITURE_ROWS) {
    if (path === expenditurePath(row)) return { kind: 'expenditure', row, column: null };
    for (const column of EXPENDITURE_COLUMNS) if (path === expenditurePath(row, column)) return { kind: 'expenditure', row, column };
  }
  const leaf = leavesOf(form).find((l) => indicatorPath(l.namePath) === path);
  if (leaf) return { kind: 'leaf', leafId: leaf.leaf.id, field: FIELD_OF_RULE[finding.code] ?? 'selfScore' };
  const group = groupsOf(form).find((g) => indicatorPath(g.namePath) === path);
  if (group) return { kind: 'group', groupId: group.group.id };
  return null;
}

/** The DOM id of the element an anchor names (the editor gives its cells these ids). */
export function anchorElementId(anchor: Anchor): string {
  switch (anchor.kind) {
    case 'leaf':
      return cellId(anchor.leafId, anchor.field);
    case 'group':
      return `group-${anchor.groupId}`;
    case 'expenditure':
      return anchor.column === null ? `exp-${anchor.row}` : `exp-${anchor.row}-${anchor.column}`;
    case 'narrative':
      return `narrative-${anchor.field}`;
    case 'total':
      return 'form-total';
    case 'indicators':
      return 'indicator-grid';
  }
}

/** The DOM id of a leaf's cell. */
export function cellId(leafId: string, field: string): string {
  return `cell-${leafId}-${field}`.replace(/[^\w-]/gu, '_');
}
