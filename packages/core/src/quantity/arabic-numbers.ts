/** Arabic numbers in normalised text: where one ends, its decimal point, and its exact value. */
import { COMMA, DOT, isDigitAt } from './char-codes.js';

/** End of the Arabic number at `start`: digits, thousands groups (",000" not followed by a digit), decimals. */
export function arabicEnd(text: string, start: number): number {
  let end = start;
  while (isDigitAt(text, end)) end++;
  while (text.charCodeAt(end) === COMMA && isDigitAt(text, end + 1) && isDigitAt(text, end + 2) && isDigitAt(text, end + 3) && !isDigitAt(text, end + 4)) {
    end += 4;
  }
  if (text.charCodeAt(end) === DOT && isDigitAt(text, end + 1)) {
    end += 2;
    while (isDigitAt(text, end)) end++;
  }
  return end;
}

/** Position of the decimal point in text[start, end), or -1. */
export function decimalPoint(text: string, start: number, end: number): number {
  for (let i = end - 1; i > start; i--) if (text.charCodeAt(i) === DOT) return i;
  return -1;
}

/** The value of the plain ASCII digits text[from, to) (no separators, no point). */
export function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 0x30);
  return value;
}

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number written in text[from, to) (digits, thousands commas, one decimal point: "1035.2", "2,000.5")
 * × 10^exponent, as the double nearest to the exact decimal: the digits are read as an integer and scaled
 * once, so 1.5亿 is exactly 150000000 and 1035.2亿 exactly 103520000000 (1035.2 × 1e8 in floating point is
 * not). Reads the text in place: no slicing on the hot path.
 */
export function scaleDigits(text: string, from: number, to: number, exponent: number): number {
  let mantissa = 0;
  let count = 0;
  let fraction = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === COMMA) continue;
    if (code === DOT) {
      fraction = 0;
      continue;
    }
    mantissa = mantissa * 10 + (code - 0x30);
    count++;
    if (fraction >= 0) fraction++;
  }
  // Beyond 15 digits the running integer is no longer exact: let the decimal parser round correctly.
  if (count > 15) return Number(`${text.slice(from, to).replaceAll(',', '')}e${exponent}`);
  const shift = exponent - Math.max(fraction, 0);
  if (shift === 0) return mantissa;
  const power = POWERS_OF_TEN[Math.abs(shift)] ?? 10 ** Math.abs(shift);
  // One correctly rounded operation on exact operands: the nearest double to the decimal.
  return shift > 0 ? mantissa * power : mantissa / power;
}
