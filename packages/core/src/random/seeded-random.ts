/**
 * Seeded randomness: the same seed gives the same stream, so a generated district (`jixiao demo generate`)
 * can be made again, a test can name what it expects, and a failing fuzz input can be replayed from its seed
 * alone. mulberry32: small, fast, good enough for demo data and test inputs (not for secrets).
 */

/** A stream of numbers in [0, 1) with the helpers its users draw with. */
export interface Random {
  /** The next number in [0, 1). */
  next: () => number;
  /** A whole number in [min, max]. */
  int: (min: number, max: number) => number;
  /** A number in [min, max). */
  between: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One of `items`. */
  pick: <T>(items: readonly T[]) => T;
  /** One of `weighted` entries, each chosen in proportion to its weight. */
  weighted: <T>(weighted: readonly (readonly [T, number])[]) => T;
  /** `count` distinct items of `items`, in random order. */
  sample: <T>(items: readonly T[], count: number) => T[];
  /** A new stream derived from this one and `salt` (a department's own stream, independent of how many draws came before). */
  fork: (salt: number) => Random;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic stream for `seed`. */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (weighted) => {
      const total = weighted.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of weighted) {
        r -= w;
        if (r < 0) return item;
      }
      const last = weighted[weighted.length - 1];
      if (!last) throw new Error('weighted pick from nothing');
      return last[0];
    },
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, count);
    },
    fork: (salt) => seededRandom(Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(salt + 1, 0x85ebca6b)),
  };
  return random;
}
