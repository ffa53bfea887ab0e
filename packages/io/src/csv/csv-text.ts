/**
 * Writing CSV the way every jixiao CSV is written: UTF-8 with a byte order mark (Excel opens Chinese
 * correctly only then), CRLF line ends and RFC 4180 quoting. Text that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe; numbers are
 * written by jixiao and need no guard, so callers guard text fields only.
 */

const FORMULA_START = /^[=+\-@\t\r]/u;

/** A text field made safe from formula injection. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted where it must be (a comma, quote or line break inside, or spaces at either end). */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) || value !== value.trim() ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** The whole CSV text of a header and its rows, BOM included; every field already guarded where it is text. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
