/**
 * The shapes of the analysis answers (the dashboard and a department's history), taken from the server's
 * analysis services with `import type`: the analysis routes send those objects as they are, so what the web
 * reads cannot drift from what is sent. Type-only, erased from the bundle (docs/decisions.md).
 */
import type { Dashboard, DepartmentHistoryFigure } from '@jixiao/server';

/** GET /api/analysis/dashboard. */
export type DashboardAnswer = Dashboard;

/** GET /api/analysis/departments/:id. */
export type DepartmentHistoryAnswer = DepartmentHistoryFigure;

/** The dashboard's tables, one per chart. */
export type AnalysisTableName = keyof Dashboard['tables'];

/** A table behind a chart, as the server builds it for the page and the .xlsx download. */
export type AnalysisTable = Dashboard['tables'][AnalysisTableName];

/** One form of a department in a year. */
export type DepartmentYear = DepartmentHistoryFigure['years'][number];
