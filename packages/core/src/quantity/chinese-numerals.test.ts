import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from './chinese-numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['一百二十', 120], ['千', 1000], ['两千', 2000],
    ['一千零五', 1005], ['三万', 30_000], ['一万五千', 15_000], ['十万', 100_000], ['三亿', 300_000_000],
    ['一亿三千万', 130_000_000], ['一万亿', 1_000_000_000_000], ['零', 0],
  ] as const)('%s = %d', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it.each(['', '一一', '三五', '十百', '百千', '万', '亿', '二零二一', 'x'])('%s is no numeral', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeNull();
  });
});
