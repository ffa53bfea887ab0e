import type { Role } from '@jixiao/core';
import { ANALYSIS_PERMISSIONS } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/api/api-types.js';
import { uiText } from '../src/i18n/ui-text.js';
import { menuEntries, selectedMenuKey } from '../src/model/app-menu.js';

const user = (role: Role, departmentId: string | null = role === 'head' || role === 'editor' ? 'dep-1' : null): SessionUser => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  regionId: 'r-1',
  departmentId,
});

const labels = (u: SessionUser | null): string[] => menuEntries(u).map((e) => uiText(e.label, 'zh'));
const analysisRoute = (u: SessionUser) => menuEntries(u).find((e) => e.key === 'dashboard' || e.key === 'department')?.route;

describe('the header menu', () => {
  it('gives a department head and an editor 本部门分析, opening their own department (not the dashboard)', () => {
    for (const role of ['head', 'editor'] as const) {
      expect(labels(user(role))).toEqual(['待办', '导入', '整改', '本部门分析', '公开信息']);
      expect(analysisRoute(user(role))).toEqual({ name: 'department', id: 'dep-1' });
      // The server lets them see that department's history (core's data), and not the dashboard.
      expect(ANALYSIS_PERMISSIONS.departmentHistory).toContain(role);
      expect(ANALYSIS_PERMISSIONS.dashboard).not.toContain(role);
    }
    expect(uiText('ownDepartmentAnalysis', 'en')).toBe('Our department');
  });

  it('gives reviewers and administrators 分析, the dashboard', () => {
    expect(labels(user('reviewer'))).toEqual(['待办', '批量导入', '整改', '分析', '公开信息']);
    expect(analysisRoute(user('administrator'))).toEqual({ name: 'dashboard' });
  });

  it('offers no analysis to a department account without a department, nor to the public', () => {
    expect(labels(user('head', null))).not.toContain('本部门分析');
    expect(labels(null)).toEqual(['公开信息']);
  });

  it('highlights the entry of the screen: a department page under 分析 for reviewers, under 本部门分析 for its head', () => {
    const department = { name: 'department', id: 'dep-1' } as const;
    expect(selectedMenuKey(department, menuEntries(user('reviewer')))).toBe('dashboard');
    expect(selectedMenuKey(department, menuEntries(user('head')))).toBe('department');
    expect(selectedMenuKey({ name: 'publicForm', id: 'f' }, menuEntries(null))).toBe('public');
    expect(selectedMenuKey({ name: 'form', id: 'f' }, menuEntries(user('head')))).toBe('');
  });
});
