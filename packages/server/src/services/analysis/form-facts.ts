/**
 * What the analysis needs of one form, as rows written beside it at every save (so the dashboard never
 * parses documents): a facts row (state, grade, total, self-score sum, the expenditure cells and the overall
 * budgeted/executed pair) and one row per 三级指标 (weight, self-score, points lost, reason, findings).
 *
 * Numbers are stored as integers so that sums are exact on both databases (SQLite sums NUMERIC as floats):
 * scores in hundredths of a point (the forms' two decimals), amounts in 分 (万元 × 1,000,000, exact for
 * every amount of up to six decimals of 万元; more are rounded half-up there).
 */
import type { CheckResult, ExpenditureColumn, FormDocument, FormState, Grade, IndicatorCategory } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, formatNamePath, mul, overallExpenditure, roundHalfUp } from '@jixiao/core';
import type { Exact } from '@jixiao/core';
import { exact } from '@jixiao/core';

/** Hundredths of a point per point. */
export const SCORE_SCALE = 100;
/** 分 per 万元. */
export const AMOUNT_SCALE = 1_000_000;

function scaled(value: Exact, scale: number): number {
  return roundHalfUp(mul(value, { num: BigInt(scale), den: 1n }), 0);
}

/** A score in hundredths (null stays null). */
export function scoreUnits(value: number | null): number | null {
  return value === null ? null : scaled(exact(value), SCORE_SCALE);
}

/** An amount of 万元 in 分 (null stays null). */
export function amountUnits(value: number | null): number | null {
  return value === null ? null : scaled(exact(value), AMOUNT_SCALE);
}

/** The per-form facts (the form's place — department, region, year, state — is added by the repository). */
export interface FormFacts {
  grade: Grade;
  /** 总分 in hundredths. */
  totalUnits: number;
  /** Σ self-scores of the applicable leaves, not rescaled for 不适用 (what the reviewed total is compared with). */
  selfSumUnits: number;
  /** 全年预算数 / 全年执行数 per column, in 分, as pairs (both or neither). */
  budgeted: Record<ExpenditureColumn, number | null>;
  executed: Record<ExpenditureColumn, number | null>;
  /** The overall pair core's execution rate uses (first complete breakdown), in 分; null when none is complete. */
  budgetedTotal: number | null;
  executedTotal: number | null;
}

/** One 三级指标 of a form. */
export interface LeafFacts {
  /** Printed order within the form (ids are not unique in every imported form; the order is). */
  position: number;
  indicatorId: string;
  /** 管理效能/资产管理/资产管理制度健全性: how the same indicator is recognised across forms. */
  namePath: string;
  category: IndicatorCategory;
  notApplicable: boolean;
  weightUnits: number | null;
  selfUnits: number | null;
  /** 分值 − 得分 where both are given on an applicable non-adjustment leaf, else null (adjustments are bonuses and faults, not shares). */
  lostUnits: number | null;
  /** 评分依据、未达标原因、改进措施 as entered: why points were lost. */
  basis: string;
  /** The codes of the findings on this leaf, sorted and space-separated ('' for none). */
  findingCodes: string;
}

/** Everything the analysis stores of a form. */
export interface FormAnalysisRows {
  facts: FormFacts;
  leaves: LeafFacts[];
}

/**
 * One row's cells in 分, kept as pairs with the other row: a column counts for execution only where both its
 * 全年预算数 and 全年执行数 are filled, so a cell whose partner is blank is stored blank too.
 */
function pairedCells(row: Record<ExpenditureColumn, number | null>, other: Record<ExpenditureColumn, number | null>): Record<ExpenditureColumn, number | null> {
  return Object.fromEntries(EXPENDITURE_COLUMNS.map((c) => [c, other[c] === null ? null : amountUnits(row[c])])) as Record<ExpenditureColumn, number | null>;
}

/** The analysis rows of a checked document. */
export function formAnalysisRows(document: FormDocument, check: CheckResult): FormAnalysisRows {
  const overall = overallExpenditure(document.expenditure);
  const codesByPath = new Map<string, Set<string>>();
  for (const f of check.findings) {
    const codes = codesByPath.get(f.path) ?? new Set<string>();
    codes.add(f.code);
    codesByPath.set(f.path, codes);
  }
  let selfSumUnits = 0;
  const leaves = check.score.leaves.map(({ leaf, category, namePath }, position): LeafFacts => {
    const weightUnits = scoreUnits(leaf.weight);
    const selfUnits = scoreUnits(leaf.selfScore);
    if (!leaf.notApplicable) selfSumUnits += selfUnits ?? 0;
    const path = formatNamePath(namePath);
    const lost = !leaf.notApplicable && category !== 'adjustment' && weightUnits !== null && selfUnits !== null ? weightUnits - selfUnits : null;
    return {
      position,
      indicatorId: leaf.id,
      namePath: path,
      category,
      notApplicable: leaf.notApplicable,
      weightUnits,
      selfUnits,
      lostUnits: lost,
      basis: leaf.basis,
      findingCodes: [...(codesByPath.get(path) ?? [])].sort().join(' '),
    };
  });
  return {
    facts: {
      grade: check.score.grade,
      totalUnits: scoreUnits(check.score.total) ?? 0,
      selfSumUnits,
      budgeted: pairedCells(document.expenditure.budgeted, document.expenditure.executed),
      executed: pairedCells(document.expenditure.executed, document.expenditure.budgeted),
      budgetedTotal: overall === null ? null : scaled(overall.budgeted, AMOUNT_SCALE),
      executedTotal: overall === null ? null : scaled(overall.executed, AMOUNT_SCALE),
    },
    leaves,
  };
}

/** The form's place, as the forms row holds it. */
export interface FormPlace {
  formId: string;
  departmentId: string;
  regionId: string;
  year: number;
  state: FormState;
}
