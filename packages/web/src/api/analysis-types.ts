/** The shapes of the analysis answers (server/src/services/analysis/*): the dashboard and a department's history. */
import type { ExpenditureBreakdown, ExpenditureColumn, FormState, Grade, IndicatorCategory } from '@jixiao/core';

/** A table behind a chart, as the server builds it for the page and the .xlsx download. */
export interface AnalysisTable {
  title: string;
  columns: { header: string; format: 'text' | 'integer' | 'score' | 'amount' | 'percent' }[];
  rows: (string | number | null)[][];
}

/** The dashboard's tables, one per chart. */
export const ANALYSIS_TABLE_NAMES = ['status', 'grades', 'gaps', 'execution', 'lostPoints', 'highMarks', 'yearOverYear'] as const;
export type AnalysisTableName = (typeof ANALYSIS_TABLE_NAMES)[number];

/** One form of a department in a year. */
export interface DepartmentYear {
  year: number;
  formId: string;
  state: FormState;
  total: number;
  grade: Grade;
  ratePercent: number | null;
}

export interface ReviewGaps {
  reviewedForms: number;
  rows: { formId: string; departmentId: string; departmentName: string; selfTotal: number; reviewedTotal: number; gap: number; reviewedIndicators: number }[];
}

/** GET /api/analysis/dashboard. */
export interface DashboardAnswer {
  filter: { year: number; regionId: string | null; grade: Grade | null };
  years: number[];
  status: {
    counts: { state: FormState | 'none'; departments: number }[];
    departments: number;
    offset: number;
    rows: { departmentId: string; departmentName: string; regionName: string; formId: string | null; state: FormState | null; total: number | null; grade: Grade | null }[];
  };
  grades: { forms: number; grades: { grade: Grade; forms: number; sharePercent: number | null }[]; average: number | null; median: number | null; min: number | null; max: number | null };
  gaps: ReviewGaps;
  execution: {
    lowRatePercent: number;
    rows: { breakdown: ExpenditureBreakdown | null; column: ExpenditureColumn | 'total'; forms: number; budgeted: number; executed: number; ratePercent: number | null; low: boolean; lowForms: number }[];
  };
  lostPoints: {
    rows: { namePath: string; category: IndicatorCategory; forms: number; losingForms: number; lostPoints: number; averageLost: number | null; reasons: { text: string; forms: number }[]; findings: { code: string; forms: number }[] }[];
  };
  highMarks: {
    minTotal: number;
    lowRatePercent: number;
    forms: number;
    rows: { formId: string; departmentId: string; departmentName: string; total: number; grade: Grade; budgeted: number; executed: number; ratePercent: number; gap: number }[];
  };
  yearOverYear: {
    years: { year: number; forms: number; averageTotal: number | null; ratePercent: number | null }[];
    departments: number;
    offset: number;
    rows: { departmentId: string; departmentName: string; years: DepartmentYear[] }[];
  };
  tables: Record<AnalysisTableName, AnalysisTable>;
}

/** GET /api/analysis/departments/:id. */
export interface DepartmentHistoryAnswer {
  department: { id: string; name: string; regionId: string; regionName: string; unitCount: number | null };
  years: DepartmentYear[];
  gaps: ReviewGaps;
}
