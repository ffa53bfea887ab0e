import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, exact, formatFixed, roundHalfUp, sumOf, toNumber } from './exact.js';
import { asPercent, executionRate } from './rate.js';

describe('exact money', () => {
  it('adds amounts without binary floating error', () => {
    expect(formatFixed(add(exact(127208.53), exact(574.29)), 2)).toBe('127782.82');
    expect(toNumber(sumOf([127208.53, 574.29]))).toBe(127782.82);
    expect(127208.53 + 574.29).not.toBe(127782.82); // the float sum really is off; that is why this module exists
  });

  it('rounds half-up (四舍五入), never to even', () => {
    expect(roundHalfUp(1.965, 2)).toBe(1.97);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(formatFixed(1.005, 2)).toBe('1.01');
  });

  it('prints the seed rates as printed', () => {
    const rate = executionRate(125005.9, 127208.53);
    expect(rate).not.toBeNull();
    expect(formatFixed(asPercent(rate!), 1)).toBe('98.3');
    expect(formatFixed(asPercent(executionRate(1414.15, 1792.63)!), 1)).toBe('78.9');
  });

  it('preserves totals: a sum of two-decimal amounts prints exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 30 }), (cents) => {
        const amounts = cents.map((c) => c / 100);
        const expected = cents.reduce((a, b) => a + b, 0);
        const printed = formatFixed(sumOf(amounts), 2);
        expect(Math.round(Number(printed) * 100)).toBe(expected);
      }),
    );
  });
});
