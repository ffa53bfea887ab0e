import { describe, expect, it } from 'vitest';
import { originalEnd, originalIndex, toMatchingText } from './matching-text.js';

describe('toMatchingText', () => {
  it('leaves a text that needs nothing untouched, without an index map', () => {
    const text = '达1500家（不低于上年），同比增长：5%；';
    const matching = toMatchingText(text);
    expect(matching.text).toBe(text);
    expect(matching.breaks).toEqual([]);
  });

  it('folds full-width, small-form and traditional spellings, keeping Chinese punctuation', () => {
    expect(toMatchingText('１０萬輛，﹦＞≧％（）：；').text).toBe('10万辆，=>≥%（）：；');
  });

  it('folds the compatibility forms PDF extraction produces: Kangxi radicals, small forms', () => {
    // ⼀ U+2F00 and ⼈ U+2F08 are Kangxi radicals that look exactly like 一 and 人.
    expect(toMatchingText('\u2f00\u2f08﹦﹪﹐').text).toBe('一人=%，');
  });

  it('drops white space but keeps digits apart, and maps positions back', () => {
    const original = '达1260.2亿\n元 127 574';
    const matching = toMatchingText(original);
    expect(matching.text).toBe('达1260.2亿元127 574');
    const yuan = matching.text.indexOf('元');
    expect(originalIndex(matching, yuan, original.length)).toBe(original.indexOf('元'));
    expect(originalEnd(matching, yuan + 1)).toBe(original.indexOf('元') + 1);
    expect(originalIndex(matching, matching.text.length, original.length)).toBe(original.length);
  });
});
