/** Walking the indicator tree with the name path of every node (the path findings point at). */
import type { FormDocument } from './form-document.js';
import type { IndicatorCategory, IndicatorGroup, IndicatorLeaf, IndicatorNode } from './indicator.js';

/** A leaf with where it stands: its category (from its level-1 group) and its ancestors. */
export interface LocatedLeaf {
  leaf: IndicatorLeaf;
  category: IndicatorCategory;
  /** Names from level 1 down to the leaf itself. */
  namePath: string[];
  ancestors: IndicatorGroup[];
}

/** A group with its name path. */
export interface LocatedGroup {
  group: IndicatorGroup;
  category: IndicatorCategory;
  namePath: string[];
}

/** Every leaf, in printed order. */
export function leavesOf(form: Pick<FormDocument, 'indicators'>): LocatedLeaf[] {
  const out: LocatedLeaf[] = [];
  const visit = (node: IndicatorNode, category: IndicatorCategory, names: string[], ancestors: IndicatorGroup[]): void => {
    const namePath = [...names, node.name];
    if (node.kind === 'leaf') {
      out.push({ leaf: node, category, namePath, ancestors });
      return;
    }
    for (const child of node.children) visit(child, category, namePath, [...ancestors, node]);
  };
  for (const top of form.indicators) visit(top, top.category, [], []);
  return out;
}

/** Every group (levels 1 and 2), in printed order, parents before children. */
export function groupsOf(form: Pick<FormDocument, 'indicators'>): LocatedGroup[] {
  const out: LocatedGroup[] = [];
  const visit = (group: IndicatorGroup, category: IndicatorCategory, names: string[]): void => {
    const namePath = [...names, group.name];
    out.push({ group, category, namePath });
    for (const child of group.children) if (child.kind === 'group') visit(child, category, namePath);
  };
  for (const top of form.indicators) visit(top, top.category, []);
  return out;
}

/** The name path as people read it: 管理效能/资产管理/资产管理制度健全性. */
export function formatNamePath(namePath: readonly string[]): string {
  return namePath.join('/');
}
