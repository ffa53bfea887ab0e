/**
 * How the form's numbers are printed and held in spreadsheets: amounts with two decimals (`0.00`),
 * rates as percentages with one decimal (`0.0%`), weights and scores as entered. A value with more
 * decimals than its usual format keeps them all (the format widens), so printing never loses what a
 * department typed.
 */
import { formatFixed, fromPercent, hasAtMostDecimals, toNumber } from '@jixiao/core';
import type { LayoutNumber } from './layout-model.js';

/** A number as printed and as a spreadsheet holds it. */
export interface PrintedNumber {
  readonly text: string;
  readonly number: LayoutNumber;
}

/** Decimal places of a number as written in its shortest form (1.97 → 2, 125005.9 → 1). */
export function decimalsOf(value: number): number {
  for (let places = 0; places < 20; places += 1) if (hasAtMostDecimals(value, places)) return places;
  return 20;
}

function zeros(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** An amount in 万元: "127208.53", "125005.90". */
export function printedAmount(value: number): PrintedNumber {
  const decimals = Math.max(2, decimalsOf(value));
  return { text: formatFixed(value, decimals), number: { value, numFmt: zeros(decimals) } };
}

/** A printed rate given as a percentage (98.3): "98.3%", held as the fraction 0.983 in `0.0%`. */
export function printedRate(percent: number): PrintedNumber {
  const decimals = Math.max(1, decimalsOf(percent));
  return { text: `${formatFixed(percent, decimals)}%`, number: { value: toNumber(fromPercent(percent)), numFmt: `${zeros(decimals)}%` } };
}

/** A weight or a score, exactly as entered: "2", "1.97". */
export function printedPlain(value: number): PrintedNumber {
  return { text: formatFixed(value, decimalsOf(value)), number: { value, numFmt: 'General' } };
}

/** A count of units: "6个", held as 6 with the format `0"个"`. */
export function printedCount(value: number, unit: string): PrintedNumber {
  return { text: `${value}${unit}`, number: { value, numFmt: `0"${unit}"` } };
}
