/**
 * The indicator table's header row in a grid (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 指标解释 |
 * 得分/自评分 | …) and the column of each field it announces. Each 分值 belongs to the level named to
 * its left. A header is found by its labels, wherever it stands, so extra blank columns or another
 * column order read the same; a header printed again (a page top, the duty block) simply re-maps.
 */
import { findTerm } from '@jixiao/core';
import type { TermId } from '@jixiao/core';
import type { ColumnKey } from '../layout/layout-model.js';
import type { GridRow } from './grid-model.js';
import { distinctCells } from './grid-model.js';

/** The fields of an indicator row: the printed layout's columns, and 指标解释 (which spans two of them). */
export type TableField = ColumnKey | 'definition';

/** The first column of each field the header names. */
export type ColumnMap = ReadonlyMap<TableField, number>;

const FIELD_OF_TERM: Partial<Record<TermId, TableField>> = {
  definition: 'definition',
  target: 'target',
  actual: 'actual',
  selfScore: 'score',
  basis: 'basis',
  remark: 'remark',
};

// Labels repeat in every row of a table (merged cells, reprinted headers): their terms are remembered.
const TERMS = new Map<string, TermId | null>();
const MAX_REMEMBERED = 10_000;

/** The term a label cell names, allowing a unit in brackets after it ("分值（分）"). */
export function labelTerm(text: string): TermId | null {
  if (text.length > 60) return null;
  let term = TERMS.get(text);
  if (term === undefined) {
    term = findTerm(text) ?? findTerm(text.replace(/[（(][^）)]*[）)]\s*$/u, '').replace(/[:：]\s*$/u, ''));
    if (TERMS.size >= MAX_REMEMBERED) TERMS.clear();
    TERMS.set(text, term);
  }
  return term;
}

/** True for a row that heads the indicator table: it names 一级指标 and 三级指标 (or 二级指标). */
export function isHeaderRow(row: GridRow): boolean {
  let level1 = false;
  let other = false;
  for (const cell of row.cells) {
    if (cell.text === '' || cell.text.length > 40) continue;
    const term = labelTerm(cell.text);
    if (term === 'level1Indicator') level1 = true;
    else if (term === 'level2Indicator' || term === 'level3Indicator') other = true;
  }
  return level1 && other;
}

/** The columns a header row announces. */
export function columnMap(row: GridRow): ColumnMap {
  const map = new Map<TableField, number>();
  let level: 1 | 2 | 3 = 1;
  const put = (field: TableField, col: number): void => {
    if (!map.has(field)) map.set(field, col);
  };
  for (const { col, cell } of distinctCells(row)) {
    const term = labelTerm(cell.text);
    if (term === 'level1Indicator') {
      level = 1;
      put('level1', col);
    } else if (term === 'level2Indicator') {
      level = 2;
      put('level2', col);
    } else if (term === 'level3Indicator') {
      level = 3;
      put('level3', col);
    } else if (term === 'weight') put(`level${level}Weight`, col);
    else if (term !== null) {
      const field = FIELD_OF_TERM[term];
      if (field !== undefined) put(field, col);
    }
  }
  return map;
}
