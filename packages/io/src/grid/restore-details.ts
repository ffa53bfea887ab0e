/**
 * Putting back what a printed table cannot show. jixiao's own workbooks carry the complete form beside
 * the visible table; the visible table is still what counts, since departments fill in the workbooks
 * they are sent. When the table shows exactly what the stored form would print, the stored form is the
 * answer, to the last id and scoring method. When someone edited it, the table wins and each group and
 * leaf takes from the stored form, matched by its name path, only what the table does not show: ids,
 * categories, scoring methods, 不适用 marks and the text fields its row style leaves out.
 */
import { canonicalForm } from '../json/serialize-form.js';
import { layoutForm } from '../layout/form-layout.js';
import type { FormDocument, IndicatorLeaf, IndicatorNode, Level1Group } from '@jixiao/core';
import type { GridForm } from './form-from-grid.js';
import { formFromGrid } from './form-from-grid.js';
import type { GridLeaf } from './grid-indicators.js';
import { layoutGrid } from './layout-grid.js';

/** The form restored, and whether the visible table had been edited since jixiao wrote it. */
export interface Restored {
  readonly form: FormDocument;
  readonly edited: boolean;
}

const same = (a: FormDocument, b: FormDocument): boolean => JSON.stringify(canonicalForm(a)) === JSON.stringify(canonicalForm(b));

/** Nodes of a tree by name path, each path a queue (two leaves of one name are matched in order). */
function byPath(indicators: readonly Level1Group[]): Map<string, IndicatorNode[]> {
  const map = new Map<string, IndicatorNode[]>();
  const visit = (node: IndicatorNode, path: string): void => {
    const key = path === '' ? node.name : `${path}\u0001${node.name}`;
    const list = map.get(key);
    if (list === undefined) map.set(key, [node]);
    else list.push(node);
    if (node.kind === 'group') for (const child of node.children) visit(child, key);
  };
  for (const top of indicators) visit(top, '');
  return map;
}

function restoreLeaf(leaf: IndicatorLeaf, stored: IndicatorLeaf, read: GridLeaf | undefined): void {
  leaf.id = stored.id;
  leaf.method = structuredClone(stored.method);
  const seen = read?.seen ?? new Set();
  for (const field of ['definition', 'target', 'actual', 'basis', 'remark'] as const) if (!seen.has(field)) leaf[field] = stored[field];
  // A leaf printed as 不适用 that no longer says so was changed on purpose; otherwise the mark is kept.
  const printedAsNotApplicable = stored.notApplicable && stored.selfScore === null;
  leaf.notApplicable = seen.has('notApplicable') || (!printedAsNotApplicable && stored.notApplicable);
}

/** The form read from a table, completed from the form stored beside it (see the module comment). */
export function restoreDetails(read: GridForm, stored: FormDocument): Restored {
  const projected = formFromGrid([layoutGrid(layoutForm(stored))]).value;
  if (projected !== null && same(projected.form, read.form)) return { form: stored, edited: false };
  const form = structuredClone(read.form);
  const storedNodes = byPath(stored.indicators);
  let leafIndex = 0;
  const visit = (node: IndicatorNode, path: string): void => {
    const key = path === '' ? node.name : `${path}\u0001${node.name}`;
    const match = storedNodes.get(key)?.shift();
    if (node.kind === 'leaf') {
      const readLeaf = read.leaves[leafIndex];
      leafIndex += 1;
      if (match?.kind === 'leaf') restoreLeaf(node, match, readLeaf);
      return;
    }
    if (match?.kind === 'group') {
      node.id = match.id;
      node.category = match.category;
    }
    for (const child of node.children) visit(child, key);
  };
  for (const top of form.indicators) visit(top, '');
  return { form, edited: true };
}
