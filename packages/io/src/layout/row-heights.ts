/**
 * Row heights that show every cell's text whole: each row is as tall as its tallest single-row cell,
 * and a cell spanning rows (a level-1 or level-2 name) that needs more than its rows give spreads the
 * difference evenly over them. Excel never sizes rows for merged cells, and a PDF must not cut text,
 * so both writers take their heights from here, each with its own way of measuring text.
 */
import type { FormLayout, LayoutCell } from './layout-model.js';

/** The width of a cell in column units (the sum of the columns it spans). */
export function cellWidth(layout: FormLayout, cell: LayoutCell): number {
  let width = 0;
  for (let c = cell.col; c < cell.col + cell.colSpan; c += 1) width += layout.columns[c]?.width ?? 0;
  return width;
}

/** The height of every row, given the height each cell needs and a minimum per row. */
export function rowHeights(layout: FormLayout, heightOf: (cell: LayoutCell) => number, minHeight: (row: number) => number): number[] {
  const heights = layout.rows.map((_, r) => minHeight(r));
  const spanning: LayoutCell[] = [];
  for (const cell of layout.cells) {
    if (cell.rowSpan > 1) spanning.push(cell);
    else heights[cell.row] = Math.max(heights[cell.row] ?? 0, heightOf(cell));
  }
  spanning.sort((a, b) => a.rowSpan - b.rowSpan);
  for (const cell of spanning) {
    const need = heightOf(cell);
    let have = 0;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) have += heights[r] ?? 0;
    if (have >= need) continue;
    const extra = (need - have) / cell.rowSpan;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) heights[r] = (heights[r] ?? 0) + extra;
  }
  return heights;
}
