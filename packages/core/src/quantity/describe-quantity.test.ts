import { describe, expect, it } from 'vitest';
import { describeQuantity } from './describe-quantity.js';
import { parseMeasure } from './parse-measure.js';

const CASES: readonly (readonly [text: string, zh: string, en: string])[] = [
  ['达1500家', '≥ 1500 家', '≥ 1,500 家'],
  ['超140亿元', '> 140亿元', '> 14,000,000,000 元'],
  ['不低于2020年水平（1.5亿元）', '≥ 1.5亿元', '≥ 150,000,000 元'],
  ['各不超过7个', '各 ≤ 7 个', '≤ 7 个 each'],
  ['同比增长2.0%', '增长 2%', 'growth 2%'],
  ['下降不超过3%', '增长 ≥ -3%', 'growth ≥ -3%'],
  ['近1700家', '近 1700 家', 'nearly 1,700 家'],
  ['约6亿元', '约 6亿元', '≈ 600,000,000 元'],
  ['1000万以上', '≥ 1000万', '≥ 10,000,000'],
  ['10万辆', '10万辆', '100,000 辆'],
  ['少于2.5%', '< 2.5%', '< 2.5%'],
  ['12345元', '12345 元', '12,345 元'],
  ['2,000.5万元', '2000.5万元', '20,005,000 元'],
  ['1035.2亿元', '1035.2亿元', '103,520,000,000 元'],
];

describe('describeQuantity', () => {
  it.each(CASES)('%s → %s / %s', (text, zh, en) => {
    const [quantity] = parseMeasure(text).quantities;
    expect(quantity).toBeDefined();
    if (quantity === undefined) return;
    expect(describeQuantity(quantity, 'zh')).toBe(zh);
    expect(describeQuantity(quantity, 'en')).toBe(en);
  });
});
