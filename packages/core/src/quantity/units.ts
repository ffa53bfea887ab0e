/**
 * Units (量词 and measures) a figure can carry, with their canonical spelling and their class: units of one
 * class may be compared with each other. Classes are conservative: only 个≈家≈项≈件 (count) and 人≈名≈位
 * (person) merge different words; 人次 is a count of visits, not of people; 元 and 美元 never compare.
 */
import { wordTable } from './word-table.js';

/** What the scanner knows about a unit word. */
export interface UnitInfo {
  /** Canonical spelling ('元', '家', '%', '公里' for km and 千米 …). */
  unit: string;
  /** Units of the same class may be compared. */
  unitClass: string;
  /** May follow a Chinese numeral ("三家" yes; "十分" is "very", not ten points; "一起" is "together"). */
  afterChineseNumeral: boolean;
}

/** Class of 个/家/项/件: counts of organisations, projects, items. */
export const COUNT_CLASS = 'count';
/** Class of 人/名/位: counts of people. */
export const PERSON_CLASS = 'person';
/** Class of 元 (renminbi, whatever the magnitude: 万元, 亿元 are 元 after normalisation). */
export const MONEY_CLASS = 'money';
/** Class of percentages. */
export const PERCENT_CLASS = '%';

type Row = readonly [spelling: string, unit: string, unitClass: string, afterChineseNumeral?: boolean];

// Units whose class is their own canonical spelling are listed with their class repeated on purpose:
// merging them with anything would be a guess.
const ROWS: readonly Row[] = [
  ['个', '个', COUNT_CLASS], ['家', '家', COUNT_CLASS], ['项', '项', COUNT_CLASS], ['件', '件', COUNT_CLASS],
  ['人', '人', PERSON_CLASS], ['名', '名', PERSON_CLASS], ['位', '位', PERSON_CLASS],
  ['人次', '人次', '人次'], ['场次', '场次', '场次'], ['户次', '户次', '户次'], ['家次', '家次', '家次'],
  ['元', '元', MONEY_CLASS], ['人民币', '元', MONEY_CLASS], ['元人民币', '元', MONEY_CLASS],
  ['美元', '美元', 'usd'], ['美金', '美元', 'usd'], ['港元', '港元', 'hkd'], ['港币', '港元', 'hkd'], ['欧元', '欧元', 'eur'],
  ['%', '%', PERCENT_CLASS], ['‰', '‰', '‰'], ['百分点', '百分点', '百分点'], ['个百分点', '百分点', '百分点'],
  ['倍', '倍', '倍'],
  ['辆', '辆', '辆'], ['台', '台', '台'], ['套', '套', '套'], ['部', '部', '部', false], ['架', '架', '架'], ['艘', '艘', '艘'],
  ['次', '次', '次'], ['场', '场', '场'], ['期', '期', '期'], ['届', '届', '届'], ['批', '批', '批'], ['轮', '轮', '轮'],
  ['户', '户', '户'],
  ['公顷', '公顷', '公顷'], ['亩', '亩', '亩'], ['平方米', '平方米', '平方米'], ['㎡', '平方米', '平方米', false],
  ['m²', '平方米', '平方米', false], ['m2', '平方米', '平方米', false], ['平方公里', '平方公里', '平方公里'],
  ['km²', '平方公里', '平方公里', false], ['km2', '平方公里', '平方公里', false], ['公里', '公里', '公里'],
  ['千米', '公里', '公里'], ['km', '公里', '公里', false], ['米', '米', '米'], ['立方米', '立方米', '立方米'],
  ['吨', '吨', '吨'], ['千克', '千克', '千克'], ['公斤', '千克', '千克'], ['kg', '千克', '千克', false],
  ['千瓦', '千瓦', '千瓦'], ['kW', '千瓦', '千瓦', false], ['kw', '千瓦', '千瓦', false], ['兆瓦', '兆瓦', '兆瓦'],
  ['MW', '兆瓦', '兆瓦', false], ['千瓦时', '千瓦时', '千瓦时'], ['kWh', '千瓦时', '千瓦时', false],
  ['面', '面', '面'], ['块', '块', '块'], ['张', '张', '张'], ['份', '份', '份'], ['本', '本', '本'], ['册', '册', '册'],
  ['篇', '篇', '篇'], ['条', '条', '条'], ['款', '款', '款'], ['种', '种', '种'], ['类', '类', '类'], ['所', '所', '所'],
  ['座', '座', '座'], ['栋', '栋', '栋'], ['间', '间', '间'], ['处', '处', '处'], ['宗', '宗', '宗'], ['起', '起', '起', false],
  ['例', '例', '例'], ['单', '单', '单', false], ['笔', '笔', '笔'], ['株', '株', '株'], ['棵', '棵', '棵'], ['只', '只', '只'],
  ['头', '头', '头', false], ['支', '支', '支'], ['组', '组', '组'], ['对', '对', '对', false], ['枚', '枚', '枚'],
  ['年', '年', '年'], ['个月', '月', '月'], ['周', '周', '周'], ['天', '天', '天'], ['小时', '小时', '小时'],
  ['分钟', '分钟', '分钟'], ['岁', '岁', '岁'], ['分', '分', '分', false],
];

/** Every unit spelling the scanner recognises, longest first at each position (人次 before 人). */
export const UNITS = wordTable<UnitInfo>(
  ROWS.map(([spelling, unit, unitClass, afterChineseNumeral]) => [spelling, { unit, unitClass, afterChineseNumeral: afterChineseNumeral ?? true }] as const),
);

/** Ratios: a bare-number target ("1000万以上") is never compared with these. */
export function isRatioClass(unitClass: string): boolean {
  return unitClass === PERCENT_CLASS || unitClass === '‰' || unitClass === '百分点' || unitClass === '倍';
}
