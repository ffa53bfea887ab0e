/**
 * The words that qualify a figure: comparators before it (不低于, 超过, 近 …), after it (以上, 以内, 左右 …)
 * and the words that make it a change rather than a level (同比增长, 增幅, 下降 …). Words are matched in
 * their normalised spelling (simplified, half-width); traditional forms are folded by the matching text.
 */
import type { Comparator } from './measure.js';
import { wordTable } from './word-table.js';

/** Comparator words written before a figure. The longest match wins, so 不超过 beats 超过 beats 超. */
export const PREFIX_COMPARATORS = wordTable<Comparator>([
  ['不低于', 'atLeast'], ['不少于', 'atLeast'], ['不小于', 'atLeast'], ['达到', 'atLeast'], ['达', 'atLeast'],
  ['至少', 'atLeast'], ['最少', 'atLeast'], ['起码', 'atLeast'], ['≥', 'atLeast'], ['>=', 'atLeast'],
  // "提高到95%" names the level to reach, not a change: at least that level.
  ['提高到', 'atLeast'], ['提高至', 'atLeast'], ['提升到', 'atLeast'], ['提升至', 'atLeast'], ['增长到', 'atLeast'],
  ['增长至', 'atLeast'], ['增加到', 'atLeast'], ['增加至', 'atLeast'], ['增至', 'atLeast'], ['升至', 'atLeast'],
  ['上升到', 'atLeast'], ['上升至', 'atLeast'],
  ['超过', 'above'], ['超出', 'above'], ['超', 'above'], ['多于', 'above'], ['大于', 'above'], ['高于', 'above'],
  ['逾', 'above'], ['突破', 'above'], ['>', 'above'],
  ['不超过', 'atMost'], ['不超', 'atMost'], ['不高于', 'atMost'], ['不多于', 'atMost'], ['不大于', 'atMost'],
  ['未超过', 'atMost'], ['未超', 'atMost'], ['最多', 'atMost'], ['至多', 'atMost'], ['控制在', 'atMost'],
  ['降至', 'atMost'], ['降到', 'atMost'], ['下降到', 'atMost'], ['下降至', 'atMost'], ['降低到', 'atMost'],
  ['降低至', 'atMost'], ['减少到', 'atMost'], ['减少至', 'atMost'], ['减至', 'atMost'], ['≤', 'atMost'], ['<=', 'atMost'],
  ['少于', 'below'], ['低于', 'below'], ['小于', 'below'], ['不到', 'below'], ['不足', 'below'], ['未达到', 'below'],
  ['未达', 'below'], ['<', 'below'],
  ['=', 'exactly'], ['为', 'exactly'], ['等于', 'exactly'],
  ['约', 'about'], ['大约', 'about'], ['约为', 'about'], ['大概', 'about'], ['≈', 'about'],
  ['近', 'nearly'], ['将近', 'nearly'], ['接近', 'nearly'], ['逼近', 'nearly'], ['几近', 'nearly'],
]);

/** Comparator words written after a figure and its unit: "5个以上", "1000万以上", "3人以内", "10人左右". */
export const SUFFIX_COMPARATORS = wordTable<Comparator>([
  ['以上', 'atLeast'], ['及以上', 'atLeast'], ['或以上', 'atLeast'],
  ['以下', 'atMost'], ['及以下', 'atMost'], ['或以下', 'atMost'], ['以内', 'atMost'], ['之内', 'atMost'],
  ['左右', 'about'], ['上下', 'about'],
]);

/** Whether a growth word reports a fall (下降 3% is a growth of -3). */
export interface GrowthWord {
  negative: boolean;
}

/** Words that make the figure after them a change (kind 'growth'), not a level. */
export const GROWTH_WORDS = wordTable<GrowthWord>([
  ['同比增长', { negative: false }], ['同比增加', { negative: false }], ['同比提高', { negative: false }],
  ['同比上升', { negative: false }], ['增长率', { negative: false }], ['增长', { negative: false }],
  ['增幅', { negative: false }], ['增速', { negative: false }], ['增加', { negative: false }],
  ['提高', { negative: false }], ['提升', { negative: false }], ['上升', { negative: false }],
  ['上涨', { negative: false }], ['涨幅', { negative: false }],
  ['同比下降', { negative: true }], ['同比减少', { negative: true }], ['下降', { negative: true }],
  ['降低', { negative: true }], ['减少', { negative: true }], ['降幅', { negative: true }],
  ['减幅', { negative: true }], ['下滑', { negative: true }], ['回落', { negative: true }],
]);

/** The comparator a fall turns a comparator into: "下降不超过3%" is a growth of at least -3%. */
export function negateComparator(comparator: Comparator | null): Comparator | null {
  switch (comparator) {
    case 'atLeast':
      return 'atMost';
    case 'atMost':
      return 'atLeast';
    case 'above':
      return 'below';
    case 'below':
      return 'above';
    default:
      return comparator;
  }
}
