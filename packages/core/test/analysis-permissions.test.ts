import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/index.js';
import { analysisRegionScope, canAnalyse, compare, emptyExpenditureTable, fraction, overallExecutionRate, overallExpenditure } from '../src/index.js';

const actor = (role: Actor['role'], regionId: string | null = null, departmentId: string | null = null): Actor => ({ userId: role, role, regionId, departmentId });

describe('who sees the analysis', () => {
  it('gives the dashboard to administrators and reviewers only, a department history to every role, nothing to the public', () => {
    expect(['administrator', 'reviewer', 'head', 'editor'].map((r) => canAnalyse(actor(r as Actor['role']), 'dashboard'))).toEqual([true, true, false, false]);
    expect(['administrator', 'reviewer', 'head', 'editor'].every((r) => canAnalyse(actor(r as Actor['role']), 'departmentHistory'))).toBe(true);
    expect(canAnalyse(null, 'dashboard')).toBe(false);
    expect(canAnalyse(null, 'departmentHistory')).toBe(false);
  });

  it('reaches every region for an administrator, only their own for a reviewer (none when they have none)', () => {
    expect(analysisRegionScope(actor('administrator'))).toEqual({ all: true });
    expect(analysisRegionScope(actor('reviewer', 'r1'))).toEqual({ all: false, regionId: 'r1' });
    expect(analysisRegionScope(actor('reviewer'))).toEqual({ all: false, regionId: '' });
  });
});

describe('the overall expenditure pair', () => {
  it('is the first complete breakdown, and its rate is executed / budgeted', () => {
    const table = emptyExpenditureTable();
    expect(overallExpenditure(table)).toBeNull();
    table.budgeted.fiscalAppropriation = 100;
    table.executed.fiscalAppropriation = 80;
    table.budgeted.otherFunds = 20;
    expect(overallExpenditure(table)).toBeNull();
    table.executed.otherFunds = 10;
    table.budgeted.basicExpenditure = 999;
    expect(overallExpenditure(table)).toEqual({ budgeted: { num: 120n, den: 1n }, executed: { num: 90n, den: 1n } });
    const rate = overallExecutionRate(table);
    expect(rate !== null && compare(rate, fraction(3, 4))).toBe(0);
  });
});
