import { groupsOf } from '../../form/walk.js';
import { compare, exact, formatPlain, sumOf } from '../../money/exact.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** A group's children must share out exactly its weight (资产管理 4 = 1 + 1 + 2). */
export const childrenWeightsSum: Rule = {
  id: 'children-weights-sum',
  severity: 'error',
  summary: 'The weights of an indicator’s children do not add up to its own weight.',
  check({ form }, report) {
    for (const { group, namePath } of groupsOf(form)) {
      if (group.weight === null || group.children.length === 0) continue;
      if (group.children.some((c) => c.weight === null)) continue; // reported by weight-missing
      const sum = sumOf(group.children.map((c) => c.weight));
      if (compare(sum, exact(group.weight)) !== 0) {
        report(indicatorPath(namePath), { name: group.name, sum: formatPlain(sum), weight: formatPlain(group.weight) });
      }
    }
  },
};
