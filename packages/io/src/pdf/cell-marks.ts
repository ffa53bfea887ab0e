/**
 * jixiao's marks on its own PDFs: each cell's text sits in a marked-content sequence whose tag names
 * the cell's place in the printed layout (`Jx.row.col.rowSpan.colSpan`), and each line that starts a
 * paragraph in a nested `JxP` sequence. Viewers and other tools ignore them; the reader rebuilds the
 * layout's grid from them and the text positions alone, exactly and without reading the page's drawing.
 */
import type { LayoutCell } from '../layout/layout-model.js';

/** The tag of lines that start a paragraph. */
export const PARAGRAPH_TAG = 'JxP';

const CELL_TAG = /^Jx\.(\d{1,5})\.(\d{1,3})\.(\d{1,5})\.(\d{1,3})$/u;

/** The tag of a cell's text. */
export function cellTag(cell: LayoutCell): string {
  return `Jx.${cell.row}.${cell.col}.${cell.rowSpan}.${cell.colSpan}`;
}

/** A cell's place read from its tag. */
export interface CellPlace {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** The place a tag names, or null for any other tag. */
export function placeOfTag(tag: string | null | undefined): CellPlace | null {
  const m = tag === null || tag === undefined ? null : CELL_TAG.exec(tag);
  if (m === null) return null;
  return { row: Number(m[1]), col: Number(m[2]), rowSpan: Number(m[3]), colSpan: Number(m[4]) };
}
