/**
 * Rows that lost a number. Without its score a row's definition runs on into the next row's name, and
 * the next weight is taken for the score; without its weight a name runs on into its definition. Left
 * alone, every row after would shift by one cell and read wrong numbers. These functions recognise the
 * shapes such a loss leaves and say where to cut, so the row gets a blank (and a warning) instead.
 */
import { findTerm } from '@jixiao/core';
import { bestCut } from './cell-partition.js';
import { enumerationOf } from './enumeration.js';
import { isDefinitionLike } from './row-shape.js';
import type { Segment } from './segments.js';
import { joinWrapped, visualWidth } from './text-join.js';

/** Longest text still read as a name. */
const MAX_NAME = 30;
const SENTENCE_END = /[。；;！!？?]$/u;

function nameLike(pieces: readonly Segment[]): boolean {
  const text = joinWrapped(pieces);
  return text !== '' && [...text].length <= MAX_NAME && !SENTENCE_END.test(text);
}

/**
 * A management row's definition that swallowed the next row's name: the index where that name starts
 * (after the definition's last full sentence), or null. Only asked when the text after the number that
 * followed is itself a definition, i.e. the rows are out of step.
 */
export function nameInsideDefinition(cells: readonly Segment[]): number | null {
  for (let j = cells.length - 1; j >= 1; j -= 1) {
    const before = cells[j - 1] as Segment;
    if (before.line === (cells[j] as Segment).line) continue;
    if (SENTENCE_END.test(before.text)) return nameLike(cells.slice(j)) ? j : null;
  }
  return null;
}

/**
 * A management row's name that ran on into its definition (its weight is missing): the index where
 * the definition starts, or null when the run does not look like a name followed by a definition. The
 * cut is placed by the shape of the wrapped lines (a narrow name column, a wider definition column).
 */
export function definitionAfterName(pieces: readonly Segment[]): number | null {
  if (!isDefinitionLike(pieces) || nameLike(pieces)) return null;
  const fits = (cut: number): boolean => nameLike(pieces.slice(0, cut)) && isDefinitionLike(pieces.slice(cut)) && narrower(pieces.slice(0, cut), pieces.slice(cut));
  const k = bestCut(pieces, (cut) => (fits(cut) ? 0 : 100));
  return k !== null && fits(k) ? k : null;
}

/** True when `head` was printed in a clearly narrower column than `rest` (a name beside a definition). */
function narrower(head: readonly Segment[], rest: readonly Segment[]): boolean {
  const widths = rest.map((p) => visualWidth(p.text));
  const full = widths.length > 1 ? Math.max(...widths.slice(0, -1)) : (widths[0] ?? 0);
  return Math.max(...head.map((p) => visualWidth(p.text))) < full - 2;
}

/**
 * A duty row's cells that swallowed the next row's numbered name ("2.年度营收" after a row numbered 1.):
 * the index of that name, or null.
 */
export function nextNumberedName(ownName: string, cells: readonly Segment[]): number | null {
  const own = enumerationOf(ownName);
  if (own === null) return null;
  for (let j = 1; j < cells.length; j += 1) {
    const piece = cells[j] as Segment;
    if (piece.line === (cells[j - 1] as Segment).line) continue;
    const marker = enumerationOf(piece.text);
    if (marker !== null && marker.style === own.style && marker.n === own.n + 1) return j;
  }
  return null;
}

/**
 * A duty name run that holds its row's cells too (the weight between them is missing): the index of
 * the first cell, or null. Names have no spaces and cells beside one another do, so the first line
 * with several pieces holds cells: all of them ("10万辆 12万辆"), or all but a name's last piece
 * before them ("2.年度营收 100亿元 超140亿元").
 */
export function cellsAfterName(pieces: readonly Segment[]): number | null {
  for (let j = 1; j < pieces.length; j += 1) {
    if ((pieces[j] as Segment).line !== (pieces[j - 1] as Segment).line) continue;
    const line = (pieces[j] as Segment).line;
    const start = j - 1;
    let count = 0;
    for (let k = start; k < pieces.length && (pieces[k] as Segment).line === line; k += 1) count += 1;
    return start >= 1 && count === 2 ? start : j;
  }
  return null;
}

/**
 * A numbered duty leaf's name that ran on into its cells printed below it (weight missing): the
 * index of the first cell, placed by the wrapped lines' widths, or null.
 */
export function cellsBelowNumberedName(pieces: readonly Segment[]): number | null {
  if (pieces.length < 2 || enumerationOf((pieces[0] as Segment).text) === null || nameLike(pieces)) return null;
  const k = bestCut(pieces, (cut) => (nameLike(pieces.slice(0, cut)) ? 0 : 100));
  return k !== null && nameLike(pieces.slice(0, k)) ? k : null;
}

/** True for a piece that is a level-1 name (管理效能, 履职效能, 加减分项 or a variant). */
export function isLevel1Piece(piece: Segment): boolean {
  const term = findTerm(piece.text);
  return term === 'management' || term === 'duty' || term === 'adjustment';
}

/**
 * Cells that swallowed the next level-1 name (the row's score is missing and the level-1 weight was
 * taken for it): the index of that name, on a line of its own, or null.
 */
export function level1InsideCells(cells: readonly Segment[]): number | null {
  for (let j = 1; j < cells.length; j += 1) {
    const piece = cells[j] as Segment;
    if (piece.line !== (cells[j - 1] as Segment).line && isLevel1Piece(piece)) return j;
  }
  return null;
}

/**
 * A duty level-2 name that ran on into its first leaf's name (the group's weight is missing): the index
 * of the leaf's name, numbered 1., on a line of its own, or null.
 */
export function firstNumberedNameInside(pieces: readonly Segment[]): number | null {
  if (pieces.length < 2 || enumerationOf((pieces[0] as Segment).text) !== null) return null;
  for (let j = 1; j < pieces.length; j += 1) {
    const piece = pieces[j] as Segment;
    if (piece.line !== (pieces[j - 1] as Segment).line && enumerationOf(piece.text)?.n === 1) return j;
  }
  return null;
}

/**
 * Duty cells printed beside the weight ("2 1亿元 超7亿元") followed by lines of a name: when the row
 * completes its group, that name is the next group's; the index where it starts, or null.
 */
export function nameAfterSideBySideCells(cells: readonly Segment[], weightLine: number): number | null {
  let lastShared = -1;
  for (let j = 0; j < cells.length && (cells[j] as Segment).line === weightLine; j += 1) lastShared = j;
  // Both cells beside the weight; a target alone there is followed by its actual's lines.
  if (lastShared < 1 || lastShared === cells.length - 1) return null;
  const tail = cells.slice(lastShared + 1);
  // A name has one piece a line and no number of its own (a group's name, not a leaf's).
  const ownLines = tail.every((p, i) => i === 0 || p.line !== (tail[i - 1] as Segment).line);
  return ownLines && enumerationOf((tail[0] as Segment).text) === null ? lastShared + 1 : null;
}

/**
 * A management group name that ran on into its first leaf's name (the group's weight is missing), seen
 * because a definition follows the number after them: the index of the leaf's name, placed by the
 * wrapped lines' widths (the level-2 column is the narrower), or null.
 */
export function leafNameAfterGroupName(pieces: readonly Segment[]): number | null {
  if (pieces.length < 2 || !nameLike(pieces.slice(0, 1))) return null;
  const k = bestCut(pieces, (cut) => (nameLike(pieces.slice(0, cut)) && nameLike(pieces.slice(cut)) ? 0 : 100));
  return k !== null && nameLike(pieces.slice(0, k)) && nameLike(pieces.slice(k)) ? k : null;
}

/** What is known about a row whose cells and score were just read. */
export interface ReadRow {
  readonly layout: 'management' | 'duty';
  readonly name: string;
  readonly cells: readonly Segment[];
  /** The text run after the score, if any (the next row's name, when all is in step). */
  readonly following: readonly Segment[] | null;
  /** True when the row's weight completes its group's: a new group should come next. */
  readonly completesGroup: boolean;
  /** Line of the row's weight, if it had one. */
  readonly weightLine: number | null;
}

/**
 * Where the row's cells swallowed the next row's name (the row lost its score and took the next
 * weight for it), or null when the row is in step: a level-1 name inside the cells; in management
 * rows, a name after the definition when a definition (or, closing a group, a name) follows; in duty
 * rows, the next numbered name, or a group's name after cells printed beside the weight.
 */
export function swallowedNameAt(row: ReadRow): number | null {
  const level1 = level1InsideCells(row.cells);
  if (level1 !== null) return level1;
  const following = row.following;
  if (row.layout === 'management') {
    return following !== null && (isDefinitionLike(following) || row.completesGroup) ? nameInsideDefinition(row.cells) : null;
  }
  const numbered = nextNumberedName(row.name, row.cells);
  if (numbered !== null || following === null) return numbered;
  const opensGroup = row.completesGroup && enumerationOf((following[0] as Segment | undefined)?.text ?? '')?.n === 1;
  return opensGroup && row.weightLine !== null ? nameAfterSideBySideCells(row.cells, row.weightLine) : null;
}
