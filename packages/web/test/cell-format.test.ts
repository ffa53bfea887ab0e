import { describe, expect, it } from 'vitest';
import { formatCell } from '../src/model/cell-format.js';

describe('a table cell as written on the analysis screens', () => {
  it('writes amounts with thousands separators and two decimals, exactly', () => {
    expect(formatCell(127782.82, 'amount')).toBe('127,782.82');
    expect(formatCell(1234567.8, 'amount')).toBe('1,234,567.80');
    expect(formatCell(574.29, 'amount')).toBe('574.29');
  });

  it('writes scores with two decimals rounded half-up, and rates with a percent sign', () => {
    expect(formatCell(1.005, 'score')).toBe('1.01');
    expect(formatCell(95.77, 'score')).toBe('95.77');
    expect(formatCell(98.27, 'percent')).toBe('98.27%');
    expect(formatCell(100, 'percent')).toBe('100.00%');
  });

  it('leaves counts, years and text as they are, and a blank blank', () => {
    expect(formatCell(2021, 'integer')).toBe('2021');
    expect(formatCell('未填报', 'score')).toBe('未填报');
    expect(formatCell(null, 'amount')).toBe('');
  });
});
