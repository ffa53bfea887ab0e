import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorLeaf, ScoringMethod } from '../src/index.js';
import { checkForm, emptyExpenditureTable, gradeOf, scoreForm, suggestLeafScore } from '../src/index.js';
import { buildForm, leafNamed, spoiled } from './factories.js';

const table = (() => {
  const t = emptyExpenditureTable();
  t.budgeted.fiscalAppropriation = 127208.53; t.executed.fiscalAppropriation = 125005.9;
  t.budgeted.otherFunds = 574.29; t.executed.otherFunds = 569.12;
  return t;
})();

function leafWith(method: ScoringMethod, weight = 2): IndicatorLeaf {
  return { kind: 'leaf', id: 'x', level: 3, name: 'x', weight, definition: '', target: '', actual: '', selfScore: null, basis: '', remark: '', method, notApplicable: false };
}

describe('grades', () => {
  it('use half-open bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差', () => {
    expect([100, 90, 89.99, 80, 79.99, 60, 59.99, 0].map(gradeOf)).toEqual(['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'poor', 'poor']);
  });
});

describe('rate methods', () => {
  it('proportional: the seed’s 预算完成率 is 2 × 98.27% = 1.97', () => {
    expect(suggestLeafScore(leafWith({ kind: 'proportional', rate: { from: 'expenditure', column: 'total' } }), table, null)).toEqual({ kind: 'exact', score: 1.97 });
  });
  it('proportional is capped at the weight', () => {
    expect(suggestLeafScore(leafWith({ kind: 'proportional', rate: { from: 'entered', percent: 130 } }), table, null)).toEqual({ kind: 'exact', score: 2 });
  });
  it('proportional with an unknown rate suggests nothing', () => {
    expect(suggestLeafScore(leafWith({ kind: 'proportional', rate: { from: 'entered', percent: null } }), table, null)).toEqual({ kind: 'none', reason: 'rateUnknown' });
  });
  it('steps: full at 100%, minus 2 per whole 5 points short', () => {
    const method = (percent: number): ScoringMethod => ({ kind: 'steps', rate: { from: 'entered', percent }, direction: 'shortfall', fullAtPercent: 100, perPercent: 5, deduct: 2 });
    const at = (percent: number) => suggestLeafScore(leafWith(method(percent), 10), table, null);
    expect(at(100)).toEqual({ kind: 'exact', score: 10 });
    expect(at(96)).toEqual({ kind: 'exact', score: 10 });
    expect(at(95)).toEqual({ kind: 'exact', score: 8 });
    expect(at(81)).toEqual({ kind: 'exact', score: 4 });
    expect(at(10)).toEqual({ kind: 'exact', score: 0 });
  });
  it('steps: ≤ 100% full marks, minus 1 per point over', () => {
    const at = (percent: number) => suggestLeafScore(leafWith({ kind: 'steps', rate: { from: 'entered', percent }, direction: 'excess', fullAtPercent: 100, perPercent: 1, deduct: 1 }, 4), table, null);
    expect(at(99)).toEqual({ kind: 'exact', score: 4 });
    expect(at(102)).toEqual({ kind: 'exact', score: 2 });
  });
  it('bands give the share of the first band reached', () => {
    const bands = [{ minPercent: 95, fraction: 1 }, { minPercent: 90, fraction: 0.8 }, { minPercent: 80, fraction: 0.5 }];
    const at = (percent: number) => suggestLeafScore(leafWith({ kind: 'bands', rate: { from: 'entered', percent }, bands }, 5), table, null);
    expect([at(97), at(92), at(85), at(50)]).toEqual([{ kind: 'exact', score: 5 }, { kind: 'exact', score: 4 }, { kind: 'exact', score: 2.5 }, { kind: 'exact', score: 0 }]);
  });
});

describe('adjustments', () => {
  it('+2.5 per praise and −2.5 per fault, each side capped at 5', () => {
    const adj = (praises: number, faults: number) => suggestLeafScore(leafWith({ kind: 'adjustment', praises, faults }, 5), table, null);
    expect(adj(1, 0)).toEqual({ kind: 'exact', score: 2.5 });
    expect(adj(3, 0)).toEqual({ kind: 'exact', score: 5 });
    expect(adj(0, 4)).toEqual({ kind: 'exact', score: -5 });
    expect(adj(1, 1)).toEqual({ kind: 'exact', score: 0 });
  });
  it('unknown counts leave a range for people', () => {
    expect(suggestLeafScore(leafWith({ kind: 'adjustment', praises: null, faults: null }, 5), table, null)).toEqual({ kind: 'range', min: -5, max: 5 });
  });
});

describe('targets', () => {
  it('a missed at-least target suggests weight × actual / target', () => {
    const form = spoiled((f) => { leafNamed(f, '1.年产新能源汽车').actual = '8万辆'; });
    const leaf = scoreForm(form).leaves.find((l) => l.leaf.name === '1.年产新能源汽车');
    expect(leaf?.suggestion).toEqual({ kind: 'exact', score: 16 });
  });
  it('a qualitative target judged in the middle band suggests 60–80% of the weight', () => {
    const form = spoiled((f) => { const l = leafNamed(f, '2.年度营收'); l.target = '有效提升'; l.method = { kind: 'target', judgedBand: 'middle' }; });
    const leaf = scoreForm(form).leaves.find((l) => l.leaf.name === '2.年度营收');
    expect(leaf?.suggestion).toEqual({ kind: 'range', min: 18, max: 24 });
  });
});

describe('totals', () => {
  it('never overwrite the entered score: the suggestion sits beside it', () => {
    const form = spoiled((f) => { leafNamed(f, '1.年产新能源汽车').actual = '8万辆'; });
    const result = checkForm(form);
    expect(leafNamed(form, '1.年产新能源汽车').selfScore).toBe(20);
    expect(result.score.total).toBe(100);
    expect(result.score.suggestedTotal).toBe(96);
  });
  it('rescale to full weight when indicators do not apply, adjustments unscaled', () => {
    const form = spoiled((f) => {
      const l = leafNamed(f, '绩效管理制度建设'); l.notApplicable = true; l.selfScore = null;
      leafNamed(f, '部门预算编制情况').selfScore = 9; // 9 of 18 lost
    });
    const score = scoreForm(form);
    // applicable: 2 + 9 + 20 + 30 = 61 of 70; rescaled to 95 → 82.79; plus adjustment 5
    expect(score.enteredSum).toBe(66);
    expect(score.rescaled).toBe(true);
    expect(score.total).toBe(87.79);
    expect(score.grade).toBe('good');
  });
  it('roll up each group', () => {
    const groups = scoreForm(buildForm()).groups;
    expect(groups.find((g) => g.namePath.join('/') === '管理效能/资金管理')).toMatchObject({ weight: 20, enteredSum: 20 });
    expect(groups.find((g) => g.namePath.join('/') === '管理效能')).toMatchObject({ weight: 45, enteredSum: 45 });
  });
  it('property: the total is the exact sum of two-decimal scores, and a full-marks form scores 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1800 }), { minLength: 1, maxLength: 1 }), fc.integer({ min: 0, max: 2500 }), ([a], b) => {
        const form = spoiled((f) => { leafNamed(f, '部门预算编制情况').selfScore = a! / 100; leafNamed(f, '绩效管理制度建设').selfScore = b / 100; });
        const expected = (2 * 100 + a! + b + 5000 + 500) / 100;
        expect(scoreForm(form).total).toBe(expected);
      }),
    );
  });
  it('property: suggestions of rate methods never exceed the weight nor fall below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 1000 }), (ratePermille, weightTenths) => {
        const weight = weightTenths / 10;
        for (const method of [
          { kind: 'proportional', rate: { from: 'entered', percent: ratePermille / 10 } },
          { kind: 'steps', rate: { from: 'entered', percent: ratePermille / 10 }, direction: 'shortfall', fullAtPercent: 100, perPercent: 5, deduct: 2 },
          { kind: 'steps', rate: { from: 'entered', percent: ratePermille / 10 }, direction: 'excess', fullAtPercent: 100, perPercent: 1, deduct: 1 },
        ] satisfies ScoringMethod[]) {
          const s = suggestLeafScore(leafWith(method, weight), table, null);
          if (s.kind !== 'exact') throw new Error('expected a score');
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(weight);
        }
      }),
    );
  });
});
