/** The analysis services: the dashboard's figures (one per file), the department history, the tables and workbook. */
export { dashboard, dashboardTable, dashboardWorkbook } from './dashboard.js';
export type { Dashboard, DashboardPages } from './dashboard.js';
export { departmentHistory } from './department-history.js';
export type { DepartmentHistoryFigure } from './department-history.js';
export { ANALYSED_STATES, dashboardScope, DOWNLOAD_ROWS, HIGH_MARKS_MIN_TOTAL, LOW_EXECUTION_PERCENT, PAGE_ROWS, TOP_ROWS } from './analysis-scope.js';
export type { AnalysisFilter } from './analysis-scope.js';
export { submissionStatusFigure } from './submission-status.js';
export { gradeDistributionFigure } from './grade-distribution.js';
export { reviewGapFigure } from './review-gaps.js';
export { executionFigure } from './expenditure-execution.js';
export { lostPointsFigure } from './lost-points.js';
export { highMarksFigure } from './high-marks-low-spending.js';
export { yearOverYearFigure } from './year-over-year.js';
export { ANALYSIS_TABLES } from './analysis-tables.js';
export type { AnalysisTableName } from './analysis-tables.js';
export type { AnalysisScope } from '../../db/repositories/analysis-repository.js';
