/**
 * Who may see the finance bureau's analysis (分析), as data: the roles each view allows. What a view then
 * shows is limited to the actor's scope, the same `inScope` `can()` uses for forms: an administrator sees
 * every region, a reviewer their region, a head or an editor only their own department's history. The
 * public sees nothing (published results reach it through the public pages, not the analysis).
 */
import type { Actor, Role } from './roles.js';
import { ROLE_SCOPE } from './roles.js';

/** The analysis views. */
export const ANALYSIS_VIEWS = ['dashboard', 'departmentHistory'] as const;

/** One analysis view: the year's dashboard over departments, or one department across years. */
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

/**
 * The roles each view allows. A department's staff do not see other departments' figures (the dashboard
 * compares departments); they see their own department's forms across years.
 */
export const ANALYSIS_PERMISSIONS: Readonly<Record<AnalysisView, readonly Role[]>> = {
  dashboard: ['administrator', 'reviewer'],
  departmentHistory: ['administrator', 'reviewer', 'head', 'editor'],
};

/** Whether the actor may open an analysis view at all (the public may open none). */
export function canAnalyse(actor: Actor | null, view: AnalysisView): boolean {
  return actor !== null && ANALYSIS_PERMISSIONS[view].includes(actor.role);
}

/** Where an actor's dashboard reaches: every region, or one. */
export type AnalysisRegionScope = { all: true } | { all: false; regionId: string };

/**
 * The regions an actor's dashboard covers: all for administrators, their own for a reviewer (a reviewer
 * without a region — which accounts never are — reaches an id no region has, so sees nothing).
 */
export function analysisRegionScope(actor: Actor): AnalysisRegionScope {
  return ROLE_SCOPE[actor.role] === 'all' ? { all: true } : { all: false, regionId: actor.regionId ?? '' };
}
