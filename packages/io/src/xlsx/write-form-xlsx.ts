/**
 * The form as an Excel workbook in the official 附件3 layout: the printed layout drawn cell by cell with
 * merges, borders, wrapped text, number formats and row heights that show every text whole (Excel sizes
 * no row for merged cells), set up to print on A4 landscape, one page wide, with the indicator table's
 * header repeated on every page. Figures are values, never formulas, so a spreadsheet user can check
 * them. The complete form is stored on a hidden sheet so that reading the file back loses nothing.
 */
import type { FormDocument } from '@jixiao/core';
import { termLabel } from '@jixiao/core';
import type { Alignment, Borders, Fill, Font } from 'exceljs';
import { layoutForm } from '../layout/form-layout.js';
import type { CellStyle, LayoutCell } from '../layout/layout-model.js';
import { cellWidth, rowHeights } from '../layout/row-heights.js';
import { wrapLines } from '../layout/wrap-lines.js';
import { visualWidth } from '../text/text-join.js';
import { addEmbeddedForm } from './embedded-form.js';

const FONT_NAME = '宋体';
const FONT_SIZES: Readonly<Record<CellStyle, number>> = { appendix: 11, title: 18, subtitle: 12, section: 11, label: 10, header: 10, content: 10, number: 10 };
const BOLD: ReadonlySet<CellStyle> = new Set<CellStyle>(['title', 'section', 'header']);
const SHADED: ReadonlySet<CellStyle> = new Set<CellStyle>(['section', 'header', 'label']);
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Excel column widths are in units of about 7 pixels; a half-width character of 10pt 宋体 takes about 6.7. */
const PIXELS_PER_UNIT = 7;
const PIXELS_PER_HALF_WIDTH = 6.7;
const CELL_PADDING_PIXELS = 8;
const POINTS_PER_LINE = 13.5;
const ROW_PADDING_POINTS = 5;

/** Points a cell needs for its text, estimated from the characters (CJK counts twice a digit). */
function estimatedHeight(layoutWidth: number, cell: LayoutCell): number {
  const size = FONT_SIZES[cell.style];
  if (cell.text === '') return 0;
  const capacity = Math.max(2, Math.floor((layoutWidth * PIXELS_PER_UNIT - CELL_PADDING_PIXELS) / (PIXELS_PER_HALF_WIDTH * (size / 10))));
  const lines = wrapLines(cell.text, capacity, visualWidth).length;
  return lines * POINTS_PER_LINE * (size / 10) + ROW_PADDING_POINTS;
}

export interface XlsxOptions {
  /** Store the complete form on a hidden sheet (default true). */
  readonly embed?: boolean;
}

/** The workbook's bytes (see the module comment). */
export async function writeFormXlsx(form: FormDocument, options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const layout = layoutForm(form);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  const firstHeader = layout.rows.findIndex((row) => row.kind === 'indicatorHeader');
  const sheet = workbook.addWorksheet(termLabel('form'), {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(firstHeader >= 0 ? { printTitlesRow: `${firstHeader + 1}:${firstHeader + 1}` } : {}),
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = layout.columns.map((c) => ({ width: c.width }));
  const heights = rowHeights(layout, (cell) => estimatedHeight(cellWidth(layout, cell), cell), (r) => (layout.rows[r]?.kind === 'title' ? 30 : 20));
  heights.forEach((height, r) => {
    sheet.getRow(r + 1).height = Math.round(height * 10) / 10;
  });
  for (const cell of layout.cells) {
    const framed = layout.rows[cell.row]?.framed ?? true;
    const top = cell.row + 1;
    const left = cell.col + 1;
    if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    const target = sheet.getCell(top, left);
    if (cell.number !== null) {
      target.value = cell.number.value;
      target.numFmt = cell.number.numFmt;
    } else if (cell.text !== '') target.value = cell.text;
    const font: Partial<Font> = { name: FONT_NAME, size: FONT_SIZES[cell.style], bold: BOLD.has(cell.style) };
    const alignment: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: cell.align };
    target.font = font;
    target.alignment = alignment;
    if (!framed) continue;
    if (SHADED.has(cell.style)) target.fill = SHADE;
    // Borders of a merged range are drawn by its edge cells: each one gets them.
    for (let r = top; r < top + cell.rowSpan; r += 1) for (let c = left; c < left + cell.colSpan; c += 1) sheet.getCell(r, c).border = BORDERS;
  }
  if (options.embed !== false) addEmbeddedForm(workbook, form);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
