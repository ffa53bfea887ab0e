/** Every check rule, in the order findings are listed (form structure first, then figures, then prose). */
import type { Rule } from '../rule.js';
import { adjustmentOutOfRange } from './adjustment-out-of-range.js';
import { breakdownsDisagree } from './breakdowns-disagree.js';
import { childrenWeightsSum } from './children-weights-sum.js';
import { deductionWithoutBasis } from './deduction-without-basis.js';
import { executedAboveBudgeted } from './executed-above-budgeted.js';
import { expenditureBlank } from './expenditure-blank.js';
import { gradeMismatch } from './grade-mismatch.js';
import { highMarksLowSpending } from './high-marks-low-spending.js';
import { level1WeightsSum } from './level1-weights-sum.js';
import { metTargetMarkedDown } from './met-target-marked-down.js';
import { missedTargetFullMarks } from './missed-target-full-marks.js';
import { notApplicableScored } from './not-applicable-scored.js';
import { printedRateMismatch } from './printed-rate-mismatch.js';
import { rateScoreMismatch } from './rate-score-mismatch.js';
import { scoreAboveWeight } from './score-above-weight.js';
import { scoreMissing } from './score-missing.js';
import { scoreNegative } from './score-negative.js';
import { shortfallReasonsMissing } from './shortfall-reasons-missing.js';
import { targetNotUnderstood } from './target-not-understood.js';
import { targetUnitMismatch } from './target-unit-mismatch.js';
import { totalMismatch } from './total-mismatch.js';
import { totalMissing } from './total-missing.js';
import { weightMissing } from './weight-missing.js';

export const RULES: readonly Rule[] = [
  level1WeightsSum,
  childrenWeightsSum,
  weightMissing,
  scoreAboveWeight,
  scoreNegative,
  scoreMissing,
  notApplicableScored,
  adjustmentOutOfRange,
  totalMismatch,
  totalMissing,
  gradeMismatch,
  breakdownsDisagree,
  printedRateMismatch,
  executedAboveBudgeted,
  expenditureBlank,
  rateScoreMismatch,
  missedTargetFullMarks,
  metTargetMarkedDown,
  targetNotUnderstood,
  targetUnitMismatch,
  deductionWithoutBasis,
  shortfallReasonsMissing,
  highMarksLowSpending,
];
