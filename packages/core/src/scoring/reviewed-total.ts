/**
 * 复核总分 (the reviewed total): the form's scores with the finance reviewer's score put in wherever one
 * was given, the self-score elsewhere, 不适用 indicators left out (not rescaled, as the review screen shows
 * it). One function, so that the review screen and the published open data can never disagree.
 */
import type { FormDocument } from '../form/form-document.js';
import { leavesOf } from '../form/walk.js';
import { add, exact, roundHalfUp, SCORE_DECIMALS, ZERO } from '../money/exact.js';

/** A reviewer's score on one indicator (null: looked at, no score given). */
export interface IndicatorReviewScore {
  indicatorId: string;
  score: number | null;
}

/** The reviewed total, rounded half-up to two decimals. */
export function reviewedTotal(form: Pick<FormDocument, 'indicators'>, reviews: readonly IndicatorReviewScore[]): number {
  const byId = new Map(reviews.map((r) => [r.indicatorId, r.score]));
  let total = ZERO;
  for (const { leaf } of leavesOf(form)) {
    if (!leaf.notApplicable) total = add(total, exact(byId.get(leaf.id) ?? leaf.selfScore ?? 0));
  }
  return roundHalfUp(total, SCORE_DECIMALS);
}
