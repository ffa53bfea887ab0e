/**
 * Tables as an Excel workbook, one sheet each: a bold header row of the given (Chinese) headers, then the
 * rows with numbers as numbers under a number format per column (scores 0.00, amounts #,##0.00, rates
 * 0.00"%" over the percentage itself, counts 0), so a spreadsheet user can sum and sort them. Bytes out.
 */
import type { Worksheet } from 'exceljs';

/** How a column's values are written. */
export type TableColumnFormat = 'text' | 'integer' | 'score' | 'amount' | 'percent';

/** A column of a table. */
export interface TableColumn {
  header: string;
  format: TableColumnFormat;
}

/** A cell: text, a number, or blank. */
export type TableCell = string | number | null;

/** A table as it is shown and downloaded. */
export interface TableSheet {
  /** The sheet's name (Excel keeps at most 31 characters and no []:*?/\). */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

const NUMBER_FORMATS: Readonly<Record<TableColumnFormat, string | null>> = {
  text: null,
  integer: '0',
  score: '0.00',
  amount: '#,##0.00',
  percent: '0.00"%"',
};

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, SHEET_NAME_MAX - String(i).length - 1)}-${i}`;
  taken.add(name);
  return name;
}

/** Fills a sheet. Text is always written as a string value, never a formula (exceljs writes formulas only when asked). */
function fill(sheet: Worksheet, table: TableSheet): void {
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? null));
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    const format = NUMBER_FORMATS[column.format];
    if (format !== null) sheetColumn.numFmt = format;
    const longest = Math.max(column.header.length * 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    sheetColumn.width = Math.min(60, Math.max(8, longest + 2));
  });
  sheet.getRow(1).numFmt = '@';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The workbook of some tables. */
export async function writeTableWorkbook(tables: readonly TableSheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  const taken = new Set<string>();
  for (const table of tables) fill(workbook.addWorksheet(sheetName(table.title, taken)), table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
