/**
 * Telling two neighbouring cells apart when an extractor printed their lines one after the other:
 * 年度指标值 and 实际完成指标值 of a duty row, 指标解释 and 评分依据 of a management row.
 *
 * The evidence is the shape of wrapped text. A cell is wrapped at its column's width, so every line but
 * the last of each paragraph is about equally wide ("full") and a last line is no wider; and a cell's
 * brackets and quotes pair up. Each way of cutting the lines into the two cells is scored by how badly
 * it breaks those rules; the best cut wins. Two orders exist: one cell after the other (the seed's
 * order) and line by line, alternating (other extractors). An extractor keeps one order for the whole
 * table, so the order is chosen once from all duty rows together (`chooseOrder`), which settles rows
 * too short to tell on their own. Pieces printed on one line with a space between them are always in
 * different cells.
 */
import { enumerationOf } from './enumeration.js';
import type { Segment } from './segments.js';
import { visualWidth } from './text-join.js';

/** Beyond this many pieces only the cheap candidates are scored (hostile input stays linear). */
const MAX_SEARCH = 60;
/** A full line may fall short of its column by about one wide character. */
const SLACK = 2;
/** Points against a candidate that contradicts a hard fact (a line's pieces in one cell). */
const IMPOSSIBLE = 100;
/** Points against a cell whose brackets or quotes do not pair up. */
const UNBALANCED = 3;

const SENTENCE_END = /[。.；;！!？?）)”"]$/u;

/** A piece as the cost functions see it. */
interface Line {
  readonly width: number;
  /** True when the next piece of the same cell would start a new paragraph after this one. */
  readonly endsSentence: boolean;
  readonly startsItem: boolean;
  /** The number of the item the piece starts ("1." → 1), or null. */
  readonly item: number | null;
  readonly balance: number;
  readonly line: number;
}

const OPEN = new Set(['（', '(', '“', '《', '【', '[']);
const CLOSE = new Set(['）', ')', '”', '》', '】', ']']);

function bracketBalance(text: string): number {
  let balance = 0;
  for (const ch of text) {
    if (OPEN.has(ch)) balance += 1;
    else if (CLOSE.has(ch)) balance -= 1;
  }
  return balance;
}

function linesOf(pieces: readonly Segment[]): Line[] {
  return pieces.map((p) => ({
    width: visualWidth(p.text),
    endsSentence: SENTENCE_END.test(p.text),
    startsItem: enumerationOf(p.text) !== null,
    item: enumerationOf(p.text)?.n ?? null,
    balance: bracketBalance(p.text),
    line: p.line,
  }));
}

/** The cost of lines being one cell: short "full" lines, a last line wider than full, open brackets. */
function cellCost(lines: readonly Line[]): number {
  if (lines.length === 0) return 0;
  let balance = 0;
  for (const l of lines) balance += l.balance;
  let cost = balance === 0 ? 0 : UNBALANCED;
  if (lines.length === 1) return cost;
  // A line that ends a sentence before a numbered item ends a paragraph: it may be short.
  const paragraphEnd = (i: number): boolean => i === lines.length - 1 || ((lines[i] as Line).endsSentence && (lines[i + 1] as Line).startsItem);
  let full = 0;
  for (let i = 0; i < lines.length; i += 1) if (!paragraphEnd(i)) full = Math.max(full, (lines[i] as Line).width);
  for (let i = 0; i < lines.length; i += 1) {
    const width = (lines[i] as Line).width;
    if (!paragraphEnd(i)) cost += Math.max(0, full - width - SLACK);
    else if (full > 0) cost += 2 * Math.max(0, width - full - SLACK);
  }
  return cost;
}

function fullWidth(lines: readonly Line[]): number {
  let full = 0;
  for (let i = 0; i < lines.length - 1; i += 1) full = Math.max(full, (lines[i] as Line).width);
  return full;
}

/** Cost of pieces on one line landing in the same cell, or out of order. */
function sameLineCost(lines: readonly Line[], cellOf: readonly number[]): number {
  let cost = 0;
  for (let i = 1; i < lines.length; i += 1) {
    if ((lines[i] as Line).line === (lines[i - 1] as Line).line && (cellOf[i] ?? 0) <= (cellOf[i - 1] ?? 0)) cost += IMPOSSIBLE;
  }
  return cost;
}

/** Which cell (0 or 1) each piece goes to. */
type Cut = number[];

function sequential(n: number, k: number): Cut {
  return Array.from({ length: n }, (_, i) => (i < k ? 0 : 1));
}

/** Lines alternate first, second, first … until one cell has all its `t` (or `n − t`) lines. */
function interleaved(n: number, t: number): Cut {
  const cut: Cut = [];
  let firstLeft = t;
  let secondLeft = n - t;
  let turn = 0;
  for (let i = 0; i < n; i += 1) {
    const cell = firstLeft === 0 ? 1 : secondLeft === 0 ? 0 : turn;
    cut.push(cell);
    if (cell === 0) firstLeft -= 1;
    else secondLeft -= 1;
    turn = 1 - turn;
  }
  return cut;
}

function cells<T>(items: readonly T[], cut: Cut, cell: number): T[] {
  return items.filter((_, i) => cut[i] === cell);
}

/** The order of target and actual lines in a table. */
export type CellOrder = 'sequential' | 'interleaved';

/**
 * Row-wise printing ("target-line actual-line" on one line) shows where a cell ran out: a piece alone
 * on its line means the other cell had no line there, so the other cell cannot continue after it.
 */
function rowwiseCost(lines: readonly Line[], cut: Cut): number {
  const shared = (i: number): boolean => lines[i - 1]?.line === lines[i]?.line || lines[i + 1]?.line === lines[i]?.line;
  if (!lines.some((_, i) => shared(i))) return 0;
  let cost = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (shared(i)) continue;
    for (let j = i + 1; j < lines.length; j += 1) {
      if (cut[j] !== cut[i]) {
        cost += IMPOSSIBLE / 2;
        break;
      }
    }
  }
  return cost;
}

/** Joins that read wrong: a quantity ending in % continued by a number ("17.8%" + "2.0%"). */
function joinCost(pieces: readonly Segment[], cut: Cut): number {
  let cost = 0;
  for (const cell of [0, 1]) {
    const own = pieces.filter((_, i) => cut[i] === cell);
    for (let i = 1; i < own.length; i += 1) {
      if (/[%％]$/u.test((own[i - 1] as Segment).text) && /^[\d０-９]/u.test((own[i] as Segment).text)) cost += UNBALANCED;
    }
  }
  return cost;
}

function targetActualCost(lines: readonly Line[], cut: Cut, pieces: readonly Segment[]): number {
  const first = cells(lines, cut, 0);
  const second = cells(lines, cut, 1);
  let cost = cellCost(first) + cellCost(second) + sameLineCost(lines, cut) + rowwiseCost(lines, cut) + joinCost(pieces, cut);
  // In the 附件3 layout the actual's column is the wider one.
  if (second.length > 1 && first.length > 0 && fullWidth(second) < Math.max(...first.map((l) => l.width)) - SLACK) cost += 5;
  return cost;
}

function candidates(n: number, order: CellOrder | 'both'): Cut[] {
  const out: Cut[] = [sequential(n, 1)];
  if (n > MAX_SEARCH) return out;
  if (order !== 'interleaved') for (let k = 2; k < n; k += 1) out.push(sequential(n, k));
  if (order !== 'sequential') for (let t = 2; t < n; t += 1) out.push(interleaved(n, t));
  return out;
}

function best(pieces: readonly Segment[], order: CellOrder | 'both'): { cut: Cut; cost: number } {
  const lines = linesOf(pieces);
  let bestCut: Cut = sequential(lines.length, 1);
  let bestCost = Number.POSITIVE_INFINITY;
  for (const cut of candidates(lines.length, order)) {
    const cost = targetActualCost(lines, cut, pieces);
    if (cost < bestCost) {
      bestCost = cost;
      bestCut = cut;
    }
  }
  return { cut: bestCut, cost: bestCost };
}

/** The order the rows' pieces fit best, summed over the rows that can tell (three pieces or more). */
export function chooseOrder(rows: readonly (readonly Segment[])[]): CellOrder {
  let sequentialCost = 0;
  let interleavedCost = 0;
  for (const pieces of rows) {
    if (pieces.length < 3 || pieces.length > MAX_SEARCH) continue;
    sequentialCost += best(pieces, 'sequential').cost;
    interleavedCost += best(pieces, 'interleaved').cost;
  }
  return interleavedCost < sequentialCost ? 'interleaved' : 'sequential';
}

/** The two cells' pieces. */
export interface TwoCells {
  readonly first: Segment[];
  readonly second: Segment[];
}

/** 年度指标值 then 实际完成指标值, in the table's `order`. The first piece is always the target. */
export function splitTargetActual(pieces: readonly Segment[], order: CellOrder | 'both' = 'both'): TwoCells {
  if (pieces.length <= 1) return { first: [...pieces], second: [] };
  const { cut } = best(pieces, order);
  return { first: cells(pieces, cut, 0), second: cells(pieces, cut, 1) };
}

/**
 * 指标解释 then, rarely, 评分依据 (the seed's 加减分项 row prints its long 评分依据 right after the
 * definition). No 评分依据 is the default; a cut must be clearly better, and a definition cut off
 * mid-sentence counts against it.
 */
export function splitDefinitionBasis(pieces: readonly Segment[]): TwoCells {
  const n = pieces.length;
  if (n <= 1) return { first: [...pieces], second: [] };
  const lines = linesOf(pieces);
  let bestCut = sequential(n, n);
  let bestCost = cellCost(lines) + sameLineCost(lines, bestCut);
  const limit = n > MAX_SEARCH ? 0 : n;
  for (let k = 1; k < limit; k += 1) {
    const cut = sequential(n, k);
    let cost = cellCost(lines.slice(0, k)) + cellCost(lines.slice(k)) + sameLineCost(lines, cut) + 4;
    const last = lines[k - 1] as Line;
    if (!last.endsSentence) cost += 3;
    // A finished sentence followed by a list starting at "1." is where 评分依据 begins (the seed's
    // 加减分项 row): that cut wins a tie.
    else if ((lines[k] as Line).item === 1) cost -= 5;
    if (cost < bestCost) {
      bestCost = cost;
      bestCut = cut;
    }
  }
  return { first: cells(pieces, bestCut, 0), second: cells(pieces, bestCut, 1) };
}

/**
 * The best place to cut pieces into two cells one after the other, by the wrapped-text costs plus
 * `extra(k)` for a cut before piece k (1 … n−1); null when there are fewer than two pieces.
 */
export function bestCut(pieces: readonly Segment[], extra: (k: number) => number): number | null {
  const n = pieces.length;
  if (n < 2 || n > MAX_SEARCH) return null;
  const lines = linesOf(pieces);
  let best: number | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let k = 1; k < n; k += 1) {
    const cost = cellCost(lines.slice(0, k)) + cellCost(lines.slice(k)) + sameLineCost(lines, sequential(n, k)) + extra(k);
    if (cost < bestCost) {
      bestCost = cost;
      best = k;
    }
  }
  return best;
}
