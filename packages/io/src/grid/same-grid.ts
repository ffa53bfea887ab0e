/**
 * Whether a sheet shows exactly what a grid holds, cell by cell: the same numbers where the grid has
 * numbers, the same texts elsewhere, nothing beyond. It tells, cheaply, that a workbook jixiao wrote
 * has not been edited since, so the complete form stored in it can be returned as it is.
 */
import { cellText } from './cell-values.js';
import type { GridCell, GridSheet } from './grid-model.js';
import { BLANK_CELL, isBlank } from './grid-model.js';

function sameCell(shown: GridCell, expected: GridCell): boolean {
  if (expected.number !== null) return shown.number === expected.number && shown.percent === expected.percent;
  if (expected.text === '') return isBlank(shown);
  return shown.number === null && cellText(shown) === expected.text;
}

/** True when `shown` shows exactly `expected` (see the module comment). */
export function showsSame(shown: GridSheet, expected: GridSheet): boolean {
  const rows = Math.max(shown.rows.length, expected.rows.length);
  for (let r = 0; r < rows; r += 1) {
    const a = shown.rows[r]?.cells ?? [];
    const b = expected.rows[r]?.cells ?? [];
    const cols = Math.max(a.length, b.length);
    for (let c = 0; c < cols; c += 1) if (!sameCell(a[c] ?? BLANK_CELL, b[c] ?? BLANK_CELL)) return false;
  }
  return true;
}
