/**
 * How a table cell is written, by its column's format: the formats the server gives its tables (and their
 * .xlsx number formats), so a figure reads the same on every screen and in the download. Pure: unit-tested.
 */
import { formatFixed } from '@jixiao/core';
import type { AnalysisTable } from '../api/analysis-types.js';

/** text, integer, score (0.00), amount (#,##0.00) or percent (0.00%). */
export type CellFormat = AnalysisTable['columns'][number]['format'];

/** A cell as the server sends it: text, a number, or blank. */
export type Cell = string | number | null;

/** The cell's text: blank stays blank, text stays as it is, numbers by the format (rounded half-up by core). */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'integer':
    case 'text':
      return String(value);
    case 'score':
      return formatFixed(value, 2);
    case 'amount':
      return formatFixed(value, 2).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
    case 'percent':
      return `${formatFixed(value, 2)}%`;
  }
}
