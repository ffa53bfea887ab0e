/**
 * Pagination of the printed layout onto A4 pages, pure geometry (no drawing, so it is tested alone):
 * - a row goes to the next page whole when it does not fit, and is split across pages only when it is
 *   taller than a page (its cells' lines continue on the next page, top-aligned);
 * - rows marked keep-with-next stay with the row after them (titles, table headers, the expenditure block);
 * - rows of the indicator table get their header row again at the top of each new page;
 * - a cell spanning rows (a level-1 or level-2 name) is cut at the page break and printed again on the
 *   next page, as published forms do, where its text fits; its first part always shows the text whole:
 *   the row before the break grows, or the group moves to the next page.
 */
import type { FormLayout, LayoutCell } from '../layout/layout-model.js';
import type { WrappedLine } from '../layout/wrap-lines.js';
import { CONTENT_BOTTOM, lineHeight, MARGIN_TOP, PAD_Y } from './page-geometry.js';

/** A cell, or the part of it on one page, placed on the page. */
export interface PlacedCell {
  readonly cell: LayoutCell;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The lines printed in this part; none where a continued name does not fit. */
  readonly lines: readonly WrappedLine[];
  readonly valign: 'middle' | 'top';
  readonly framed: boolean;
  /**
   * `first`: the cell, or the part of a split row that starts it; `continued`: the rest of a split row;
   * `repeated`: printed again at a page top (the table header, a group's name).
   */
  readonly part: 'first' | 'continued' | 'repeated';
}

/** One page's cells. */
export interface PrintedPage {
  readonly cells: readonly PlacedCell[];
}

/** What pagination needs to know about the layout beyond its rows and cells. */
export interface PaginationInput {
  readonly layout: FormLayout;
  /** Left edge of each column, and the right edge of the last (columns + 1 values). */
  readonly columnX: readonly number[];
  /** The wrapped lines of each cell, by index in `layout.cells`. */
  readonly lines: readonly (readonly WrappedLine[])[];
  /** Row heights that show every cell whole (row-heights.ts). */
  readonly heights: readonly number[];
}

/** A row, or part of one, on a page. */
interface Slice {
  readonly row: number;
  y: number;
  height: number;
  /** Lines [from, to) of the row's cells; `to` null means to the end. */
  readonly from: number;
  readonly to: number | null;
  /** A header row printed again at a page top. */
  readonly repeated: boolean;
}

/** Lines of the row's tallest single-row cell. */
function rowLines(input: PaginationInput, cellsByRow: readonly number[][], row: number): number {
  let most = 0;
  for (const index of cellsByRow[row] ?? []) {
    const cell = input.layout.cells[index] as LayoutCell;
    if (cell.rowSpan === 1) most = Math.max(most, input.lines[index]?.length ?? 0);
  }
  return most;
}

function cellHeight(input: PaginationInput, index: number): number {
  const cell = input.layout.cells[index] as LayoutCell;
  const count = input.lines[index]?.length ?? 0;
  return count === 0 ? 0 : count * lineHeight(cell.style) + 2 * PAD_Y;
}

/** Lays the rows out on pages (see the module comment). */
export function paginate(input: PaginationInput): PrintedPage[] {
  const { layout, heights } = input;
  const cellsByRow: number[][] = layout.rows.map(() => []);
  const spanning: number[] = [];
  layout.cells.forEach((cell, index) => {
    cellsByRow[cell.row]?.push(index);
    if (cell.rowSpan > 1) spanning.push(index);
  });
  const contentLine = lineHeight('content');
  const pages: Slice[][] = [[]];
  let y = MARGIN_TOP;
  const page = (): Slice[] => pages[pages.length - 1] as Slice[];
  const hasContent = (): boolean => page().some((s) => !s.repeated);
  const headerOf = (row: number): number | null => {
    const header = layout.rows[row]?.headerRow ?? null;
    return header === null || header === row ? null : header;
  };
  const newPage = (row: number): void => {
    pages.push([]);
    y = MARGIN_TOP;
    const header = headerOf(row);
    if (header !== null) {
      page().push({ row: header, y, height: heights[header] ?? 0, from: 0, to: null, repeated: true });
      y += heights[header] ?? 0;
    }
  };
  const place = (row: number, height: number, from: number, to: number | null): void => {
    page().push({ row, y, height, from, to, repeated: false });
    y += height;
  };
  /** Before a break ahead of `row`: the first row to move to the next page so that names cut by the break show whole, or null. */
  const settleBreak = (row: number): number | null => {
    const onPage = page().filter((s) => !s.repeated);
    const first = onPage[0]?.row ?? row;
    for (const index of spanning) {
      const cell = layout.cells[index] as LayoutCell;
      if (cell.row < first || cell.row >= row || cell.row + cell.rowSpan <= row) continue;
      const part = onPage.filter((s) => s.row >= cell.row).reduce((sum, s) => sum + s.height, 0);
      const deficit = cellHeight(input, index) - part;
      if (deficit <= 0) continue;
      const last = onPage[onPage.length - 1];
      if (last !== undefined && y + deficit <= CONTENT_BOTTOM) {
        last.height += deficit;
        y += deficit;
      } else if (cell.row > first) return cell.row;
    }
    return null;
  };

  const capacity = CONTENT_BOTTOM - MARGIN_TOP;
  /**
   * Height of the rows kept with `row`: the run of keep-with-next rows after it, the last only with its
   * first lines where it is long enough to be split anyway. None when the run is longer than a page.
   */
  const keptWith = (row: number): number => {
    let sum = 0;
    for (let r = row; layout.rows[r]?.keepWithNext === true && r + 1 < layout.rows.length; r += 1) {
      const last = layout.rows[r + 1]?.keepWithNext !== true;
      sum += last ? Math.min(heights[r + 1] ?? 0, 3 * contentLine + 2 * PAD_Y) : (heights[r + 1] ?? 0);
    }
    return sum + (heights[row] ?? 0) > capacity ? 0 : sum;
  };

  let row = 0;
  let offset = 0;
  let guard = layout.rows.length * 50 + 100;
  while (row < layout.rows.length && guard > 0) {
    guard -= 1;
    const total = rowLines(input, cellsByRow, row);
    const height = offset === 0 ? (heights[row] ?? 0) : (total - offset) * contentLine + 2 * PAD_Y;
    const next = offset === 0 ? keptWith(row) : 0;
    if (y + height + next <= CONTENT_BOTTOM || (!hasContent() && y + height <= CONTENT_BOTTOM)) {
      place(row, height, offset, null);
      row += 1;
      offset = 0;
      continue;
    }
    const freshPage = CONTENT_BOTTOM - MARGIN_TOP - (headerOf(row) === null ? 0 : (heights[headerOf(row) as number] ?? 0));
    const room = Math.floor((CONTENT_BOTTOM - y - 2 * PAD_Y) / contentLine);
    if (hasContent() && (height <= freshPage || room < 3)) {
      const back = settleBreak(row);
      if (back !== null) {
        const kept = page().filter((s) => s.repeated || s.row < back);
        page().splice(0, page().length, ...kept);
        row = back;
        offset = 0;
      }
      newPage(row);
      continue;
    }
    // Taller than a page: print what fits and continue on the next.
    const fits = Math.max(1, room);
    place(row, CONTENT_BOTTOM - y, offset, offset + fits);
    offset += fits;
    newPage(row);
  }
  return pages.filter((p) => p.length > 0).map((slices) => ({ cells: placeCells(input, cellsByRow, spanning, slices) }));
}

/** The cells of one page from its slices. */
function placeCells(input: PaginationInput, cellsByRow: readonly number[][], spanning: readonly number[], slices: readonly Slice[]): PlacedCell[] {
  const { layout, columnX } = input;
  const out: PlacedCell[] = [];
  const x = (cell: LayoutCell): { x: number; width: number } => {
    const left = columnX[cell.col] ?? 0;
    return { x: left, width: (columnX[cell.col + cell.colSpan] ?? left) - left };
  };
  for (const slice of slices) {
    for (const index of cellsByRow[slice.row] ?? []) {
      const cell = layout.cells[index] as LayoutCell;
      if (cell.rowSpan > 1) continue;
      const all = input.lines[index] ?? [];
      const split = slice.from > 0 || slice.to !== null;
      const part = slice.repeated ? 'repeated' : slice.from > 0 ? 'continued' : 'first';
      out.push({ cell, ...x(cell), y: slice.y, height: slice.height, lines: all.slice(slice.from, slice.to ?? undefined), valign: split ? 'top' : 'middle', framed: layout.rows[slice.row]?.framed ?? true, part });
    }
  }
  for (const index of spanning) {
    const cell = layout.cells[index] as LayoutCell;
    const parts = slices.filter((s) => s.row >= cell.row && s.row < cell.row + cell.rowSpan && !(s.repeated && cell.row !== s.row));
    if (parts.length === 0) continue;
    const first = parts[0] as Slice;
    const last = parts[parts.length - 1] as Slice;
    const height = last.y + last.height - first.y;
    const lines = input.lines[index] ?? [];
    // The part where the cell starts always prints its text: a reader takes a blank one for the group above.
    const fits = first.row === cell.row || cellHeight(input, index) <= height + 0.5;
    out.push({ cell, ...x(cell), y: first.y, height, lines: fits ? lines : [], valign: 'middle', framed: layout.rows[cell.row]?.framed ?? true, part: first.row === cell.row ? 'first' : 'repeated' });
  }
  return out;
}
