/**
 * Reading numbers as people type or paste them from Excel: full-width digits, thousands separators,
 * a trailing 分 / 万元 / %, blanks. Blank is `null` (the form's "not filled in"); anything else that is
 * not a number is refused rather than guessed.
 */

/** What a typed number turned into. */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/** Parses a typed or pasted number; '' → null. */
export function parseTypedNumber(text: string): ParsedNumber {
  const s = text
    .normalize('NFKC')
    .replace(/[,\s]/gu, '')
    .replace(/(分|万元|元|%)$/u, '')
    .replace(/^−/u, '-');
  if (s === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/u.test(s)) return { ok: false };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A number as shown in a cell: blank for null, otherwise as short as it is exact. */
export function formatCellNumber(value: number | null): string {
  return value === null ? '' : String(value);
}
