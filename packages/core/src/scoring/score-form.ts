/**
 * 总分与等级: scores rolled up to every group, the total and the grade, with the suggested score of
 * every leaf beside the entered one.
 *
 * The total is the sum of the entered scores. Where indicators are marked 不适用 (not applicable), the
 * non-adjustment part is rescaled to its full weight (applicable scores × full weight / applicable
 * weight); adjustments are added unscaled, since they are bonuses and penalties, not shares of 100.
 */
import type { FormDocument } from '../form/form-document.js';
import type { Grade } from '../form/grade.js';
import { gradeOf } from '../form/grade.js';
import type { IndicatorLeaf } from '../form/indicator.js';
import type { LocatedLeaf } from '../form/walk.js';
import { leavesOf } from '../form/walk.js';
import type { Exact } from '../money/exact.js';
import { add, compare, div, exact, mul, roundHalfUp, SCORE_DECIMALS, sub, ZERO } from '../money/exact.js';
import type { TargetAssessment } from '../quantity/index.js';
import { assessTarget } from '../quantity/index.js';
import { suggestLeafScore } from './score-leaf.js';
import type { ScoreSuggestion } from './suggestion.js';

/** A leaf with its entered and suggested score. */
export interface LeafScore extends LocatedLeaf {
  /** The target assessment of a target-comparison leaf; null for other methods. */
  assessment: TargetAssessment | null;
  suggestion: ScoreSuggestion;
}

/** A group's weight beside the sum of its entered leaf scores. */
export interface GroupScore {
  id: string;
  namePath: string[];
  weight: number | null;
  /** Sum of the entered scores of the applicable leaves below, rounded to two decimals. */
  enteredSum: number;
}

export interface FormScore {
  /** 总分: entered scores, rescaled for 不适用 indicators, rounded half-up to two decimals. */
  total: number;
  grade: Grade;
  /** The plain sum of entered scores, before any rescaling. */
  enteredSum: number;
  /** True when 不适用 indicators made the total differ from the plain sum. */
  rescaled: boolean;
  /** The total if every leaf with an exact suggestion took it (others keep the entered score). */
  suggestedTotal: number;
  leaves: LeafScore[];
  groups: GroupScore[];
}

const value = (n: number | null): Exact => (n === null ? ZERO : exact(n));

/** Assessment of a duty leaf's target against its actual (the costly part: made once per leaf here). */
function assessmentOf(leaf: IndicatorLeaf): TargetAssessment | null {
  return leaf.method.kind === 'target' ? assessTarget(leaf.target, leaf.actual) : null;
}

/** Total of scores where adjustments are added and the rest rescaled for not-applicable weight. */
function rescaledTotal(leaves: readonly LeafScore[], scoreOf: (leaf: LeafScore) => Exact): { total: Exact; rescaled: boolean } {
  let core = ZERO;
  let coreWeight = ZERO;
  let naWeight = ZERO;
  let adjustments = ZERO;
  for (const l of leaves) {
    if (l.category === 'adjustment') {
      if (!l.leaf.notApplicable) adjustments = add(adjustments, scoreOf(l));
      continue;
    }
    coreWeight = add(coreWeight, value(l.leaf.weight));
    if (l.leaf.notApplicable) naWeight = add(naWeight, value(l.leaf.weight));
    else core = add(core, scoreOf(l));
  }
  const applicable = sub(coreWeight, naWeight);
  if (naWeight.num === 0n || compare(applicable, ZERO) <= 0) return { total: add(core, adjustments), rescaled: false };
  return { total: add(mul(core, div(coreWeight, applicable)), adjustments), rescaled: true };
}

/** Scores a whole form: suggestions per leaf, sums per group, total and grade. */
export function scoreForm(form: FormDocument): FormScore {
  const leaves: LeafScore[] = leavesOf(form).map(({ leaf, category, namePath, ancestors }) => {
    const assessment = assessmentOf(leaf);
    // Fields listed, not spread: on Node 20 an object literal with properties after a spread
    // ({ ...located, assessment }) takes a slow path costing microseconds per leaf, once a third of checking a form.
    return { leaf, category, namePath, ancestors, assessment, suggestion: suggestLeafScore(leaf, form.expenditure, assessment) };
  });

  const entered = (l: LeafScore): Exact => value(l.leaf.selfScore);
  const suggested = (l: LeafScore): Exact => (l.suggestion.kind === 'exact' ? exact(l.suggestion.score) : entered(l));
  const { total, rescaled } = rescaledTotal(leaves, entered);
  const roundedTotal = roundHalfUp(total, SCORE_DECIMALS);

  // The entered sums of the applicable leaves, in one pass: the whole form's and every group's (by id).
  let enteredSum = ZERO;
  const sums = new Map<string, Exact>();
  for (const l of leaves) {
    if (l.leaf.notApplicable) continue;
    const score = entered(l);
    enteredSum = add(enteredSum, score);
    for (const g of l.ancestors) sums.set(g.id, add(sums.get(g.id) ?? ZERO, score));
  }
  const groups: GroupScore[] = [];
  const seen = new Set<string>();
  for (const l of leaves) {
    l.ancestors.forEach((g, depth) => {
      if (seen.has(g.id)) return;
      seen.add(g.id);
      groups.push({ id: g.id, namePath: l.namePath.slice(0, depth + 1), weight: g.weight, enteredSum: roundHalfUp(sums.get(g.id) ?? ZERO, SCORE_DECIMALS) });
    });
  }

  return {
    total: roundedTotal,
    grade: gradeOf(roundedTotal),
    enteredSum: roundHalfUp(enteredSum, SCORE_DECIMALS),
    rescaled,
    suggestedTotal: roundHalfUp(rescaledTotal(leaves, suggested).total, SCORE_DECIMALS),
    leaves,
    groups,
  };
}
