/**
 * The dashboard's pure logic: the filter as API addresses, which department each table row is about (for
 * drilling in), and each chart's ECharts option from the figures. No DOM: unit-tested.
 */
import type { Grade, Lang } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, gradeLabel, termLabel } from '@jixiao/core';
import type { AnalysisTableName, DashboardAnswer, DepartmentYear } from '../api/analysis-types.js';

/** The dashboard's filter; omitted fields are "all" (the year: the latest with forms). */
export interface DashboardFilter {
  year?: number | undefined;
  regionId?: string | undefined;
  grade?: Grade | undefined;
}

/** Which page of the paged figures. */
export interface DashboardPages {
  statusOffset: number;
  yearOverYearOffset: number;
}

function query(entries: [string, string | number | undefined][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The filter as query parameters, the same for every address that follows it. */
function filterEntries(filter: DashboardFilter): [string, string | number | undefined][] {
  return [
    ['year', filter.year],
    ['regionId', filter.regionId],
    ['grade', filter.grade],
  ];
}

/** GET address of the dashboard for a filter and pages. */
export function dashboardUrl(filter: DashboardFilter, pages: DashboardPages): string {
  return `/api/analysis/dashboard${query([
    ...filterEntries(filter),
    ['statusOffset', pages.statusOffset || undefined],
    ['yearOverYearOffset', pages.yearOverYearOffset || undefined],
  ])}`;
}

/** Download address of one table as .xlsx, its headers in the reader's language. */
export function tableDownloadUrl(name: AnalysisTableName, filter: DashboardFilter, lang: Lang): string {
  return `/api/analysis/tables/${name}${query([...filterEntries(filter), ['lang', lang]])}`;
}

/** GET address of the follow-up (整改) counts under the dashboard's filter: the year, region and grade of their forms. */
export function followUpSummaryUrl(filter: DashboardFilter): string {
  return `/api/follow-ups/summary${query(filterEntries(filter))}`;
}

/** The department each row of a table is about (null where a row is about none), in the table's row order. */
export function rowDepartmentIds(name: AnalysisTableName, d: DashboardAnswer): (string | null)[] {
  switch (name) {
    case 'status':
      return d.status.rows.map((r) => r.departmentId);
    case 'gaps':
      return d.gaps.rows.map((r) => r.departmentId);
    case 'highMarks':
      return d.highMarks.rows.map((r) => r.departmentId);
    case 'yearOverYear':
      return d.yearOverYear.rows.flatMap((r) => r.years.map(() => r.departmentId));
    case 'grades':
    case 'execution':
    case 'lostPoints':
      return d.tables[name].rows.map(() => null);
  }
}

/** An ECharts option (kept loose: the chart module passes it through). */
export type ChartOption = Record<string, unknown>;

const GRADE_COLOURS: Readonly<Record<Grade, string>> = { excellent: '#389e0d', good: '#1677ff', fair: '#d48806', poor: '#cf1322' };
const LOW = '#cf1322';
const grid = { left: 56, right: 24, top: 32, bottom: 48, containLabel: true };

function bar(categories: string[], series: { name: string; data: unknown[] }[], options: { horizontal?: boolean; counts?: boolean } = {}): ChartOption {
  const horizontal = options.horizontal ?? false;
  const category = { type: 'category', data: categories, axisLabel: { interval: 0, width: horizontal ? 200 : 90, overflow: 'truncate' } };
  // Counts of forms or departments: whole numbers on the axis.
  const value = options.counts ? { type: 'value', minInterval: 1 } : { type: 'value' };
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid,
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
  };
}

/** 1: departments per state of their form (未填报 first). */
export function statusChart(d: DashboardAnswer, label: (state: DashboardAnswer['status']['counts'][number]['state']) => string): ChartOption {
  return bar(d.status.counts.map((c) => label(c.state)), [{ name: '', data: d.status.counts.map((c) => c.departments) }], { counts: true });
}

/** 2: forms per grade, coloured by grade. */
export function gradeChart(d: DashboardAnswer, lang: Lang): ChartOption {
  return bar(
    d.grades.grades.map((g) => gradeLabel(g.grade, lang)),
    [{ name: termLabel('grade', lang), data: d.grades.grades.map((g) => ({ value: g.forms, itemStyle: { color: GRADE_COLOURS[g.grade] } })) }],
    { counts: true },
  );
}

/** 3: self and reviewed totals of the widest gaps. */
export function gapChart(d: DashboardAnswer, labels: { self: string; reviewed: string }): ChartOption {
  const rows = d.gaps.rows;
  return bar(rows.map((r) => r.departmentName), [
    { name: labels.self, data: rows.map((r) => r.selfTotal) },
    { name: labels.reviewed, data: rows.map((r) => r.reviewedTotal) },
  ], { horizontal: true });
}

/** 4: budgeted against executed per column and overall; a low rate's executed bar in red. */
export function executionChart(d: DashboardAnswer, lang: Lang, overall: string): ChartOption {
  const rows = [...EXPENDITURE_COLUMNS, 'total' as const].map((c) => d.execution.rows.find((r) => r.column === c)).filter((r) => r !== undefined);
  return bar(rows.map((r) => (r.column === 'total' ? overall : termLabel(r.column, lang))), [
    { name: termLabel('budgeted', lang), data: rows.map((r) => r.budgeted) },
    { name: termLabel('executed', lang), data: rows.map((r) => ({ value: r.executed, itemStyle: r.low ? { color: LOW } : undefined })) },
  ]);
}

/** The leaf's own name: the last part of its path. */
export function leafName(namePath: string): string {
  return namePath.slice(namePath.lastIndexOf('/') + 1);
}

/** 5: forms losing points per indicator, most first. */
export function lostPointsChart(d: DashboardAnswer, name: string): ChartOption {
  const rows = d.lostPoints.rows;
  return bar(rows.map((r) => leafName(r.namePath)), [{ name, data: rows.map((r) => r.losingForms) }], { horizontal: true, counts: true });
}

/** 6: each department's total beside its execution rate. */
export function highMarksChart(d: DashboardAnswer, lang: Lang): ChartOption {
  const rows = d.highMarks.rows;
  return bar(rows.map((r) => r.departmentName), [
    { name: termLabel('total', lang), data: rows.map((r) => r.total) },
    { name: termLabel('executionRate', lang), data: rows.map((r) => ({ value: r.ratePercent, itemStyle: { color: LOW } })) },
  ], { horizontal: true });
}

/** 7 and the department page: the average total (or a department's total) and the execution rate by year. */
export function yearChart(points: { year: number; total: number | null; ratePercent: number | null }[], lang: Lang): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    // Totals and rates both sit near 100: a scaled axis shows their change.
    yAxis: { type: 'value', scale: true },
    series: [
      { type: 'line', name: termLabel('total', lang), data: points.map((p) => p.total) },
      { type: 'line', name: termLabel('executionRate', lang), data: points.map((p) => p.ratePercent) },
    ],
  };
}

/** A department's years as the year chart's points. */
export function departmentYearPoints(years: readonly DepartmentYear[]): { year: number; total: number | null; ratePercent: number | null }[] {
  return years.map((y) => ({ year: y.year, total: y.total, ratePercent: y.ratePercent }));
}
