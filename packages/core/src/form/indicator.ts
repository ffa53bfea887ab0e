/**
 * 绩效指标 (performance indicators): a three-level tree. Level 1 (一级指标) and level 2 (二级指标) are
 * groups; level 3 (三级指标) are the leaves that carry scores.
 */
import type { ScoringMethod } from './scoring-method.js';

/**
 * 一级指标 category. Management (管理效能) indicators are set by the finance bureau, duty (履职效能)
 * indicators are each department's own goals, adjustments (加减分项) are praise and faults.
 */
export type IndicatorCategory = 'management' | 'duty' | 'adjustment' | 'other';

/** Fields shared by both levels of groups. */
interface GroupFields {
  kind: 'group';
  /** Stable within the document; positional ("1", "1.2") for imported forms. */
  id: string;
  name: string;
  /** 分值 (weight), the maximum points; `null` where the form leaves it blank. */
  weight: number | null;
  /** Set on level 1 and repeated on level 2, so a group can be read on its own. */
  category: IndicatorCategory;
}

/** 一级指标 (a level-1 group): level-2 groups, or leaves directly where a form skips level 2. */
export interface Level1Group extends GroupFields {
  level: 1;
  children: (Level2Group | IndicatorLeaf)[];
}

/** 二级指标 (a level-2 group) of leaves. */
export interface Level2Group extends GroupFields {
  level: 2;
  children: IndicatorLeaf[];
}

/** A group of either level. */
export type IndicatorGroup = Level1Group | Level2Group;

/** 三级指标 (a level-3 indicator, the leaf that is scored). */
export interface IndicatorLeaf {
  kind: 'leaf';
  id: string;
  level: 3;
  name: string;
  weight: number | null;
  /** 指标解释 (definition); management indicators. */
  definition: string;
  /** 年度指标值 (annual target), free text as printed; duty indicators. */
  target: string;
  /** 实际完成指标值 (actual), free text as printed. */
  actual: string;
  /** 得分/自评分 (self-score) as entered; `null` where blank. Never overwritten by the system. */
  selfScore: number | null;
  /** 评分依据、未达标原因、改进措施 (basis, reason for shortfall, remedy). */
  basis: string;
  /** 备注 (remark). */
  remark: string;
  method: ScoringMethod;
  /** 不适用: excluded from the total, which is rescaled. */
  notApplicable: boolean;
}

export type IndicatorNode = IndicatorGroup | IndicatorLeaf;
