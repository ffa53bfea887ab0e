import { describe, expect, it } from 'vitest';
import type { DashboardAnswer } from '../src/api/analysis-types.js';
import { dashboardUrl, executionChart, followUpSummaryUrl, gradeChart, leafName, rowDepartmentIds, tableDownloadUrl, yearChart } from '../src/model/dashboard-view.js';
import { parseRoute, routePath } from '../src/model/routes.js';

const table = (rows: number) => ({ title: 't', columns: [{ header: '部门', format: 'text' as const }], rows: Array.from({ length: rows }, (_, i) => [`r${i}`]) });

/** A small dashboard answer: two departments over two years, one low execution column. */
function answer(): DashboardAnswer {
  return {
    filter: { year: 2021, regionId: null, grade: null },
    years: [2021, 2020],
    status: { counts: [{ state: 'none', departments: 1 }], departments: 2, offset: 0, rows: [
      { departmentId: 'd1', departmentName: '甲', regionName: '区', formId: 'f1', state: 'submitted', total: 91, grade: 'excellent' },
      { departmentId: 'd2', departmentName: '乙', regionName: '区', formId: null, state: null, total: null, grade: null },
    ] },
    grades: { forms: 1, grades: [{ grade: 'excellent', forms: 1, sharePercent: 100 }, { grade: 'good', forms: 0, sharePercent: 0 }, { grade: 'fair', forms: 0, sharePercent: 0 }, { grade: 'poor', forms: 0, sharePercent: 0 }], average: 91, median: 91, min: 91, max: 91 },
    gaps: { reviewedForms: 0, rows: [] },
    execution: { lowRatePercent: 90, rows: [
      { breakdown: null, column: 'total', forms: 1, budgeted: 100, executed: 80, ratePercent: 80, low: true, lowForms: 1 },
      { breakdown: 'byFundingSource', column: 'fiscalAppropriation', forms: 1, budgeted: 60, executed: 59, ratePercent: 98.33, low: false, lowForms: 0 },
    ] },
    lostPoints: { rows: [] },
    highMarks: { minTotal: 80, lowRatePercent: 90, forms: 0, rows: [] },
    yearOverYear: { years: [{ year: 2020, forms: 1, averageTotal: 88, ratePercent: 95 }, { year: 2021, forms: 1, averageTotal: 91, ratePercent: 80 }], departments: 1, offset: 0, rows: [
      { departmentId: 'd1', departmentName: '甲', years: [
        { year: 2020, formId: 'f0', state: 'published', total: 88, grade: 'good', ratePercent: 95 },
        { year: 2021, formId: 'f1', state: 'submitted', total: 91, grade: 'excellent', ratePercent: 80 },
      ] },
    ] },
    tables: { status: table(2), grades: table(5), gaps: table(0), execution: table(2), lostPoints: table(0), highMarks: table(0), yearOverYear: table(2) },
  };
}

describe('the dashboard view', () => {
  it('puts the filter and the pages in the address, leaving out what is "all" and the first page', () => {
    expect(dashboardUrl({}, { statusOffset: 0, yearOverYearOffset: 0 })).toBe('/api/analysis/dashboard');
    expect(dashboardUrl({ year: 2021, grade: 'excellent', regionId: 'r 1' }, { statusOffset: 20, yearOverYearOffset: 0 })).toBe('/api/analysis/dashboard?year=2021&regionId=r+1&grade=excellent&statusOffset=20');
    expect(tableDownloadUrl('execution', { year: 2021 }, 'zh')).toBe('/api/analysis/tables/execution?year=2021&lang=zh');
    // The 整改 card follows the same filter: year, region and grade.
    expect(followUpSummaryUrl({ year: 2021, regionId: 'r1', grade: 'fair' })).toBe('/api/follow-ups/summary?year=2021&regionId=r1&grade=fair');
    expect(followUpSummaryUrl({ year: 2021 })).toBe('/api/follow-ups/summary?year=2021');
  });

  it('knows the department of every table row, one per year in the year-over-year table', () => {
    const d = answer();
    expect(rowDepartmentIds('status', d)).toEqual(['d1', 'd2']);
    expect(rowDepartmentIds('yearOverYear', d)).toEqual(['d1', 'd1']);
    expect(rowDepartmentIds('execution', d)).toEqual([null, null]);
  });

  it('draws execution in the table’s column order, overall last, a low rate’s executed bar in red', () => {
    const option = executionChart(answer(), 'zh', '合计') as { xAxis: { data: string[] }; series: { name: string; data: unknown[] }[] };
    expect(option.xAxis.data).toEqual(['财政拨款', '合计']);
    expect(option.series.map((s) => s.name)).toEqual(['全年预算数', '全年执行数']);
    expect(option.series[1]?.data).toEqual([{ value: 59, itemStyle: undefined }, { value: 80, itemStyle: { color: '#cf1322' } }]);
  });

  it('draws grades 优 to 差 and years in order', () => {
    const grades = gradeChart(answer(), 'zh') as { xAxis: { data: string[] } };
    expect(grades.xAxis.data).toEqual(['优', '良', '中', '差']);
    const years = yearChart([{ year: 2020, total: 88, ratePercent: 95 }, { year: 2021, total: 91, ratePercent: 80 }], 'zh') as { xAxis: { data: string[] }; series: { data: unknown[] }[] };
    expect(years.xAxis.data).toEqual(['2020', '2021']);
    expect(years.series.map((s) => s.data)).toEqual([[88, 91], [95, 80]]);
    expect(leafName('管理效能/资产管理/资产管理制度健全性')).toBe('资产管理制度健全性');
  });

  it('routes the dashboard and a department page both ways', () => {
    expect(parseRoute('/dashboard')).toEqual({ name: 'dashboard' });
    expect(parseRoute('/departments/a%20b')).toEqual({ name: 'department', id: 'a b' });
    expect(routePath({ name: 'department', id: 'a b' })).toBe('/departments/a%20b');
    expect(parseRoute('/departments/a/b')).toEqual({ name: 'notFound' });
  });
});
