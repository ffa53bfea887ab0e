/**
 * A printed layout seen as a grid, the way a spreadsheet holding it reads: every cell of a merged range
 * repeats its text under one origin. It lets the grid reader be tested without any file format, and
 * tells whether a workbook still shows exactly what jixiao wrote (see restore-details.ts).
 */
import type { FormLayout } from '../layout/layout-model.js';
import type { GridCell, GridRow, GridSheet } from './grid-model.js';
import { BLANK_CELL } from './grid-model.js';

/** The layout as one sheet named `name`. */
export function layoutGrid(layout: FormLayout, name = 'layout'): GridSheet {
  const cells: GridCell[][] = layout.rows.map(() => layout.columns.map(() => BLANK_CELL));
  for (const cell of layout.cells) {
    const merged = cell.rowSpan > 1 || cell.colSpan > 1;
    const grid: GridCell = {
      text: cell.text,
      number: cell.number?.value ?? null,
      percent: cell.number?.numFmt.includes('%') ?? false,
      origin: merged ? `${name}!${cell.row}:${cell.col}` : '',
    };
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) for (let c = cell.col; c < cell.col + cell.colSpan; c += 1) (cells[r] as GridCell[])[c] = grid;
  }
  const rows: GridRow[] = cells.map((row, r) => ({ place: { kind: 'sheet', sheet: name, row: r + 1 }, cells: row }));
  return { name, rows };
}
