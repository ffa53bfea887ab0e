/**
 * 7. 历年对比: per year, the counted forms' average total and overall execution rate (every year of the
 * region, not only the filter's); and a page of departments (those with a counted form in the filter's year,
 * by name) with each of their counted forms across years.
 */
import type { FormState, Grade } from '@jixiao/core';
import type { AnalysisScope, SpendingRow } from '../../db/repositories/analysis-repository.js';
import { departmentsOfYear, formsOfDepartments, yearSeries } from '../../db/repositories/analysis-repository.js';
import type { ServiceContext } from '../context.js';
import { meanPoints, points, ratePercent } from './analysis-numbers.js';

/** One form of a department in a year. */
export interface DepartmentYearFigure {
  year: number;
  formId: string;
  state: FormState;
  total: number;
  grade: Grade;
  ratePercent: number | null;
}

export interface YearOverYearFigure {
  years: { year: number; forms: number; averageTotal: number | null; ratePercent: number | null }[];
  departments: number;
  offset: number;
  rows: { departmentId: string; departmentName: string; years: DepartmentYearFigure[] }[];
}

/** A form row as a year of its department. */
export function departmentYear(r: SpendingRow): DepartmentYearFigure {
  return {
    year: r.year,
    formId: r.formId,
    state: r.state,
    total: points(r.totalUnits),
    grade: r.grade,
    ratePercent: r.budgetedUnits === null || r.executedUnits === null ? null : ratePercent(r.executedUnits, r.budgetedUnits),
  };
}

/** Grouped by department, in the order the rows come (by name). */
export function byDepartment(rows: readonly SpendingRow[]): YearOverYearFigure['rows'] {
  const out: YearOverYearFigure['rows'] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last?.departmentId === r.departmentId) last.years.push(departmentYear(r));
    else out.push({ departmentId: r.departmentId, departmentName: r.departmentName, years: [departmentYear(r)] });
  }
  return out;
}

/** The series and one page of departments. */
export async function yearOverYearFigure(ctx: Pick<ServiceContext, 'db'>, scope: AnalysisScope, page: { offset: number; limit: number }): Promise<YearOverYearFigure> {
  const series = await yearSeries(ctx.db, scope);
  const { ids, departments } = await departmentsOfYear(ctx.db, scope, page);
  return {
    years: series.map((y) => ({ year: y.year, forms: y.forms, averageTotal: meanPoints(y.totalUnitsSum, y.forms), ratePercent: ratePercent(y.executedUnits, y.budgetedUnits) })),
    departments,
    offset: page.offset,
    rows: byDepartment(await formsOfDepartments(ctx.db, ids, scope.states)),
  };
}
