/**
 * The one place database numbers become JavaScript numbers: PostgreSQL returns NUMERIC and COUNT as
 * strings (to keep their precision), SQLite as numbers. Scores have two decimals, well within a double.
 */
export function readDecimal(value: string | number | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}

/** `readDecimal` for nullable columns. */
export function readNullableDecimal(value: string | number | bigint | null): number | null {
  return value === null ? null : readDecimal(value);
}
