import { describe, expect, it } from 'vitest';
import { compareRanking, rankForms, reviewedTotal } from '../src/index.js';
import type { FormDocument } from '../src/index.js';

describe('public ranking', () => {
  it('puts the grade first (优 before 良 whatever the totals), then the total, then the name; ties share a rank', () => {
    const ranked = rankForms([
      { departmentName: '丙局', grade: 'good' as const, total: 89.99 },
      { departmentName: '乙局', grade: 'excellent' as const, total: 91 },
      { departmentName: '甲局', grade: 'excellent' as const, total: 91 },
      { departmentName: '丁局', grade: 'poor' as const, total: 12 },
      { departmentName: '戊局', grade: 'excellent' as const, total: 99.5 },
      { departmentName: '己局', grade: 'fair' as const, total: 60 },
    ]);
    expect(ranked.map((r) => [r.rank, r.departmentName])).toEqual([
      [1, '戊局'],
      [2, '乙局'],
      [2, '甲局'],
      [4, '丙局'],
      [5, '己局'],
      [6, '丁局'],
    ]);
    expect(compareRanking({ departmentName: 'a', grade: 'excellent', total: 90 }, { departmentName: 'b', grade: 'good', total: 89.99 })).toBeLessThan(0);
  });
});

describe('reviewed total', () => {
  const leaf = (id: string, selfScore: number | null, notApplicable = false) => ({
    kind: 'leaf' as const, id, level: 3 as const, name: id, weight: 5, definition: '', target: '', actual: '', selfScore, basis: '', remark: '', method: { kind: 'manual' as const }, notApplicable,
  });
  const form = {
    indicators: [{ kind: 'group' as const, id: 'g', level: 1 as const, name: 'g', weight: 15, category: 'management' as const, children: [leaf('a', 4.1), leaf('b', 5), leaf('c', 3, true)] }],
  } satisfies Pick<FormDocument, 'indicators'>;

  it('puts the review score in where given, keeps self-scores elsewhere and leaves 不适用 out, exactly', () => {
    expect(reviewedTotal(form, [])).toBe(9.1);
    expect(reviewedTotal(form, [{ indicatorId: 'a', score: 3.9 }, { indicatorId: 'c', score: 5 }])).toBe(8.9);
    expect(reviewedTotal(form, [{ indicatorId: 'b', score: null }])).toBe(9.1);
  });
});
