/**
 * The shapes a quantity in a 年度指标值 (target) or 实际完成指标值 (actual) is read into. Targets and actuals
 * are free Chinese text; these types are the neutral reading the assessor compares.
 */

/** Every comparator a text can put on a figure, as data (no enum). */
export const COMPARATORS = ['atLeast', 'above', 'atMost', 'below', 'exactly', 'about', 'nearly'] as const;

/**
 * How a figure is qualified: atLeast 不低于/达到/以上, above 超过/余, atMost 不超过/以内/以下, below 低于/少于,
 * exactly 为/=, about 约/左右, nearly 近/将近/接近 (just under).
 */
export type Comparator = (typeof COMPARATORS)[number];

/** What a figure measures: a level (amount) or a change (growth: 同比增长, 增幅, 下降 …). */
export const QUANTITY_KINDS = ['amount', 'growth'] as const;

/** A level (`amount`) or a change (`growth`); the two are never compared with each other. */
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

/** One figure found in a text, normalised so that figures of the same unit class compare directly. */
export interface Quantity {
  /** growth for 同比增长2.0% / 增幅 / 下降 (negative); amount otherwise. */
  kind: QuantityKind;
  /** The comparator the text puts on the figure; null when it says nothing (plain "10万辆"). */
  comparator: Comparator | null;
  /** The value with its magnitude applied: 10万辆 → 100000, 1.5亿元 → 150000000, 同比增长2.0% → 2. */
  value: number;
  /** Canonical unit ('元', '辆', '家', '%', …); '' when the figure has none ("1000万以上"). */
  unit: string;
  /** Units that may be compared share a class: 个/家/项/件 are 'count', 人/名/位 'person'; '' when no unit. */
  unitClass: string;
  /** 各 ("各不超过7个"): the figure applies to each item, not to their total. */
  each: boolean;
  /** The span of the original text the figure was read from (comparator, figure, unit, trailing 以上 …). */
  text: string;
  /** Index of `text` in the original text. */
  start: number;
  /** Index just past `text` in the original text. */
  end: number;
}

/** Why a number in the text was deliberately not taken as a quantity. */
export const SKIP_REASONS = ['year', 'date', 'listMarker', 'ordinal', 'vague', 'code', 'tooLarge'] as const;

/**
 * year 2021年, date 12月/2021-12-31, listMarker "1." "(2)", ordinal 第二, vague 几百/数十, code 5G/A1,
 * tooLarge a figure beyond what a number holds (hundreds of digits: a damaged text, never a real target).
 */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A number seen but not taken as a quantity, kept so a caller can tell "no figure" from "a figure not understood". */
export interface SkippedNumber {
  reason: SkipReason;
  /** The span of the original text. */
  text: string;
  /** Index of `text` in the original text. */
  start: number;
}

/** The reading of one target or actual text: every quantity in order of appearance. */
export interface Measure {
  /** The original text, unchanged. */
  text: string;
  /** Every quantity found, in order of appearance. */
  quantities: Quantity[];
  /** Numbers seen but deliberately not read as quantities (years, dates, list markers, ordinals …). */
  skipped: SkippedNumber[];
}
