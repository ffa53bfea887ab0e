import { groupsOf } from '../../form/walk.js';
import { indicatorPath } from '../paths.js';
import type { Rule } from '../rule.js';

/** An indicator without a weight cannot be scored or added up. */
export const weightMissing: Rule = {
  id: 'weight-missing',
  severity: 'warning',
  summary: 'An indicator has no weight.',
  check({ form, score }, report) {
    for (const { group, namePath } of groupsOf(form)) if (group.weight === null) report(indicatorPath(namePath), { name: group.name });
    for (const { leaf, namePath } of score.leaves) if (leaf.weight === null) report(indicatorPath(namePath), { name: leaf.name });
  },
};
