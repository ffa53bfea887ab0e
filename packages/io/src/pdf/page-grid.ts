/**
 * PDF pages → the neutral grid, by the table's rules (a "lattice"): the x positions of vertical rules
 * over all pages give the columns, each page's horizontal rules give its row bands, and where a rule
 * is missing between two neighbouring boxes they are one merged cell. Text pieces fall into the cell
 * under their centre; a cell's pieces become lines (by baseline), and lines become text the way the
 * text importer joins wrapped cells, with first-line indentation starting a paragraph. Text outside the
 * table (title, year, page numbers) becomes rows of its own above or below it; page numbers are dropped.
 */
import type { GridCell, GridRow, GridSheet } from '../grid/grid-model.js';
import { BLANK_CELL } from '../grid/grid-model.js';
import { isPageNumber } from '../text/source-lines.js';
import type { LinePiece } from '../text/text-join.js';
import { joinParagraphs } from '../text/text-join.js';
import type { PdfPage, Rule, TextPiece } from './pdf-content.js';
import { lineText, linesOf } from './text-lines.js';

/** Points within which two rule positions are one. */
const SNAP = 1.5;
/** Shortest segment taken for a rule. */
const MIN_RULE = 4;
/** Boxes a page's lattice may have; a page ruled more finely than any form is read as loose text. */
const MAX_BOXES = 200_000;

interface Interval {
  from: number;
  to: number;
}

/** Sorted positions, close ones merged. */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - (group[group.length - 1] as number) > SNAP) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Index of the position (sorted) within SNAP of `value`, or -1. */
function nearest(positions: readonly number[], value: number): number {
  let low = 0;
  let high = positions.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((positions[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  let best = -1;
  let distance = SNAP + 0.01;
  for (const i of [low - 1, low]) {
    const d = Math.abs((positions[i] ?? Number.POSITIVE_INFINITY) - value);
    if (d < distance) {
      best = i;
      distance = d;
    }
  }
  return best;
}

/** Index of the band [edges[k], edges[k + 1]) holding `value`, or -1 (edges sorted). */
function band(edges: readonly number[], value: number): number {
  if (edges.length < 2 || value < (edges[0] as number) || value >= (edges[edges.length - 1] as number)) return -1;
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((edges[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

function isVertical(r: Rule): boolean {
  return Math.abs(r.x1 - r.x2) < 1 && Math.abs(r.y1 - r.y2) >= MIN_RULE;
}

function isHorizontal(r: Rule): boolean {
  return Math.abs(r.y1 - r.y2) < 1 && Math.abs(r.x1 - r.x2) >= MIN_RULE;
}

/** Coverage of each rule position: merged intervals along it. */
function coverage(rules: readonly Rule[], positions: readonly number[], vertical: boolean): Interval[][] {
  const lists: Interval[][] = positions.map(() => []);
  for (const r of rules) {
    const at = nearest(positions, vertical ? r.x1 : r.y1);
    if (at < 0) continue;
    const a = vertical ? r.y1 : r.x1;
    const b = vertical ? r.y2 : r.x2;
    lists[at]?.push({ from: Math.min(a, b), to: Math.max(a, b) });
  }
  return lists.map((list) => {
    list.sort((p, q) => p.from - q.from);
    const merged: Interval[] = [];
    for (const iv of list) {
      const last = merged[merged.length - 1];
      if (last !== undefined && iv.from <= last.to + SNAP) last.to = Math.max(last.to, iv.to);
      else merged.push({ ...iv });
    }
    return merged;
  });
}

function covers(list: readonly Interval[] | undefined, from: number, to: number): boolean {
  const inset = Math.min(2, (to - from) / 4);
  return (list ?? []).some((iv) => iv.from <= from + inset && iv.to >= to - inset);
}

/** The text of a cell's pieces within its box: lines joined, indented lines starting paragraphs. */
function cellLines(pieces: readonly TextPiece[], left: number, right: number): LinePiece[] {
  const lines = linesOf(pieces);
  const gaps = lines.map((line) => {
    const first = line[0] as TextPiece;
    const last = line[line.length - 1] as TextPiece;
    return { left: first.x - left, right: right - (last.x + last.width), size: first.size };
  });
  const pad = Math.min(6, ...gaps.map((g) => g.left));
  return lines.map((line, k) => {
    const gap = gaps[k] as { left: number; right: number; size: number };
    const centred = Math.abs(gap.left - gap.right) < 0.5 * gap.size;
    return { text: lineText(line), line: k, indented: !centred && gap.left - pad > 0.9 * gap.size };
  });
}

/** Rows of text outside the table: one row per line, cells cut where a wide gap separates pieces. */
function looseRows(pieces: readonly TextPiece[], page: number): GridRow[] {
  const rows: GridRow[] = [];
  for (const line of linesOf(pieces)) {
    const cells: GridCell[] = [];
    let current: TextPiece[] = [];
    const flush = (): void => {
      if (current.length > 0) cells.push({ text: lineText(current), number: null, percent: false, origin: '' });
      current = [];
    };
    for (const piece of line) {
      const last = current[current.length - 1];
      if (last !== undefined && piece.x - (last.x + last.width) > 1.5 * piece.size) flush();
      current.push(piece);
    }
    flush();
    const text = cells.map((c) => c.text).join(' ');
    if (text === '' || isPageNumber(text)) continue;
    rows.push({ place: { kind: 'page', page }, cells });
  }
  return rows;
}

interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
  pieces: TextPiece[];
  cells: number;
  grid: GridCell | null;
}

/** One page's rows on the columns `xs` (shared by all pages). */
function pageRows(page: PdfPage, xs: readonly number[]): GridRow[] {
  const horizontal = page.rules.filter(isHorizontal);
  const vertical = page.rules.filter(isVertical);
  const ys = cluster(horizontal.map((r) => r.y1));
  const minX = Math.min(...horizontal.map((r) => Math.min(r.x1, r.x2)));
  const maxX = Math.max(...horizontal.map((r) => Math.max(r.x1, r.x2)));
  const columns = xs.filter((x) => x >= minX - SNAP && x <= maxX + SNAP);
  if (ys.length < 2 || columns.length < 2 || ys.length * columns.length > MAX_BOXES) return looseRows(page.pieces, page.number);
  const first = xs.indexOf(columns[0] as number);
  const verticalCover = coverage(vertical, columns, true);
  const horizontalCover = coverage(horizontal, ys, false);
  const rowsCount = ys.length - 1;
  const colsCount = columns.length - 1;
  // Union-find over the boxes (by size, with path halving): boxes with no rule between them are one cell.
  const parent = new Int32Array(rowsCount * colsCount).map((_, i) => i);
  const size = new Int32Array(rowsCount * colsCount).fill(1);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) {
      const up = parent[parent[x] as number] as number;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] = (size[ra] as number) + (size[rb] as number);
  };
  for (let i = 0; i < rowsCount; i += 1) {
    for (let j = 0; j < colsCount; j += 1) {
      const here = i * colsCount + j;
      if (j + 1 < colsCount && !covers(verticalCover[j + 1], ys[i] as number, ys[i + 1] as number)) union(here, here + 1);
      if (i + 1 < rowsCount && !covers(horizontalCover[i + 1], columns[j] as number, columns[j + 1] as number)) union(here, here + colsCount);
    }
  }
  const regionAt: (Region | undefined)[] = new Array<Region | undefined>(rowsCount * colsCount);
  for (let i = 0; i < rowsCount; i += 1) {
    for (let j = 0; j < colsCount; j += 1) {
      const root = find(i * colsCount + j);
      const region = regionAt[root];
      if (region === undefined) regionAt[root] = { top: ys[i] as number, bottom: ys[i + 1] as number, left: columns[j] as number, right: columns[j + 1] as number, pieces: [], cells: 1, grid: null };
      else {
        // Boxes are visited row by row, so a region never grows upwards.
        region.bottom = Math.max(region.bottom, ys[i + 1] as number);
        region.left = Math.min(region.left, columns[j] as number);
        region.right = Math.max(region.right, columns[j + 1] as number);
        region.cells += 1;
      }
    }
  }
  const above: TextPiece[] = [];
  const below: TextPiece[] = [];
  for (const piece of page.pieces) {
    const cx = piece.x + piece.width / 2;
    const cy = piece.y - piece.size * 0.3;
    const i = band(ys, cy);
    const j = band(columns, cx);
    if (i < 0 || j < 0) (cy < (ys[0] as number) ? above : below).push(piece);
    else regionAt[find(i * colsCount + j)]?.pieces.push(piece);
  }
  const rows: GridRow[] = looseRows(above, page.number);
  for (let i = 0; i < rowsCount; i += 1) {
    const cells: GridCell[] = xs.slice(0, -1).map(() => BLANK_CELL);
    for (let j = 0; j < colsCount; j += 1) {
      const root = find(i * colsCount + j);
      const region = regionAt[root] as Region;
      if (region.grid === null) {
        const origin = region.cells > 1 ? `p${page.number}:${root}` : '';
        if (region.pieces.length === 0) region.grid = origin === '' ? BLANK_CELL : { ...BLANK_CELL, origin };
        else {
          const lines = cellLines(region.pieces, region.left, region.right);
          region.grid = { text: joinParagraphs(lines), number: null, percent: false, origin, lines };
        }
      }
      cells[first + j] = region.grid;
    }
    rows.push({ place: { kind: 'page', page: page.number }, cells });
  }
  rows.push(...looseRows(below, page.number));
  return rows;
}

/** The pages as one sheet, or null when no page has a ruled table (the text is then read in reading order). */
export function pdfGrid(pages: readonly PdfPage[], name = 'PDF'): GridSheet | null {
  const xs = cluster(pages.flatMap((p) => p.rules.filter(isVertical).map((r) => r.x1)));
  if (xs.length < 2 || pages.every((p) => !p.rules.some(isHorizontal))) return null;
  return { name, rows: pages.flatMap((page) => pageRows(page, xs)) };
}
