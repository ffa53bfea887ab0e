import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, SEED, SEED_FACTS } from './run-cli.js';

interface FactNode { name: string; weight: number; score?: number; target?: string; actual?: string; actualStartsWith?: string; children?: FactNode[] }
interface FormNode { name: string; weight: number; selfScore?: number; target?: string; actual?: string; children?: FormNode[] }
const facts = JSON.parse(readFileSync(SEED_FACTS, 'utf8')) as {
  unit: { name: string; year: number; unitCount: number };
  expenditure: { budgeted: number[]; executed: number[]; printedRatesPercent: number[] };
  indicators: FactNode[];
  printedTotal: number;
};

describe('jixiao check on the seed form', () => {
  it('shows the unit, year, 95.77 and 优, the 资产管理制度健全性 error, and exits 1', async () => {
    const run = await runCli('check', SEED);
    expect(run.code).toBe(1);
    expect(run.out).toContain('广州市番禺区科技工业商务和信息化局 2021年度');
    expect(run.out).toContain('总分 95.77  等级 优');
    expect(run.out).toMatch(/✗ 错误 \[score-above-weight\] 管理效能\/资产管理\/资产管理制度健全性\n\s+资产管理制度健全性：得分 2 超过分值 1。/u);
  });

  it('speaks English with --lang en', async () => {
    const run = await runCli('check', SEED, '--lang', 'en');
    expect(run.out).toContain('Total 95.77  Grade Excellent');
    expect(run.out).toContain('资产管理制度健全性: scored 2 of 1, above its weight.');
  });

  it('finds exactly the facts file’s problems: one error, the empty 未能完成原因, deductions without basis', async () => {
    const run = await runCli('check', SEED, '--format', 'json');
    const report = JSON.parse(run.out) as { findings: { severity: string; rule: string; path: string; message: string }[] };
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.path])).toEqual([['score-above-weight', '管理效能/资产管理/资产管理制度健全性']]);
    const shortfall = report.findings.find((f) => f.rule === 'shortfall-reasons-missing');
    expect(shortfall?.message).toContain('转移支付执行率仅 78.9%');
    const withoutBasis = report.findings.filter((f) => f.rule === 'deduction-without-basis').map((f) => f.path.split('/').at(-1));
    expect(withoutBasis.sort()).toEqual(['预算完成率', '一般公共预算支出年度平均执行率', '政府采购执行率', '固定资产利用率', '绩效管理制度建设', '绩效目标合理性', '绩效监控和绩效评价开展情况'].sort());
    // 预算完成率 1.97 = 2 × 98.27% is consistent: no method finding; the 0.01 drift is not an error
    expect(report.findings.filter((f) => f.rule === 'rate-score-mismatch' || f.rule === 'breakdowns-disagree')).toEqual([]);
    // every duty target in the seed was met: nothing says otherwise
    expect(report.findings.filter((f) => f.rule === 'missed-target-full-marks' || f.rule === 'met-target-marked-down')).toEqual([]);
  });

  it('reproduces every weight, score, target and actual of the facts file, and the expenditure table', async () => {
    const run = await runCli('check', SEED, '--format', 'json');
    const report = JSON.parse(run.out) as {
      unit: string; year: number; total: number; grade: string; printedTotal: number;
      form: { unit: { unitCount: number }; indicators: FormNode[]; expenditure: Record<'budgeted' | 'executed' | 'printedRatePercent', Record<string, number>> };
    };
    expect([report.unit, report.year, report.form.unit.unitCount]).toEqual([facts.unit.name, facts.unit.year, facts.unit.unitCount]);
    expect([report.total, report.grade, report.printedTotal]).toEqual([95.77, '优', facts.printedTotal]);
    const columns = ['fiscalAppropriation', 'otherFunds', 'basicExpenditure', 'projectExpenditure', 'ownLevelExpenditure', 'transferPayment'];
    expect(columns.map((c) => report.form.expenditure.budgeted[c])).toEqual(facts.expenditure.budgeted);
    expect(columns.map((c) => report.form.expenditure.executed[c])).toEqual(facts.expenditure.executed);
    expect(columns.map((c) => report.form.expenditure.printedRatePercent[c])).toEqual(facts.expenditure.printedRatesPercent);
    const compare = (got: FormNode[], want: FactNode[]): void => {
      expect(got.map((n) => n.name)).toEqual(want.map((n) => n.name));
      want.forEach((w, i) => {
        const g = got[i]!;
        expect(g.weight).toBe(w.weight);
        if (w.score !== undefined) expect(g.selfScore).toBe(w.score);
        if (w.target !== undefined) expect(g.target).toBe(w.target);
        if (w.actual !== undefined) expect(g.actual).toBe(w.actual);
        if (w.actualStartsWith !== undefined) expect(g.actual?.startsWith(w.actualStartsWith)).toBe(true);
        if (w.children) compare(g.children ?? [], w.children);
      });
    };
    compare(report.form.indicators, facts.indicators);
  });
});
