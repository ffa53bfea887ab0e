/** What the system suggests for a leaf's score, computed beside the entered score (never instead of it). */

/** Why no score could be suggested. */
export type NoSuggestionReason =
  | 'manual'
  | 'noWeight'
  | 'rateUnknown'
  | 'targetNotUnderstood'
  | 'qualitativeNotJudged'
  | 'unitMismatch'
  | 'countsUnknown';

export type ScoreSuggestion =
  /** One score follows from the method (rounded half-up to two decimals). */
  | { kind: 'exact'; score: number }
  /** People judge within a range (qualitative targets in a band; adjustments with unknown counts). */
  | { kind: 'range'; min: number; max: number }
  | { kind: 'none'; reason: NoSuggestionReason };
