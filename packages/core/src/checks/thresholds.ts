/** The tolerances and thresholds the checks apply, in one place so they can be read and argued about. */

/** A printed total may differ from the sum of scores by rounding: 0.01 points. */
export const TOTAL_TOLERANCE = 0.01;
/** A computed score may differ from the entered one by rounding: 0.01 points. */
export const SCORE_TOLERANCE = 0.01;
/** The three expenditure breakdowns may drift by rounding: 0.02 万元 (the seed drifts by 0.01). */
export const BREAKDOWN_TOLERANCE = 0.02;
/** "High marks, low spending": score rate more than this many points above the spending rate. */
export const HIGH_MARKS_GAP_POINTS = 5;
/** An execution rate below this percentage is low and calls for 未能完成原因. */
export const LOW_RATE_PERCENT = 90;
