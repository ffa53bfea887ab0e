/**
 * Character codes and code sets for the quantity scanner. The scanner compares char codes, never
 * one-character strings: reading text[i] of a Chinese text allocates a string per character.
 */

/** A set of code units, as a plain array (a Set would hash NaN, which out-of-range positions give, slowly). */
export function codes(chars: string): readonly number[] {
  return [...chars].map((c) => c.charCodeAt(0));
}

/** Whether `code` is in a set made by `codes` (NaN never is). */
export function isOneOf(list: readonly number[], code: number): boolean {
  for (const member of list) if (member === code) return true;
  return false;
}

// Code units the scanner looks for: module constants, which the compiler folds.
/** 了 */
export const LE = 0x4e86;
/** 各 */
export const GE = 0x5404;
/** 第 */
export const DI = 0x7b2c;
/** 余 */
export const YU = 0x4f59;
/** 多 */
export const DUO = 0x591a;
/** 年 */
export const NIAN = 0x5e74;
/** 月 */
export const YUE = 0x6708;
/** 日 */
export const RI = 0x65e5;
/** 号 */
export const HAO = 0x53f7;
/** 游 */
export const YOU = 0x6e38;
/** / */
export const SLASH = 0x2f;
/** . */
export const DOT = 0x2e;
/** , */
export const COMMA = 0x2c;
/** : */
export const COLON = 0x3a;
/** ： */
export const FULL_COLON = 0xff1a;
/** 、 */
export const DUN = 0x3001;
/** ( */
export const OPEN = 0x28;
/** （ */
export const FULL_OPEN = 0xff08;
/** ) */
export const CLOSE = 0x29;
/** ） */
export const FULL_CLOSE = 0xff09;
/** 之, the end of 百分之 */
export const ZHI = 0x4e4b;

/** An ASCII digit. */
export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ASCII digit at `pos` (false outside the text). */
export function isDigitAt(text: string, pos: number): boolean {
  return isDigitCode(text.charCodeAt(pos));
}

/** An ASCII letter at `pos` (false outside the text). */
export function isAsciiLetterAt(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos) | 0x20;
  return code >= 0x61 && code <= 0x7a;
}

/** An opening parenthesis, half- or full-width. */
export function isOpenParen(code: number): boolean {
  return code === OPEN || code === FULL_OPEN;
}
