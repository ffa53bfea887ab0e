/**
 * 计算得分: the score a leaf's scoring method gives, as a suggestion and a check. The entered score
 * stays what the department typed.
 */
import type { ExpenditureTable } from '../form/expenditure.js';
import type { IndicatorLeaf } from '../form/indicator.js';
import type { AdjustmentMethod, BandsMethod, StepsMethod } from '../form/scoring-method.js';
import { QUALITATIVE_BANDS } from '../form/scoring-method.js';
import type { Exact } from '../money/exact.js';
import { compare, exact, fraction, min, mul, roundHalfUp, SCORE_DECIMALS, sub, toNumber, ZERO } from '../money/exact.js';
import { asPercent } from '../money/rate.js';
import type { TargetAssessment } from '../quantity/index.js';
import { resolveRate } from './rate-source.js';
import type { ScoreSuggestion } from './suggestion.js';

/** Each praise adds 2.5, each fault takes 2.5; each side is capped at 5 (加减分项). */
export const ADJUSTMENT_STEP = 2.5;
export const ADJUSTMENT_CAP = 5;

const score = (value: Exact): ScoreSuggestion => ({ kind: 'exact', score: roundHalfUp(value, SCORE_DECIMALS) });

function stepsScore(method: StepsMethod, weight: Exact, ratePercent: Exact): Exact {
  const beyond = method.direction === 'shortfall' ? sub(exact(method.fullAtPercent), ratePercent) : sub(ratePercent, exact(method.fullAtPercent));
  if (compare(beyond, ZERO) <= 0) return weight;
  // Only whole steps count: "每低5个百分点扣2分" deducts nothing for the first 4.9 points.
  const per = exact(method.perPercent);
  const steps = (beyond.num * per.den) / (beyond.den * per.num);
  const deducted = mul(exact(method.deduct), fraction(steps, 1));
  const left = sub(weight, deducted);
  return compare(left, ZERO) < 0 ? ZERO : left;
}

function bandsScore(method: BandsMethod, weight: Exact, ratePercent: Exact): Exact {
  for (const band of method.bands) {
    if (compare(ratePercent, exact(band.minPercent)) >= 0) return mul(weight, exact(band.fraction));
  }
  return ZERO;
}

function adjustmentSuggestion(method: AdjustmentMethod): ScoreSuggestion {
  if (method.praises === null || method.faults === null) return { kind: 'range', min: -ADJUSTMENT_CAP, max: ADJUSTMENT_CAP };
  const plus = Math.min(ADJUSTMENT_CAP, method.praises * ADJUSTMENT_STEP);
  const minus = Math.min(ADJUSTMENT_CAP, method.faults * ADJUSTMENT_STEP);
  return score(exact(plus - minus));
}

/** The suggestion for a target-comparison leaf, from its assessment. */
function targetSuggestion(leaf: IndicatorLeaf, weight: Exact, assessment: TargetAssessment | null): ScoreSuggestion {
  if (leaf.method.kind === 'target' && leaf.method.judgedBand) {
    const band = QUALITATIVE_BANDS[leaf.method.judgedBand];
    return {
      kind: 'range',
      min: roundHalfUp(mul(weight, exact(band.minFraction)), SCORE_DECIMALS),
      max: roundHalfUp(mul(weight, exact(band.maxFraction)), SCORE_DECIMALS),
    };
  }
  if (assessment === null) return { kind: 'none', reason: 'targetNotUnderstood' };
  switch (assessment.status) {
    case 'met':
      return score(weight);
    case 'missed':
      return score(mul(weight, exact(Math.max(0, Math.min(1, assessment.achieved)))));
    case 'qualitative':
      return { kind: 'none', reason: 'qualitativeNotJudged' };
    case 'unitMismatch':
      return { kind: 'none', reason: 'unitMismatch' };
    case 'unclear':
      return { kind: 'none', reason: 'targetNotUnderstood' };
  }
  return { kind: 'none', reason: 'targetNotUnderstood' };
}

/**
 * The suggested score of a leaf. `assessment` is the target assessment already made for the leaf
 * (made once per form by the caller, since understanding free text is the costly part).
 */
export function suggestLeafScore(leaf: IndicatorLeaf, expenditure: ExpenditureTable, assessment: TargetAssessment | null): ScoreSuggestion {
  const method = leaf.method;
  if (method.kind === 'adjustment') return adjustmentSuggestion(method);
  if (leaf.weight === null) return { kind: 'none', reason: 'noWeight' };
  const weight = exact(leaf.weight);
  switch (method.kind) {
    case 'manual':
      return { kind: 'none', reason: 'manual' };
    case 'target':
      return targetSuggestion(leaf, weight, assessment);
    case 'proportional':
    case 'steps':
    case 'bands': {
      const rate = resolveRate(method.rate, expenditure);
      if (rate === null) return { kind: 'none', reason: 'rateUnknown' };
      if (method.kind === 'proportional') return score(min(weight, mul(weight, compare(rate, ZERO) < 0 ? ZERO : rate)));
      const percent = asPercent(rate);
      return score(method.kind === 'steps' ? stepsScore(method, weight, percent) : bandsScore(method, weight, percent));
    }
  }
}

/** The rate a leaf's method reads, as a percentage for messages; null for other methods. */
export function leafRatePercent(leaf: IndicatorLeaf, expenditure: ExpenditureTable): number | null {
  const method = leaf.method;
  if (method.kind !== 'proportional' && method.kind !== 'steps' && method.kind !== 'bands') return null;
  const rate = resolveRate(method.rate, expenditure);
  return rate === null ? null : toNumber(asPercent(rate));
}
