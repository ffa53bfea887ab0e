/**
 * The review view's arithmetic: the finance reviewer's score beside the self-score per indicator, the
 * differences summed, and the total the reviewed scores make (exact, rounded half-up once, like core).
 */
import type { FormDocument } from '@jixiao/core';
import { add, exact, leavesOf, reviewedTotal, roundHalfUp, SCORE_DECIMALS, sub, ZERO } from '@jixiao/core';

/** A reviewer's score and comment on one indicator, as the API returns it. */
export interface IndicatorReview {
  indicatorId: string;
  score: number | null;
  comment: string;
}

/** One indicator's two scores. */
export interface ReviewLine {
  leafId: string;
  name: string;
  selfScore: number | null;
  reviewScore: number | null;
  /** review − self, where both are given. */
  difference: number | null;
  comment: string;
}

/** All the lines, the summed differences, and the total with review scores where given. */
export interface ReviewSums {
  lines: ReviewLine[];
  reviewedCount: number;
  /** Sum of (review − self) over the indicators the reviewer scored. */
  differenceSum: number;
  /** Self-scores with the reviewer's scores put in where given (not rescaled for 不适用). */
  reviewedTotal: number;
}

/** Puts the reviews beside the self-scores. */
export function reviewSums(form: FormDocument, reviews: readonly IndicatorReview[]): ReviewSums {
  const byId = new Map(reviews.map((r) => [r.indicatorId, r]));
  let differenceSum = ZERO;
  let reviewedCount = 0;
  const lines: ReviewLine[] = leavesOf(form).map(({ leaf }) => {
    const review = byId.get(leaf.id);
    const reviewScore = review?.score ?? null;
    let difference: number | null = null;
    if (reviewScore !== null) {
      reviewedCount += 1;
      const d = sub(exact(reviewScore), exact(leaf.selfScore ?? 0));
      differenceSum = add(differenceSum, d);
      difference = roundHalfUp(d, SCORE_DECIMALS);
    }
    return { leafId: leaf.id, name: leaf.name, selfScore: leaf.selfScore, reviewScore, difference, comment: review?.comment ?? '' };
  });
  return { lines, reviewedCount, differenceSum: roundHalfUp(differenceSum, SCORE_DECIMALS), reviewedTotal: reviewedTotal(form, reviews) };
}
