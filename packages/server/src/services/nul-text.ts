/**
 * Finding NUL characters (U+0000) in text before it is stored: PostgreSQL cannot hold them in text (the
 * statement would fail as a server error), and no field of a form needs one.
 */

const NUL = '\u0000';

/** Where in the value a string (or key) with NUL sits, as a JSON pointer under `at`; null when nowhere. */
export function nulPath(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? at : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes(NUL)) return `${at}/${key.replaceAll(NUL, '\\0')}`;
    const found = nulPath(v, `${at}/${key}`);
    if (found !== null) return found;
  }
  return null;
}
