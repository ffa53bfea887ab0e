/**
 * Where a generated form stands in the workflow and what its reviewer said. Past years are mostly
 * published; the latest year is spread over every state, as a bureau sees it in spring. Forms that reached
 * the reviewer carry per-indicator reviews: most confirm the self-score, some score lower with a comment (so
 * self-vs-review gaps exist), and a returned form carries the reason it was returned.
 */
import type { FormDocument, FormState, Random } from '@jixiao/core';
import { leavesOf, roundHalfUp } from '@jixiao/core';
import { RETURN_COMMENTS, REVIEW_COMMENTS } from './vocabulary.js';

/** A reviewer's score and comment on one indicator. */
export interface PlannedReview {
  indicatorId: string;
  score: number;
  comment: string;
}

/** The workflow side of a generated form. */
export interface WorkflowPlan {
  state: FormState;
  reviews: PlannedReview[];
  /** The comment a returned form was sent back with ('' otherwise). */
  reviewComment: string;
}

const PAST_YEAR: readonly (readonly [FormState, number])[] = [['published', 80], ['approved', 12], ['submitted', 4], ['returned', 2], ['draft', 2]];
const LATEST_YEAR: readonly (readonly [FormState, number])[] = [['draft', 25], ['submitted', 25], ['returned', 10], ['approved', 20], ['published', 20]];

/** States in which the reviewer has looked at the form. */
const REVIEWED: readonly FormState[] = ['returned', 'approved', 'published'];

/** The state, reviews and return comment of a form of the `yearIndex`-th of `years` years. */
export function planWorkflow(document: FormDocument, yearIndex: number, years: number, random: Random): WorkflowPlan {
  const state = random.weighted(yearIndex === years - 1 ? LATEST_YEAR : PAST_YEAR);
  // A submitted form is reviewed by then about half the time; drafts never.
  const reviewed = REVIEWED.includes(state) || (state === 'submitted' && random.chance(0.5));
  if (!reviewed) return { state, reviews: [], reviewComment: '' };
  const leaves = leavesOf(document).filter((l) => l.category !== 'adjustment' && l.leaf.selfScore !== null && l.leaf.weight !== null);
  const reviews = random.sample(leaves, random.int(2, Math.min(8, leaves.length))).map(({ leaf }): PlannedReview => {
    const self = leaf.selfScore ?? 0;
    const weight = leaf.weight ?? 0;
    // The reviewer caps a score above its weight, and marks down about a third of what they look at.
    const capped = Math.min(self, weight);
    if (capped < self || random.chance(0.35)) {
      const score = Math.max(0, roundHalfUp(capped - Math.max(0.25, Math.round(weight * random.between(0.05, 0.4) * 4) / 4), 2));
      return { indicatorId: leaf.id, score, comment: random.pick(REVIEW_COMMENTS) };
    }
    return { indicatorId: leaf.id, score: self, comment: '' };
  });
  return { state, reviews, reviewComment: state === 'returned' ? random.pick(RETURN_COMMENTS) : '' };
}
