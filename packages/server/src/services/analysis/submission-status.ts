/** 1. 填报情况: every department of the scope and its form of the year (未填报 where it has none), a page at a time. */
import type { FormState, Grade } from '@jixiao/core';
import { FORM_STATES } from '@jixiao/core';
import type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
import { submissionStatus } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { points } from './analysis-numbers.js';

/** A department's form of the year: its state, total and grade, or none. */
export interface StatusRowFigure {
  departmentId: string;
  departmentName: string;
  regionName: string;
  formId: string | null;
  /** null: 未填报 (no form for the year). */
  state: FormState | null;
  total: number | null;
  grade: Grade | null;
}

export interface SubmissionStatusFigure {
  /** Departments per state, every state listed (0 where none), 'none' for 未填报. */
  counts: { state: FormState | 'none'; departments: number }[];
  departments: number;
  offset: number;
  rows: StatusRowFigure[];
}

/**
 * Departments by the state of their form of the year. Every state counts here (a draft is "being
 * filled in"), unlike the other figures; with a grade filter only departments whose form has that grade.
 */
export async function submissionStatusFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, page: { offset: number; limit: number }): Promise<SubmissionStatusFigure> {
  const found = await submissionStatus(ctx.db, scope, page);
  const of = (state: FormState | null) => found.counts.find((c) => c.state === state)?.departments ?? 0;
  return {
    counts: [...(scope.grade === null ? [{ state: 'none' as const, departments: of(null) }] : []), ...FORM_STATES.map((state) => ({ state, departments: of(state) }))],
    departments: found.departmentCount,
    offset: page.offset,
    rows: found.rows.map(({ totalUnits, ...r }) => ({ ...r, total: totalUnits === null ? null : points(totalUnits) })),
  };
}
