/**
 * The grid of a PDF jixiao wrote, from its cell marks (cell-marks.ts): every marked piece of text goes
 * to the layout cell its tag names, the parts of a row split over pages join in page order, and lines
 * marked as paragraph starts start paragraphs. The result is the printed layout's grid, as an Excel
 * copy of the form would give it, without reading the page's drawing.
 */
import type { GridCell, GridRow, GridSheet } from '../grid/grid-model.js';
import { BLANK_CELL } from '../grid/grid-model.js';
import type { LinePiece } from '../text/text-join.js';
import { joinParagraphs } from '../text/text-join.js';
import type { CellPlace } from './cell-marks.js';
import { placeOfTag } from './cell-marks.js';
import type { PdfPage, TextPiece } from './pdf-content.js';
import { lineText, linesOf } from './text-lines.js';

/** Rows and columns a marked grid may have (a form has about 60 rows of 11 columns). */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 60;

interface MarkedCell {
  readonly place: CellPlace;
  readonly page: number;
  readonly pieces: Map<number, TextPiece[]>;
}

/** The marked cells' grid, or null when no piece carries a jixiao mark. */
export function markedGrid(pages: readonly PdfPage[], name = 'PDF'): GridSheet | null {
  const cells = new Map<string, MarkedCell>();
  for (const page of pages) {
    for (const piece of page.pieces) {
      const place = placeOfTag(piece.mark);
      if (place === null || place.row + place.rowSpan > MAX_ROWS || place.col + place.colSpan > MAX_COLUMNS) continue;
      const key = piece.mark as string;
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = { place, page: page.number, pieces: new Map() };
        cells.set(key, cell);
      }
      const onPage = cell.pieces.get(page.number);
      if (onPage === undefined) cell.pieces.set(page.number, [piece]);
      else onPage.push(piece);
    }
  }
  if (cells.size === 0) return null;
  const places = [...cells.values()].map((c) => c.place);
  const rowCount = Math.max(...places.map((p) => p.row + p.rowSpan));
  const colCount = Math.max(...places.map((p) => p.col + p.colSpan));
  const grid: GridCell[][] = Array.from({ length: rowCount }, () => new Array<GridCell>(colCount).fill(BLANK_CELL));
  const pageOfRow = new Array<number>(rowCount).fill(0);
  for (const cell of cells.values()) {
    const lines: LinePiece[] = [];
    for (const [, pieces] of [...cell.pieces].sort((a, b) => a[0] - b[0])) {
      for (const line of linesOf(pieces)) lines.push({ text: lineText(line), line: lines.length, indented: line[0]?.paragraphStart === true });
    }
    const { row, col, rowSpan, colSpan } = cell.place;
    const merged = rowSpan > 1 || colSpan > 1;
    const value: GridCell = { text: joinParagraphs(lines), number: null, percent: false, origin: merged ? `jx:${row}.${col}` : '', lines };
    for (let r = row; r < row + rowSpan; r += 1) for (let c = col; c < col + colSpan; c += 1) (grid[r] as GridCell[])[c] = value;
    if (pageOfRow[row] === 0 || cell.page < (pageOfRow[row] ?? 0)) pageOfRow[row] = cell.page;
  }
  let page = pages[0]?.number ?? 1;
  const rows: GridRow[] = grid.map((cellsOfRow, r) => {
    page = (pageOfRow[r] ?? 0) > 0 ? (pageOfRow[r] as number) : page;
    return { place: { kind: 'page', page }, cells: cellsOfRow };
  });
  return { name, rows };
}
