/**
 * Seeded randomness for tests (fuzzing, generated inputs): the same seed gives the same stream, so a failing
 * input can be replayed from its seed alone. mulberry32: small, fast, good enough for test data.
 */

/** A stream of numbers in [0, 1). */
export type Random = () => number;

/** A deterministic stream for `seed`. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export const randomInt = (r: Random, n: number): number => Math.floor(r() * n);

/** One of `items`, chosen by `r`. */
export const pick = <T>(r: Random, items: readonly T[]): T => items[randomInt(r, items.length)] as T;
