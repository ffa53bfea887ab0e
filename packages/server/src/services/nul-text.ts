/**
 * Looking through text before it is stored: NUL characters (U+0000), which PostgreSQL cannot hold in text
 * (the statement would fail as a server error) and no field needs; and nesting deeper than any document of
 * jixiao, which would overflow the stack of whatever walks it recursively later. Walked without recursion,
 * so a hostile body cannot overflow this walk either.
 */

const NUL = '\u0000';

/** Deeper than any form document (about eight levels) by far. */
export const MAX_NESTING = 64;

/** What is wrong with a value's text, and where (a JSON pointer under the name given), if anything. */
export type TextFault = { kind: 'nul'; where: string } | { kind: 'tooDeep'; where: string } | null;

/** The first NUL character or excessive nesting in a value (strings, arrays, objects and their keys). */
export function textFault(value: unknown, at: string): TextFault {
  const stack: { value: unknown; at: string; depth: number }[] = [{ value, at, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) return { kind: 'nul', where: item.at };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_NESTING) return { kind: 'tooDeep', where: item.at };
    const entries = Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i] ?? ['', null];
      if (key.includes(NUL)) return { kind: 'nul', where: `${item.at}/${key.replaceAll(NUL, '\\0')}` };
      stack.push({ value: v, at: `${item.at}/${key}`, depth: item.depth + 1 });
    }
  }
  return null;
}

/** Where in the value a string (or key) with NUL sits, or null (a value nested too deep counts as found there). */
export function nulPath(value: unknown, at: string): string | null {
  return textFault(value, at)?.where ?? null;
}
