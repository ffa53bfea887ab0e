/**
 * 评分方法 (scoring method): how an indicator's score can be computed from the form, so the system can
 * suggest a score and check the one entered. The entered score always stays what the department typed.
 */
import type { ExpenditureColumn } from './expenditure.js';

/**
 * Where a rate indicator takes its rate from: the expenditure table's overall executed / budgeted
 * (`total`), one of its columns, or a percentage entered for the indicator (e.g. 政府采购执行率, whose
 * figures are not on the form).
 */
export type RateSource =
  | { from: 'expenditure'; column: ExpenditureColumn | 'total' }
  | { from: 'entered'; percent: number | null };

/** 手工评分: people judge; nothing to compute. */
export interface ManualMethod {
  kind: 'manual';
}

/** 按比例: weight × rate, capped at the weight (the usual rule for execution rates). */
export interface ProportionalMethod {
  kind: 'proportional';
  rate: RateSource;
}

/**
 * 阶梯扣分 (steps): full marks while the rate is on the right side of `fullAtPercent`, then `deduct`
 * points for every `perPercent` points beyond it (a started step counts), never below zero.
 * `shortfall`: "full marks at 100%, minus 2 per 5 points short"; `excess`: "≤100% full, minus 1 per point over".
 */
export interface StepsMethod {
  kind: 'steps';
  rate: RateSource;
  direction: 'shortfall' | 'excess';
  fullAtPercent: number;
  perPercent: number;
  deduct: number;
}

/** 区间 (bands): the first band whose lower bound the rate reaches gives `fraction` of the weight. */
export interface BandsMethod {
  kind: 'bands';
  rate: RateSource;
  /** Ordered from the highest `minPercent` down. */
  bands: { minPercent: number; fraction: number }[];
}

/**
 * 目标比较 (target comparison), for duty indicators: met → full marks; missed → weight × actual/target
 * ("at least" targets) or weight × target/actual ("at most" targets). Qualitative targets are judged by
 * people into one of three bands (80–100%, 60–80%, 0–60% of the weight), recorded in `judgedBand`.
 */
export interface TargetMethod {
  kind: 'target';
  judgedBand?: QualitativeBand | null;
}

/** The three bands people use for qualitative targets. */
export const QUALITATIVE_BANDS = {
  high: { minFraction: 0.8, maxFraction: 1 },
  middle: { minFraction: 0.6, maxFraction: 0.8 },
  low: { minFraction: 0, maxFraction: 0.6 },
} as const;
export type QualitativeBand = keyof typeof QUALITATIVE_BANDS;

/**
 * 加减分 (adjustment): +2.5 per praise, −2.5 per fault, each side capped at 5.
 * `null` counts mean the form does not say (the seed prints only the resulting score).
 */
export interface AdjustmentMethod {
  kind: 'adjustment';
  praises: number | null;
  faults: number | null;
}

export type ScoringMethod =
  | ManualMethod
  | ProportionalMethod
  | StepsMethod
  | BandsMethod
  | TargetMethod
  | AdjustmentMethod;

export type ScoringMethodKind = ScoringMethod['kind'];

/** Methods that read a rate. */
export type RateMethod = ProportionalMethod | StepsMethod | BandsMethod;

/** True for methods that score a rate. */
export function isRateMethod(method: ScoringMethod): method is RateMethod {
  return method.kind === 'proportional' || method.kind === 'steps' || method.kind === 'bands';
}
