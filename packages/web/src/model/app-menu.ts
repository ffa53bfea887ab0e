/**
 * The header menu: which entries a signed-in person (or the public) sees and where each leads. Who sees
 * an entry is core's permission data, the same the server enforces, so an entry never leads to a refusal.
 * Pure: unit-tested.
 */
import type { Actor } from '@jixiao/core';
import { canAnalyse, canOrganise, ROLE_SCOPE } from '@jixiao/core';
import type { SessionUser } from '../api/api-types.js';
import type { UiKey } from '../i18n/ui-text.js';
import type { Route } from './routes.js';

/** One entry: its key (what is highlighted), its label's key in ui-text, the screen it opens. */
export interface MenuEntry {
  key: 'queue' | 'import' | 'bulkImport' | 'followUps' | 'dashboard' | 'department' | 'public';
  label: UiKey;
  route: Route;
}

function actorOf(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, regionId: user.regionId, departmentId: user.departmentId };
}

/**
 * 分析 for whoever may open the dashboard; otherwise, for a department's staff (heads, editors), their own
 * department across years — the one department the server lets them see.
 */
function analysisEntry(user: SessionUser): MenuEntry | null {
  const actor = actorOf(user);
  if (canAnalyse(actor, 'dashboard')) return { key: 'dashboard', label: 'dashboard', route: { name: 'dashboard' } };
  if (canAnalyse(actor, 'departmentHistory') && ROLE_SCOPE[user.role] === 'department' && user.departmentId !== null) {
    return { key: 'department', label: 'ownDepartmentAnalysis', route: { name: 'department', id: user.departmentId } };
  }
  return null;
}

/** The entries, in the order shown. */
export function menuEntries(user: SessionUser | null): MenuEntry[] {
  const entries: MenuEntry[] = [];
  if (user !== null) {
    entries.push({ key: 'queue', label: 'workQueue', route: { name: 'queue' } });
    if (user.role !== 'reviewer') entries.push({ key: 'import', label: 'importForm', route: { name: 'import' } });
    // Who may bulk import is core's permission data (administrators; reviewers into their region).
    if (canOrganise(actorOf(user), 'bulkImport')) entries.push({ key: 'bulkImport', label: 'bulkImport', route: { name: 'bulkImport' } });
    entries.push({ key: 'followUps', label: 'followUps', route: { name: 'followUps' } });
    const analysis = analysisEntry(user);
    if (analysis !== null) entries.push(analysis);
  }
  entries.push({ key: 'public', label: 'publicForms', route: { name: 'publicList' } });
  return entries;
}

/** The entry to highlight on a screen ('' for none): a department's page sits under 分析 for those who have the dashboard. */
export function selectedMenuKey(route: Route, entries: readonly MenuEntry[]): string {
  const has = (key: MenuEntry['key']): boolean => entries.some((e) => e.key === key);
  switch (route.name) {
    case 'dashboard':
    case 'queue':
    case 'import':
    case 'bulkImport':
    case 'followUps':
      return route.name;
    case 'department':
      return has('dashboard') ? 'dashboard' : has('department') ? 'department' : '';
    case 'publicList':
    case 'publicForm':
      return 'public';
    default:
      return '';
  }
}
