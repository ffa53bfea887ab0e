/**
 * The two row styles of the 附件3 indicator table: management-style rows print 指标解释 (definition)
 * across the target and actual columns and 评分依据 across the basis and remark columns; duty-style
 * rows print 年度指标值, 实际完成指标值, 评分依据 and 备注 in their own columns.
 */
import type { Level1Group } from '@jixiao/core';

export type RowStyle = 'definition' | 'targets';

/** The style a level-1 group prints in: targets for duty groups and for any group whose leaves have targets. */
export function rowStyleOf(group: Level1Group): RowStyle {
  if (group.category === 'duty') return 'targets';
  const hasTargets = group.children.some((child) =>
    child.kind === 'leaf' ? child.target !== '' || child.actual !== '' : child.children.some((leaf) => leaf.target !== '' || leaf.actual !== ''),
  );
  return hasTargets ? 'targets' : 'definition';
}
