/**
 * The drafts read from the table turned into the form's indicator tree: positional ids ("1", "1.2",
 * "1.2.3"), categories, scoring methods from the common-indicator template, everything within the
 * document's limits. Weights that do not add up are reported (the text may have been misread or cut),
 * but never corrected.
 */
import { defaultScoringMethod, sumOf, toNumber } from '@jixiao/core';
import type { IndicatorCategory, IndicatorLeaf, Level1Group, Level2Group } from '@jixiao/core';
import type { GroupDraft } from './indicator-tree.js';
import { isGroupDraft } from './indicator-tree.js';
import type { LeafDraft } from './leaf-rows.js';
import type { ImportProblems } from './problems.js';
import { CHILDREN_MAX, LEVEL1_MAX } from '@jixiao/core';
import { validWeight, withinCount, withinNameLength, withinTextLength } from './within-limits.js';

/** Brings a draft and its children within the document's limits (in place). */
function limit(node: GroupDraft | LeafDraft, level: 1 | 2, problems: ImportProblems): void {
  node.weight = validWeight(node.weight, node.name, node.line, problems);
  if (isGroupDraft(node)) {
    node.name = withinNameLength(node.name, level === 1 ? 'level1Indicator' : 'level2Indicator', problems);
    node.children = withinCount(node.children, CHILDREN_MAX, node.name, problems);
    for (const child of node.children) limit(child, 2, problems);
    return;
  }
  node.name = withinNameLength(node.name, 'level3Indicator', problems);
  node.definition = withinTextLength(node.definition, 'definition', node.name, problems);
  node.target = withinTextLength(node.target, 'target', node.name, problems);
  node.actual = withinTextLength(node.actual, 'actual', node.name, problems);
  node.basis = withinTextLength(node.basis, 'basis', node.name, problems);
  node.remark = withinTextLength(node.remark, 'remark', node.name, problems);
}

function leafOf(draft: LeafDraft, id: string, category: IndicatorCategory): IndicatorLeaf {
  return {
    kind: 'leaf',
    id,
    level: 3,
    name: draft.name,
    weight: draft.weight,
    definition: draft.definition,
    target: draft.target,
    actual: draft.actual,
    selfScore: draft.selfScore,
    basis: draft.basis,
    remark: draft.remark,
    method: defaultScoringMethod(draft.name, category),
    notApplicable: false,
  };
}

/** Warns when a group's children's weights (all printed) do not add up to its own. */
function checkWeights(draft: GroupDraft, namePath: string, problems: ImportProblems): void {
  const weights = draft.children.map((c) => c.weight);
  if (draft.weight === null || draft.children.length === 0 || weights.some((w) => w === null)) return;
  const sum = toNumber(sumOf(weights));
  if (Math.abs(sum - draft.weight) > 1e-9) problems.add('import.weightsDisagree', 'warning', { name: draft.name, sum, weight: draft.weight }, undefined, namePath);
}

/** The level-1 groups of the form. */
export function assembleIndicators(read: readonly GroupDraft[], problems: ImportProblems): Level1Group[] {
  const drafts = withinCount(read, LEVEL1_MAX, '一级指标', problems);
  for (const draft of drafts) limit(draft, 1, problems);
  const tree = drafts.map((top, i): Level1Group => {
    const id = String(i + 1);
    checkWeights(top, top.name, problems);
    return {
      kind: 'group',
      id,
      level: 1,
      name: top.name,
      weight: top.weight,
      category: top.category,
      children: top.children.map((child, j): Level2Group | IndicatorLeaf => {
        const childId = `${id}.${j + 1}`;
        if (!isGroupDraft(child)) return leafOf(child, childId, top.category);
        checkWeights(child, `${top.name}/${child.name}`, problems);
        return {
          kind: 'group',
          id: childId,
          level: 2,
          name: child.name,
          weight: child.weight,
          category: top.category,
          children: child.children.map((leaf, k) => (isGroupDraft(leaf) ? null : leafOf(leaf, `${childId}.${k + 1}`, top.category))).filter((l): l is IndicatorLeaf => l !== null),
        };
      }),
    };
  });
  const weights = tree.map((g) => g.weight);
  if (tree.length > 0 && weights.every((w) => w !== null)) {
    const sum = toNumber(sumOf(weights));
    if (Math.abs(sum - 100) > 1e-9) problems.add('import.level1WeightsNot100', 'warning', { sum });
  }
  return tree;
}
