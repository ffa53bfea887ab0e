/**
 * The PDF's pages planned before anything is drawn: the printed layout scaled to the page width, each
 * cell's text broken into lines by the font's real widths, row heights that show every line, and the
 * rows paginated. Pure given a width function, so the plan is tested without pdfkit.
 */
import type { FormDocument } from '@jixiao/core';
import { layoutForm } from '../layout/form-layout.js';
import type { FormLayout, LayoutCell } from '../layout/layout-model.js';
import { rowHeights } from '../layout/row-heights.js';
import type { WrappedLine } from '../layout/wrap-lines.js';
import { wrapLines } from '../layout/wrap-lines.js';
import { paginate } from './paginate.js';
import type { PrintedPage } from './paginate.js';
import { CONTENT_WIDTH, FONT_SIZE, INDENT_EM, lineHeight, MARGIN_X, MIN_ROW_HEIGHT, PAD_X, PAD_Y } from './page-geometry.js';

/** Width in points of one character at a font size. */
export type WidthAt = (size: number) => (ch: string) => number;

/** The planned pages, with the layout and the lines of every cell (by index in `layout.cells`). */
export interface PrintPlan {
  readonly layout: FormLayout;
  readonly lines: readonly (readonly WrappedLine[])[];
  readonly pages: readonly PrintedPage[];
}

/** True for cells whose paragraphs are marked by indentation: text cells holding several. */
export function indentsParagraphs(cell: LayoutCell): boolean {
  return cell.style === 'content' && cell.align === 'left' && cell.text.includes('\n');
}

/** Plans the pages of a form (see the module comment). */
export function planPages(form: FormDocument, widthAt: WidthAt): PrintPlan {
  const layout = layoutForm(form);
  const scale = CONTENT_WIDTH / layout.columns.reduce((sum, c) => sum + c.width, 0);
  const columnX = [MARGIN_X];
  for (const column of layout.columns) columnX.push((columnX[columnX.length - 1] ?? MARGIN_X) + column.width * scale);
  const lines: WrappedLine[][] = layout.cells.map((cell) => {
    if (cell.text === '') return [];
    const size = FONT_SIZE[cell.style];
    const width = (columnX[cell.col + cell.colSpan] ?? 0) - (columnX[cell.col] ?? 0) - 2 * PAD_X;
    return wrapLines(cell.text, width, widthAt(size), indentsParagraphs(cell) ? INDENT_EM * size : 0);
  });
  const cellIndex = new Map(layout.cells.map((cell, i) => [cell, i]));
  const heightOf = (cell: LayoutCell): number => {
    const count = lines[cellIndex.get(cell) ?? -1]?.length ?? 0;
    return count === 0 ? 0 : count * lineHeight(cell.style) + 2 * PAD_Y;
  };
  // Title rows are as tall as their line; framed rows never shorter than MIN_ROW_HEIGHT.
  const heights = rowHeights(layout, heightOf, (r) => (layout.rows[r]?.framed === false ? 0 : MIN_ROW_HEIGHT));
  return { layout, lines, pages: paginate({ layout, columnX, lines, heights }) };
}
