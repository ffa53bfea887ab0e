/**
 * What a run of text looks like: a 指标解释 (a sentence, usually ending in 。) or a name (short, often
 * numbered "1."). Used to tell a new level-2 group from another leaf where weights alone cannot.
 */
import { enumerationOf } from './enumeration.js';
import type { Segment } from './segments.js';
import { joinWrapped } from './text-join.js';

/** The run's pieces as one text. */
export function runText(pieces: readonly Segment[]): string {
  return joinWrapped(pieces);
}

/** How much a run reads like a definition (> 0) rather than a name (< 0). */
export function definitionLikeness(pieces: readonly Segment[]): number {
  const text = runText(pieces);
  const length = [...text].length;
  let score = 0;
  if (/[。.；;]$/u.test(text)) score += 2;
  if (length >= 24) score += 1;
  else if (length <= 12) score -= 1;
  if (/[，,]/u.test(text)) score += 0.5;
  if (enumerationOf(text) !== null) score -= 1;
  if (new Set(pieces.map((p) => p.line)).size >= 3) score += 0.5;
  return score;
}

/** True when a run reads as a definition. */
export function isDefinitionLike(pieces: readonly Segment[]): boolean {
  return definitionLikeness(pieces) >= 1;
}

/** True when a run starts with an enumeration marker ("1.年产新能源汽车"). */
export function startsNumbered(pieces: readonly Segment[]): number | null {
  const first = pieces[0];
  return first === undefined ? null : (enumerationOf(first.text)?.n ?? null);
}
