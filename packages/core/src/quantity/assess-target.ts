/**
 * assessTarget: is a 年度指标值 (target) met by its 实际完成指标值 (actual)? The scoring rules give full marks
 * when met and weight × achieved when missed; this says which, or says plainly that it cannot tell.
 *
 * Decisions, all in the direction of saying "unclear" rather than guessing:
 * - Each target figure is compared with every actual figure of the same kind (amount/growth) and unit class.
 *   If they agree (all met or all missed) the worst decides; if they disagree the actual is ambiguous.
 * - A bare target ("1000万以上") is compared with every actual figure that is not a ratio, whatever its unit:
 *   one such figure, or several that agree, decide; the seed's 宣传受众 text (人次, 家, bare, 面, 人 that
 *   disagree) is therefore 'unclear', never a 'missed' on the wrong figure.
 * - A bare actual ("超15万" against "8万人") is read in the target's unit only when no actual figure of that
 *   kind has a unit at all.
 * - 各 makes every candidate count: one over the cap is a miss, not an ambiguity.
 * - Bounds are inclusive (不超过130项 is met by 130项); 超/近/约 actuals are taken at their value.
 */
import type { Measure, Quantity } from './measure.js';
import { parseMeasure } from './parse-measure.js';
import { isRatioClass } from './units.js';

/** Whether a target is to be reached (at least) or not exceeded (at most). */
export type TargetDirection = 'atLeast' | 'atMost';

/** One target figure set against one actual figure of the same kind and unit class. */
export interface QuantityPair {
  target: Quantity;
  actual: Quantity;
  met: boolean;
}

/**
 * The verdict on one target/actual pair of texts. `achieved` (missed only) is the fraction the scoring rules
 * multiply the weight by: actual/target for "at least" targets, target/actual for "at most", the worst pair.
 */
export type TargetAssessment =
  | { status: 'met'; direction: TargetDirection; pairs: QuantityPair[] }
  | { status: 'missed'; direction: TargetDirection; pairs: QuantityPair[]; achieved: number }
  | { status: 'qualitative' }
  | { status: 'unclear'; reason: UnclearReason; detail: string }
  | { status: 'unitMismatch'; targetUnit: string; actualUnit: string };

/** Why a target/actual pair could not be assessed. */
export type UnclearReason = 'targetNotUnderstood' | 'actualNotUnderstood' | 'ambiguousActual';

/**
 * The direction a target figure asks for: 不超过/以内/以下/低于/少于 make it "at most", anything else "at
 * least" — except two plain figures that only make sense as ceilings: a fall ("下降5%" asks for a fall of at
 * least 5%, i.e. a growth of at most -5%) and zero ("安全事故0起" allows none).
 */
export function targetDirection(target: Quantity): TargetDirection {
  const { comparator, value } = target;
  if (comparator === 'atMost' || comparator === 'below') return 'atMost';
  if (comparator === 'atLeast' || comparator === 'above') return 'atLeast';
  if (value === 0 || (target.kind === 'growth' && value < 0)) return 'atMost';
  return 'atLeast';
}

/**
 * actual/target (at least) or target/actual (at most), unclamped. Two falls (-5% against -3%) are compared by
 * their size with the direction turned round; a figure of the wrong sign achieves nothing.
 */
function ratio(direction: TargetDirection, target: number, actual: number): number {
  if (target < 0 && actual < 0) return ratio(direction === 'atLeast' ? 'atMost' : 'atLeast', -target, -actual);
  if (direction === 'atLeast') {
    if (target <= 0) return actual >= target ? 1 : 0;
    return Math.max(0, actual / target);
  }
  if (actual <= 0) return actual <= target ? 1 : 0;
  return Math.max(0, target / actual);
}

function isMet(direction: TargetDirection, target: number, actual: number): boolean {
  // Boundaries are inclusive: 不超过130项 is met by 130项, and the printed figures are rounded anyway.
  return direction === 'atLeast' ? actual >= target : actual <= target;
}

/** Actual figures a target figure may be compared with: same kind, same unit class, with two careful exceptions. */
function candidatesFor(target: Quantity, actual: Measure): Quantity[] {
  const sameKind = actual.quantities.filter((q) => q.kind === target.kind);
  if (target.unitClass === '') {
    // A bare number ("1000万以上") is compared with every figure that is not a ratio; if they disagree the
    // caller reports the actual as ambiguous rather than picking the one that suits.
    return sameKind.filter((q) => !isRatioClass(q.unitClass));
  }
  const sameClass = sameKind.filter((q) => q.unitClass === target.unitClass);
  if (sameClass.length > 0) return sameClass;
  // An actual whose figures of this kind carry no unit at all ("超15万" against "8万人") is read in the
  // target's unit; one unit-bearing figure elsewhere would make that a guess.
  if (sameKind.every((q) => q.unitClass === '')) return sameKind;
  return [];
}

function describeCandidates(pairs: readonly QuantityPair[]): string {
  return pairs.map((p) => `「${p.actual.text}」${p.met ? '达标' : '未达标'}`).join('，');
}

interface Judged {
  pairs: QuantityPair[];
  met: boolean;
  /** The worst achieved ratio among the pairs (unclamped). */
  achieved: number;
  direction: TargetDirection;
}

type Failure = Extract<TargetAssessment, { status: 'unclear' | 'unitMismatch' }>;

function judge(target: Quantity, actual: Measure): Judged | Failure {
  const direction = targetDirection(target);
  const candidates = candidatesFor(target, actual);
  if (candidates.length === 0) {
    // A unit mismatch needs two units: a bare target against percentages is rather an actual not understood.
    const otherUnit = actual.quantities.find((q) => q.kind === target.kind && q.unitClass !== '' && q.unitClass !== target.unitClass);
    if (otherUnit !== undefined && target.unit !== '') return { status: 'unitMismatch', targetUnit: target.unit, actualUnit: otherUnit.unit };
    const what = target.kind === 'growth' ? '增长幅度' : '数值';
    return {
      status: 'unclear',
      reason: 'actualNotUnderstood',
      detail: actual.quantities.length === 0 ? '实际完成值中没有可比较的数值' : `实际完成值中没有与「${target.text}」对应的${what}`,
    };
  }
  const pairs = candidates.map((q) => ({ target, actual: q, met: isMet(direction, target.value, q.value) }));
  const metCount = pairs.filter((p) => p.met).length;
  // 各 ("各不超过7个"): every figure must satisfy the target, so disagreement is a miss, not an ambiguity.
  if (!target.each && metCount > 0 && metCount < pairs.length) {
    return {
      status: 'unclear',
      reason: 'ambiguousActual',
      detail: `「${target.text}」对应多个实际数值且结论不一：${describeCandidates(pairs)}`,
    };
  }
  let achieved = Number.POSITIVE_INFINITY;
  for (const p of pairs) achieved = Math.min(achieved, ratio(direction, target.value, p.actual.value));
  return { pairs, met: metCount === pairs.length, achieved, direction };
}

const NOTHING_WRITTEN = /^[\s\-—–_/\\.。、·…－―~～]*$/u;

/**
 * Compares a target text with an actual text: met, missed (with the fraction achieved), qualitative (the
 * target has no figure: people judge), unclear (with the reason) or a unit mismatch. Every target figure
 * must be matched by actual figures of the same kind and unit class; it never picks a figure silently.
 */
export function assessTarget(target: string, actual: string): TargetAssessment {
  const targetMeasure = parseMeasure(target);
  if (targetMeasure.quantities.length === 0) {
    if (NOTHING_WRITTEN.test(target)) return { status: 'unclear', reason: 'targetNotUnderstood', detail: '未填写年度指标值' };
    const unread = targetMeasure.skipped.find((s) => s.reason === 'ordinal' || s.reason === 'vague' || s.reason === 'code' || s.reason === 'tooLarge');
    if (unread !== undefined) {
      return { status: 'unclear', reason: 'targetNotUnderstood', detail: `无法理解年度指标值中的「${unread.text}」` };
    }
    return { status: 'qualitative' };
  }
  const actualMeasure = parseMeasure(actual);
  const pairs: QuantityPair[] = [];
  let worst: Judged | null = null;
  let first: Judged | null = null;
  for (const quantity of targetMeasure.quantities) {
    const judged = judge(quantity, actualMeasure);
    if ('status' in judged) return judged;
    for (const pair of judged.pairs) pairs.push(pair);
    first ??= judged;
    if (!judged.met && (worst === null || judged.achieved < worst.achieved)) worst = judged;
  }
  if (worst !== null) {
    return { status: 'missed', direction: worst.direction, pairs, achieved: Math.min(1, Math.max(0, worst.achieved)) };
  }
  return { status: 'met', direction: first?.direction ?? 'atLeast', pairs };
}
