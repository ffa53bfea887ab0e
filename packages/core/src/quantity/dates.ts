/** Years and dates written with digits (2021年, 12月, 2021-12-31, 2021—2025年): numbers that are no figures. */
import { codes, HAO, isDigitAt, isOneOf, RI, YUE } from './char-codes.js';
import { digitsValue } from './arabic-numbers.js';

const DATE_SEPARATORS = codes('-/.~—至到');
const DATE_ENDINGS = codes('年月日号');

/** A four-digit number read as a year when 年 or a date separator follows. */
export function isYear(value: number): boolean {
  return value >= 1900 && value <= 2100;
}

/** The end of a date written with separators ("2021-12-31", "2021.12.31", "2021—2025年") continuing at `pos`, or -1 if none. */
export function dateEnd(text: string, pos: number): number {
  if (!isOneOf(DATE_SEPARATORS, text.charCodeAt(pos)) || !isDigitAt(text, pos + 1)) return -1;
  let end = pos + 1;
  while (isDigitAt(text, end)) end++;
  const digits = end - pos - 1;
  const next = digits <= 4 ? digitsValue(text, pos + 1, end) : 0;
  // The part after the separator must look like a year or a month: "2000-3000元" is a range, not a date.
  if (!((digits === 4 && isYear(next)) || (digits <= 2 && next >= 1 && next <= 12))) return -1;
  while (isOneOf(DATE_SEPARATORS, text.charCodeAt(end)) && isDigitAt(text, end + 1)) {
    end++;
    while (isDigitAt(text, end)) end++;
  }
  if (isOneOf(DATE_ENDINGS, text.charCodeAt(end))) end++;
  return end;
}

/** The end of the month or day word after a number at `pos` ("12月", "12月31日", "3日"), or -1 when it is no date. */
export function monthOrDayEnd(text: string, pos: number): number {
  const code = text.charCodeAt(pos);
  if (code === RI || code === HAO) return pos + 1;
  if (code !== YUE) return -1;
  let end = pos + 1;
  while (isDigitAt(text, end)) end++;
  const after = text.charCodeAt(end);
  if (end > pos + 1 && (after === RI || after === HAO)) return end + 1;
  return pos + 1;
}
