/**
 * The indicator tree flattened into the rows of the printed grid: one row per leaf, with the level-1
 * and level-2 cells spanning the rows of their group (as the 附件3 form merges them).
 */
import type { FormDocument, IndicatorCategory, IndicatorLeaf, Level1Group, Level2Group } from '@jixiao/core';

/** One row of the indicator grid. */
export interface GridRow {
  leaf: IndicatorLeaf;
  category: IndicatorCategory;
  level1: Level1Group;
  /** Null where a level-1 group holds leaves directly. */
  level2: Level2Group | null;
  /** Rows the level-1 cell spans, on the first row of its group; 0 on the others. */
  level1Span: number;
  /** Rows the level-2 cell spans, on the first row of its group; 0 on the others (and without a level 2). */
  level2Span: number;
  /** Whether this leaf is first / last among its siblings (for the reorder buttons). */
  first: boolean;
  last: boolean;
}

/** The rows of the grid, in printed order. */
export function gridRows(form: Pick<FormDocument, 'indicators'>): GridRow[] {
  const rows: GridRow[] = [];
  for (const level1 of form.indicators) {
    const start = rows.length;
    level1.children.forEach((child, ci) => {
      if (child.kind === 'leaf') {
        rows.push({ leaf: child, category: level1.category, level1, level2: null, level1Span: 0, level2Span: 0, first: ci === 0, last: ci === level1.children.length - 1 });
        return;
      }
      child.children.forEach((leaf, li) => {
        rows.push({ leaf, category: level1.category, level1, level2: child, level1Span: 0, level2Span: li === 0 ? child.children.length : 0, first: li === 0, last: li === child.children.length - 1 });
      });
    });
    const head = rows[start];
    if (head) head.level1Span = rows.length - start;
  }
  return rows;
}
