/**
 * At the start of a row inside a level-2 group: is this another leaf, or a new level-2 group? Votes
 * from independent evidence, so no single one has to be right:
 * - weights: a group whose leaves already add up to its weight is complete;
 * - shape (management rows): a leaf's name is followed by its definition, a group's by a leaf's name;
 * - numbering (duty rows): leaves are numbered 1., 2. …, and a group is followed by its leaf "1.".
 */
import type { Run } from './table-cursor.js';
import type { RowLayout } from './table-header.js';
import { definitionAfterName } from './lost-numbers.js';
import { isDefinitionLike, startsNumbered } from './row-shape.js';

const EPSILON = 1e-6;

/** The group the row would continue. */
export interface OpenGroup {
  readonly weight: number | null;
  readonly childWeights: readonly (number | null)[];
}

/** 'leaf' or 'group' for the row whose runs are `runs` (name, numbers, next text, numbers, …). */
export function decideRow(layout: RowLayout, group: OpenGroup, runs: readonly Run[]): 'leaf' | 'group' {
  const [name, numbers, next, , afterNext] = runs;
  if (name?.kind !== 'text' || numbers?.kind !== 'number') return 'leaf';
  // Name, weight and score with nothing between: only a leaf has a score.
  if (numbers.numbers.length >= 2) return 'leaf';
  let votes = 0;
  const known = group.childWeights.every((w) => w !== null);
  if (group.weight !== null && known) {
    const remaining = group.weight - group.childWeights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    votes += remaining <= EPSILON ? 2 : -2;
    const weight = numbers.numbers[0]?.value ?? 0;
    if (weight > remaining + EPSILON) votes += 1;
  }
  if (layout === 'management') {
    if (next?.kind === 'text' && isDefinitionLike(next.pieces)) votes -= 2;
    else if (next?.kind === 'text' && afterNext?.kind === 'text' && isDefinitionLike(afterNext.pieces)) votes += 2;
  } else {
    const own = startsNumbered(name.pieces);
    const following = next?.kind === 'text' ? startsNumbered(next.pieces) : null;
    if (own !== null && following === null) votes -= 1;
    if (own === null && following !== null) votes += following === 1 ? 2 : 1.5;
    const weightLine = numbers.numbers[0]?.line;
    if (next?.kind === 'text' && next.pieces[0]?.line === weightLine) votes -= 0.5;
  }
  return votes > 0 ? 'group' : 'leaf';
}

/**
 * Right after a level-1 name: a level-2 group, or (management rows only) a leaf directly under level 1,
 * when the run after its weight is plainly a definition.
 */
export function decideAfterLevel1(layout: RowLayout, runs: readonly Run[]): 'leaf' | 'group' {
  const [name, numbers, next] = runs;
  if (name?.kind !== 'text' || numbers?.kind !== 'number') return 'group';
  if (numbers.numbers.length >= 2) return 'leaf';
  // A definition right after the name makes it a leaf, unless that "definition" is a leaf's name run
  // on into its definition (the leaf lost its weight): then this is the group above it.
  if (layout === 'management' && next?.kind === 'text' && isDefinitionLike(next.pieces) && definitionAfterName(next.pieces) === null) return 'leaf';
  return 'group';
}
