/**
 * Telling two neighbouring cells apart when an extractor printed their lines one after the other:
 * 年度指标值 and 实际完成指标值 of a duty row, 指标解释 and 评分依据 of a management row.
 *
 * The evidence is the shape of wrapped text. A cell is wrapped at its column's width, so every line but
 * its last is about equally wide ("full") and the last is no wider. Each way of cutting the lines into
 * the two cells is scored by how badly it breaks that rule; the best cut wins. Two orders are tried:
 * one cell after the other (the seed's order) and line by line, alternating (other extractors).
 * Pieces printed on one line with a space between them are always in different cells.
 */
import type { Segment } from './segments.js';
import { visualWidth } from './text-join.js';

/** Beyond this many pieces only the cheap candidates are scored (hostile input stays linear). */
const MAX_SEARCH = 60;
/** A full line may fall short of its column by about one wide character. */
const SLACK = 2;
/** Points against a candidate that contradicts a hard fact (a line's pieces in one cell). */
const IMPOSSIBLE = 100;

/** The cost of lines being one wrapped cell: short "full" lines, or a last line wider than full. */
function cellCost(widths: readonly number[]): number {
  if (widths.length <= 1) return 0;
  let full = 0;
  for (let i = 0; i < widths.length - 1; i += 1) full = Math.max(full, widths[i] ?? 0);
  let cost = 0;
  for (let i = 0; i < widths.length - 1; i += 1) cost += Math.max(0, full - (widths[i] ?? 0) - SLACK);
  cost += 2 * Math.max(0, (widths[widths.length - 1] ?? 0) - full - SLACK);
  return cost;
}

function fullWidth(widths: readonly number[]): number {
  let full = 0;
  for (let i = 0; i < widths.length - 1; i += 1) full = Math.max(full, widths[i] ?? 0);
  return full;
}

/** Cost of pieces on one line landing in the same cell, or out of order. */
function sameLineCost(pieces: readonly Segment[], cellOf: readonly number[]): number {
  let cost = 0;
  for (let i = 1; i < pieces.length; i += 1) {
    if ((pieces[i] as Segment).line === (pieces[i - 1] as Segment).line && (cellOf[i] ?? 0) <= (cellOf[i - 1] ?? 0)) cost += IMPOSSIBLE;
  }
  return cost;
}

/** Two cells as index lists. */
interface Cut {
  first: number[];
  second: number[];
  cellOf: number[];
}

function sequential(n: number, k: number): Cut {
  const cellOf = Array.from({ length: n }, (_, i) => (i < k ? 0 : 1));
  return { first: cellOf.flatMap((c, i) => (c === 0 ? [i] : [])), second: cellOf.flatMap((c, i) => (c === 1 ? [i] : [])), cellOf };
}

/** Lines alternate first, second, first … until one cell has all its `t` (or `n − t`) lines. */
function interleaved(n: number, t: number): Cut {
  const cellOf: number[] = [];
  let firstLeft = t;
  let secondLeft = n - t;
  let turn = 0;
  for (let i = 0; i < n; i += 1) {
    const cell = firstLeft === 0 ? 1 : secondLeft === 0 ? 0 : turn;
    cellOf.push(cell);
    if (cell === 0) firstLeft -= 1;
    else secondLeft -= 1;
    turn = 1 - turn;
  }
  return { first: cellOf.flatMap((c, i) => (c === 0 ? [i] : [])), second: cellOf.flatMap((c, i) => (c === 1 ? [i] : [])), cellOf };
}

/** The two cells' pieces. */
export interface TwoCells {
  readonly first: Segment[];
  readonly second: Segment[];
}

function pick(pieces: readonly Segment[], cut: Cut): TwoCells {
  return { first: cut.first.map((i) => pieces[i] as Segment), second: cut.second.map((i) => pieces[i] as Segment) };
}

/**
 * 年度指标值 then 实际完成指标值. The first piece is always the target. In the 附件3 layout the actual's
 * column is the wider one, so an actual wrapped narrower than the target's widest line is unlikely.
 */
export function splitTargetActual(pieces: readonly Segment[]): TwoCells {
  const n = pieces.length;
  if (n <= 1) return { first: [...pieces], second: [] };
  const widths = pieces.map((p) => visualWidth(p.text));
  const candidates: Cut[] = [];
  for (let k = 1; k < n; k += 1) candidates.push(sequential(n, k));
  if (n <= MAX_SEARCH) for (let t = 2; t < n; t += 1) candidates.push(interleaved(n, t));
  let best: Cut = candidates[0] as Cut;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const cut of candidates) {
    if (n > MAX_SEARCH && cut.first.length > 1) continue;
    const first = cut.first.map((i) => widths[i] ?? 0);
    const second = cut.second.map((i) => widths[i] ?? 0);
    let cost = cellCost(first) + cellCost(second) + sameLineCost(pieces, cut.cellOf);
    if (second.length > 1 && fullWidth(second) < Math.max(...first) - SLACK) cost += 5;
    if (cost < bestCost) {
      bestCost = cost;
      best = cut;
    }
  }
  return pick(pieces, best);
}

const SENTENCE_END = /[。.；;！!？?）)]$/u;

/**
 * 指标解释 then, rarely, 评分依据 (the seed's 加减分项 row prints its long 评分依据 right after the
 * definition). No 评分依据 is the default; a cut must be clearly better, and a definition cut off
 * mid-sentence counts against it.
 */
export function splitDefinitionBasis(pieces: readonly Segment[]): TwoCells {
  const n = pieces.length;
  if (n <= 1) return { first: [...pieces], second: [] };
  const widths = pieces.map((p) => visualWidth(p.text));
  const all = sequential(n, n);
  let best = all;
  let bestCost = cellCost(widths) + sameLineCost(pieces, all.cellOf);
  const limit = n > MAX_SEARCH ? 0 : n;
  for (let k = 1; k < limit; k += 1) {
    const cut = sequential(n, k);
    let cost = cellCost(widths.slice(0, k)) + cellCost(widths.slice(k)) + sameLineCost(pieces, cut.cellOf) + 4;
    if (!SENTENCE_END.test((pieces[k - 1] as Segment).text)) cost += 3;
    if (cost < bestCost) {
      bestCost = cost;
      best = cut;
    }
  }
  return pick(pieces, best);
}
