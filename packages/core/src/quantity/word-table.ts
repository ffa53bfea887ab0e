/**
 * A small keyed word table for the scanner: words grouped by their first or last code unit, longest first, so
 * that a lookup at a position costs one bit test on a miss and a map get plus a few `startsWith` calls on a
 * hit — no slicing, no regex per word.
 */

/** Words with their data, indexed for matching at a position (`startingAt`) or ending at one (`endingAt`). */
export interface WordTable<T> {
  /** The longest word that starts at `pos`, or null. */
  startingAt(text: string, pos: number): WordMatch<T> | null;
  /** The longest word that ends just before `pos` (text.slice(pos - length, pos)), or null. */
  endingAt(text: string, pos: number): WordMatch<T> | null;
}

/** A word found in a text, with the data the table holds for it. */
export interface WordMatch<T> {
  word: string;
  data: T;
}

function byKey<T>(entries: readonly (readonly [string, T])[], key: (word: string) => number): Map<number, WordMatch<T>[]> {
  const map = new Map<number, WordMatch<T>[]>();
  for (const [word, data] of entries) {
    const k = key(word);
    const list = map.get(k);
    if (list) list.push({ word, data });
    else map.set(k, [{ word, data }]);
  }
  for (const list of map.values()) list.sort((a, b) => b.word.length - a.word.length);
  return map;
}

/** One bit per BMP code unit (8 KB): a miss, the common case, costs one array read instead of a hash lookup. */
function bitset(keys: Iterable<number>): Uint32Array {
  const bits = new Uint32Array(0x10000 >>> 5);
  for (const k of keys) bits[k >>> 5] = (bits[k >>> 5] ?? 0) | (1 << (k & 31));
  return bits;
}

function hasBit(bits: Uint32Array, code: number): boolean {
  // NaN (a position outside the text) becomes 0 under >>> and & and is never a key: 0 is no word's code.
  return ((bits[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0;
}

/** Builds the table once, at module load (the tables are constant). */
export function wordTable<T>(entries: readonly (readonly [string, T])[]): WordTable<T> {
  const byFirst = byKey(entries, (w) => w.charCodeAt(0));
  const byLast = byKey(entries, (w) => w.charCodeAt(w.length - 1));
  const firstBits = bitset(byFirst.keys());
  const lastBits = bitset(byLast.keys());
  return {
    startingAt(text, pos) {
      const code = text.charCodeAt(pos);
      if (!hasBit(firstBits, code)) return null;
      const list = byFirst.get(code);
      if (list === undefined) return null;
      for (const match of list) if (text.startsWith(match.word, pos)) return match;
      return null;
    },
    endingAt(text, pos) {
      const code = text.charCodeAt(pos - 1);
      if (!hasBit(lastBits, code)) return null;
      const list = byLast.get(code);
      if (list === undefined) return null;
      for (const match of list) {
        const start = pos - match.word.length;
        if (start >= 0 && text.startsWith(match.word, start)) return match;
      }
      return null;
    },
  };
}
