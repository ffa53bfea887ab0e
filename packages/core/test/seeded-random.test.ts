import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/index.js';

describe('seeded randomness', () => {
  it('gives the same stream for a seed every time, pinned so that a generated district can be made again after an upgrade', () => {
    // These figures are what `jixiao demo generate --seed 7` and every replayed fuzz seed were drawn from:
    // a different stream would silently give a different district for the same seed.
    const random = seededRandom(7);
    expect([random.next(), random.next(), random.next()]).toEqual([0.011704753153026104, 0.06195825757458806, 0.97690763277933]);
    expect(seededRandom(7).fork(3).next()).toBe(0.5962778923567384);
    expect(seededRandom(7).sample([1, 2, 3, 4, 5, 6, 7, 8], 8)).toEqual([5, 7, 2, 3, 4, 6, 8, 1]);
    expect(seededRandom(8).next()).not.toBe(seededRandom(7).next());
  });

  it('draws whole numbers from both ends of the range and nothing outside it', () => {
    const random = seededRandom(1);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('a forked stream does not depend on how many draws came before the fork', () => {
    const fresh = seededRandom(11);
    const used = seededRandom(11);
    for (let i = 0; i < 5; i++) used.next();
    expect(used.fork(2).next()).toBe(fresh.fork(2).next());
    expect(fresh.fork(2).next()).not.toBe(fresh.fork(3).next());
  });

  it('refuses to pick from nothing instead of answering undefined', () => {
    expect(() => seededRandom(1).pick([])).toThrow(/pick from nothing/u);
    expect(() => seededRandom(1).weighted([])).toThrow(/weighted pick from nothing/u);
  });
});
