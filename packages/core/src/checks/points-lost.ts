/** 扣分 (points lost) on one leaf: what the rules asking for explanations add up and quote. */
import type { Exact } from '../money/exact.js';
import { exact, sub } from '../money/exact.js';
import type { LeafScore } from '../scoring/score-form.js';

/**
 * The points a leaf lost (its weight minus its entered score), or null when it lost none or does not count:
 * adjustments (bonuses and penalties, not shares of a weight), 不适用 leaves, blank scores or weights.
 */
export function pointsLost({ leaf, category }: LeafScore): Exact | null {
  if (category === 'adjustment' || leaf.notApplicable || leaf.selfScore === null || leaf.weight === null) return null;
  // Most leaves keep full marks: a plain comparison settles them before any exact arithmetic. It always agrees
  // with comparing the exact values, since `exact` keeps the order of the numbers it reads.
  if (leaf.selfScore >= leaf.weight) return null;
  return sub(exact(leaf.weight), exact(leaf.selfScore));
}
