/**
 * An exceljs worksheet as the neutral grid. Merged ranges go through exceljs's merge model (every cell
 * of a range reads its master's value, and shares its origin); formulas give their cached results, shown
 * as their number format shows them (a rate formula printed 98.3% reads 98.3, not 98.2676…); rich text
 * and hyperlinks give their text; numbers keep their value with a flag for percentages.
 */
import { formatPlain, roundHalfUp } from '@jixiao/core';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { GridCell, GridRow, GridSheet } from '../grid/grid-model.js';
import { BLANK_CELL } from '../grid/grid-model.js';

/** Rows and columns read from a sheet; a form needs far fewer, and a hostile sheet gets no further. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 60;

type Plain = number | string | null;

/** Decimal places a number format shows (`0.00` → 2, `0.0%` → 1), or null for General and text formats. */
export function shownDecimals(numFmt: string | undefined): number | null {
  if (numFmt === undefined || numFmt === '' || /^general$/iu.test(numFmt) || numFmt === '@') return null;
  const section = (numFmt.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, '');
  if (!/[0#?]/u.test(section)) return null;
  const point = section.indexOf('.');
  if (point < 0) return 0;
  return /^[0#?]*/u.exec(section.slice(point + 1))?.[0].length ?? 0;
}

function plainOf(value: CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return plainOf(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? null : plainOf(value.result as CellValue);
  return null;
}

function isFormula(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

/** One cell of the grid. */
function gridCell(cell: Cell): GridCell {
  const value = cell.value;
  const plain = plainOf(value);
  const origin = cell.isMerged ? cell.master.address : '';
  if (plain === null) return origin === '' ? BLANK_CELL : { ...BLANK_CELL, origin };
  if (typeof plain === 'string') return { text: plain, number: null, percent: false, origin };
  const numFmt = cell.numFmt;
  const percent = numFmt?.includes('%') ?? false;
  const decimals = shownDecimals(numFmt);
  // A formula's result is read as shown; a typed number stays as typed, whatever its format shows.
  const number = isFormula(value) && decimals !== null ? roundHalfUp(plain, decimals + (percent ? 2 : 0)) : plain;
  const text = percent ? `${formatPlain(number * 100, 6)}%` : String(number);
  return { text, number, percent, origin };
}

/** The grid of a worksheet, from row 1 and column A (blank rows and columns are kept; readers skip them). */
export function sheetGrid(sheet: Worksheet): GridSheet {
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
  const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
  const rows: GridRow[] = [];
  for (let r = 1; r <= rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= columnCount; c += 1) cells.push(gridCell(row.getCell(c)));
    rows.push({ place: { kind: 'sheet', sheet: sheet.name, row: r }, cells });
  }
  return { name: sheet.name, rows };
}
