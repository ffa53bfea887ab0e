/**
 * Numbers from grid cells, whether the file holds a number or someone typed it as text: "1.97",
 * full-width "１２７２０８．５３", "127,208.53", "2分", "6个", "98.3%". Rates come back as percentages
 * (98.3), from a cell shown as a percentage (its value is the fraction 0.983) or from text.
 */
import { asPercent, exact, toNumber } from '@jixiao/core';
import { normalizeForReading, plainNumber } from '../text/segments.js';
import type { GridCell } from './grid-model.js';

const THOUSANDS = /(\d),(?=\d{3}(?:\D|$))/gu;
const UNIT_SUFFIX = /\s*(?:分|个|家|万元|元)$/u;

/** A number typed as text, with thousands separators and a unit suffix allowed; null otherwise. */
export function numberFromText(text: string): number | null {
  const norm = normalizeForReading(text).trim().replace(THOUSANDS, '$1').replace(UNIT_SUFFIX, '');
  return plainNumber(norm);
}

/** The number a cell holds or shows, or null. */
export function cellNumber(cell: GridCell): number | null {
  if (cell.number !== null) return cell.percent ? toNumber(asPercent(exact(cell.number))) : cell.number;
  return numberFromText(cell.text);
}

/**
 * The percentage a rate cell shows: a percentage-formatted number (a fraction), "98.3%" as text, or a
 * bare number — a fraction when it is at most 2 (0.983), a percentage otherwise (98.3), since execution
 * rates lie far from both 2% and 200%.
 */
export function cellPercent(cell: GridCell): number | null {
  if (cell.number !== null) {
    if (cell.percent || Math.abs(cell.number) <= 2) return toNumber(asPercent(exact(cell.number)));
    return cell.number;
  }
  const norm = normalizeForReading(cell.text).trim();
  if (norm.endsWith('%')) return plainNumber(norm.slice(0, -1).trim());
  const bare = plainNumber(norm);
  if (bare === null) return null;
  return Math.abs(bare) <= 2 ? toNumber(asPercent(exact(bare))) : bare;
}

/** The text of a cell, trimmed, with Windows line ends made plain. */
export function cellText(cell: GridCell): string {
  return cell.text.replace(/\r\n?/gu, '\n').trim();
}
