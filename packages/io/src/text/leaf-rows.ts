/**
 * Reading one leaf row once its name and weight are known.
 * - management (and 加减分项) rows: name, weight, 指标解释 (maybe followed by 评分依据), score;
 * - duty rows: name, weight, 年度指标值, 实际完成指标值, score.
 * The score is the last number of the row; cells printed after the score on its own line are
 * 评分依据 (and, in duty rows, 备注).
 */
import type { IndicatorLeaf } from '@jixiao/core';
import type { ImportProblems } from './problems.js';
import type { Segment } from './segments.js';
import { chooseOrder, splitDefinitionBasis, splitTargetActual } from './cell-partition.js';
import { swallowedNameAt } from './lost-numbers.js';
import type { RunQueue } from './run-queue.js';
import type { Run } from './table-cursor.js';
import type { RowLayout } from './table-header.js';
import type { NumberSegment } from './table-items.js';
import { joinParagraphs, joinWrapped } from './text-join.js';

/** A leaf as read, before ids and methods are given. */
export interface LeafDraft extends Pick<IndicatorLeaf, 'name' | 'weight' | 'definition' | 'target' | 'actual' | 'selfScore' | 'basis' | 'remark'> {
  line: number;
  /**
   * A duty row's target and actual pieces, not yet told apart: that waits for the whole table
   * (`settleTargetsAndActuals`), since the order of their lines is the extractor's, not the row's.
   */
  pendingCells: Segment[] | null;
}

function cellText(pieces: readonly Segment[]): string {
  return joinParagraphs(pieces.map((p) => ({ text: p.text, line: p.line })));
}

/** A number printed where a text cell was expected (a bare target "100"), as a text piece. */
function asText(number: NumberSegment): Segment {
  return { text: number.text, line: number.line, value: null };
}

/**
 * Reads the rest of a leaf row: `nameRun` and `weights` have been consumed from `queue` (no weights:
 * the row lost its weight, and its cells follow the name directly).
 */
export function readLeaf(
  queue: RunQueue,
  layout: RowLayout,
  nameRun: Run & { kind: 'text' },
  weights: NumberSegment[],
  problems: ImportProblems,
  /** True when this leaf completes its group's weight: a new group's name should come next. */
  completesGroup = false,
): LeafDraft {
  const first = nameRun.pieces[0];
  const leaf: LeafDraft = {
    name: joinWrapped(nameRun.pieces),
    line: first?.line ?? queue.line(),
    weight: weights[0]?.value ?? null,
    definition: '',
    target: '',
    actual: '',
    selfScore: null,
    basis: '',
    remark: '',
    pendingCells: null,
  };
  let cells: Segment[] = [];
  let score: NumberSegment | null = null;
  // Numbers between the weight and the score: a bare numeric target or actual ("100") in a duty row.
  let between: NumberSegment[] = [];
  if (weights.length >= 2) {
    score = weights[weights.length - 1] ?? null;
    between = weights.slice(1, -1);
  } else {
    const next = queue.peek(1)[0];
    if (next?.kind === 'text') {
      queue.read();
      cells = [...next.pieces];
      const after = queue.peek(1)[0];
      if (after?.kind === 'number') {
        queue.read();
        score = after.numbers[after.numbers.length - 1] ?? null;
        between = after.numbers.slice(0, -1);
        // Out of step: the row lost its score, its cells ran on into the next row's name, and the
        // number read is that row's weight. Give them back.
        const following = queue.peek(1)[0];
        const cut = swallowedNameAt({
          layout,
          name: leaf.name,
          cells,
          following: following?.kind === 'text' ? following.pieces : null,
          completesGroup,
          weightLine: weights[0]?.line ?? null,
        });
        if (cut !== null) {
          queue.unread([{ kind: 'text', pieces: cells.slice(cut) }, after]);
          cells = cells.slice(0, cut);
          score = null;
          between = [];
        }
      }
    }
  }
  if (layout === 'duty') cells.push(...between.map(asText));
  else for (const extra of between) problems.add('import.unexpectedNumber', 'warning', { number: extra.text, name: leaf.name }, extra.line);
  leaf.selfScore = score?.value ?? null;
  const trailing = score === null ? [] : queue.takeSameLine(score.line);
  if (layout === 'management') {
    const { first: definition, second: basis } = splitDefinitionBasis(cells);
    leaf.definition = cellText(definition);
    leaf.basis = [cellText(basis), cellText(trailing)].filter((t) => t !== '').join('\n');
  } else {
    leaf.pendingCells = cells;
    leaf.basis = trailing[0]?.text ?? '';
    leaf.remark = trailing.slice(1).map((t) => t.text).join(' ');
  }
  if (leaf.weight === null || leaf.selfScore === null) {
    const missing = leaf.weight === null && leaf.selfScore === null ? 'weightAndScore' : leaf.weight === null ? 'weight' : 'score';
    problems.add('import.rowIncomplete', 'warning', { name: leaf.name, missing }, leaf.line);
  }
  return leaf;
}

/** Tells every duty row's target from its actual, in the line order that fits the table best. */
export function settleTargetsAndActuals(leaves: readonly LeafDraft[]): void {
  const pending = leaves.filter((l) => l.pendingCells !== null);
  const order = chooseOrder(pending.map((l) => l.pendingCells ?? []));
  for (const leaf of pending) {
    const { first: target, second: actual } = splitTargetActual(leaf.pendingCells ?? [], order);
    leaf.target = cellText(target);
    leaf.actual = cellText(actual);
    leaf.pendingCells = null;
  }
}
