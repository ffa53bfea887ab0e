/**
 * The neutral grid on the way in: a file (workbook sheets, PDF pages) as rows of cells, before anything
 * is known about the form. Spreadsheets and PDFs both become this, and one reader (`formFromGrid`) turns
 * it into a form. A merged range repeats its text in every cell it covers, with the same `origin`, so a
 * level-1 name merged down twenty rows reads the same as one typed into each row.
 */
import type { LinePiece } from '../text/text-join.js';

export interface GridCell {
  /** The text as shown, '' for a blank cell. Paragraphs are separated by '\n'. */
  readonly text: string;
  /** The value where the file holds a number (spreadsheets); null for text and blanks. */
  readonly number: number | null;
  /** True when the number is shown as a percentage (its value is then a fraction, 0.983 for 98.3%). */
  readonly percent: boolean;
  /** The merged range (or the single cell) this cell belongs to; equal origins mean one printed cell. */
  readonly origin: string;
  /** The printed lines the text was joined from (PDF), so that a cell continued on the next page joins right. */
  readonly lines?: readonly LinePiece[];
}

/** Where a row is, as people look it up: a sheet's row, or a PDF page. */
export type GridPlace = { readonly kind: 'sheet'; readonly sheet: string; readonly row: number } | { readonly kind: 'page'; readonly page: number };

export interface GridRow {
  readonly place: GridPlace;
  /** Cells by column, from the first column of the sheet or page (leading blanks kept). */
  readonly cells: readonly GridCell[];
}

/** One sheet or one PDF (its pages in one sequence). */
export interface GridSheet {
  readonly name: string;
  readonly rows: readonly GridRow[];
}

/** A blank cell. */
export const BLANK_CELL: GridCell = { text: '', number: null, percent: false, origin: '', lines: [] };

/** The cell at a column, blank beyond the row's end. */
export function cellAt(row: GridRow, col: number | undefined): GridCell {
  return col === undefined ? BLANK_CELL : (row.cells[col] ?? BLANK_CELL);
}

/** True when a cell shows nothing. */
export function isBlank(cell: GridCell): boolean {
  return cell.number === null && cell.text.trim() === '';
}

/** True when every cell of a row is blank. */
export function isBlankRow(row: GridRow): boolean {
  return row.cells.every(isBlank);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** "A", "B", … "Z", "AA" … for a 0-based column. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = (LETTERS[r] ?? 'A') + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The place of a cell as people look it up: "Sheet1!C12", or "第2页". */
export function cellRef(row: GridRow, col?: number): string {
  if (row.place.kind === 'page') return `第${row.place.page}页`;
  return col === undefined ? `${row.place.sheet}!${row.place.row}` : `${row.place.sheet}!${columnLetter(col)}${row.place.row}`;
}

/** The cells of a row with distinct origins, in column order, each with its first column (merged repeats dropped). */
export function distinctCells(row: GridRow): { col: number; cell: GridCell }[] {
  const out: { col: number; cell: GridCell }[] = [];
  let previous: string | null = null;
  row.cells.forEach((cell, col) => {
    if (cell.origin !== '' && cell.origin === previous) return;
    previous = cell.origin;
    out.push({ col, cell });
  });
  return out;
}
