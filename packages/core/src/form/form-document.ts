/**
 * 部门整体支出绩效自评表: the canonical form document. Everything that reads or writes a form goes
 * through this shape; its JSON is versioned by `schemaVersion` and described by docs/form.schema.json.
 */
import type { ExpenditureTable } from './expenditure.js';
import type { Grade } from './grade.js';
import type { Level1Group } from './indicator.js';

/** Bumped whenever the document's shape changes incompatibly; readers refuse other versions. */
export const SCHEMA_VERSION = 1;

/** 单位基本情况 (basic information of the unit). */
export interface UnitInfo {
  /** 单位名称 (unit name). */
  name: string;
  /** 单位数 (number of units, the department with its subordinate units). */
  unitCount: number | null;
  /** 年度 (fiscal year) evaluated. */
  year: number | null;
}

/** The three narrative cells. */
export interface Narratives {
  /** 年度整体绩效目标 (annual overall performance goals). */
  goals: string;
  /** 整体绩效目标完成情况 (how the goals were achieved). */
  completion: string;
  /** 未能完成原因 (reasons for what was not achieved). */
  shortfallReasons: string;
}

export interface FormDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  unit: UnitInfo;
  narratives: Narratives;
  expenditure: ExpenditureTable;
  /** The level-1 indicators (一级指标) in printed order. */
  indicators: Level1Group[];
  /** 总分 as printed; `null` where the form prints none. */
  printedTotal: number | null;
  /** 等级 as printed, if the form prints one. */
  printedGrade: Grade | null;
}
