import { describe, expect, it } from 'vitest';
import type { FindingCode, FormDocument } from '../src/index.js';
import { checkForm, messageCodes, problemMessage, RULES } from '../src/index.js';
import { buildForm, leafNamed, spoiled } from './factories.js';

/** For every rule: a form spoiled so that the rule fires, and the path and message words expected. */
const CASES: Record<FindingCode, { form: () => FormDocument; path: string; says: string }> = {
  'level1-weights-sum': {
    form: () => spoiled((f) => { f.indicators[0]!.weight = 40; }),
    path: '一级指标', says: '95',
  },
  'children-weights-sum': {
    form: () => spoiled((f) => { leafNamed(f, '部门预算编制情况').weight = 17; leafNamed(f, '部门预算编制情况').selfScore = 17; }),
    path: '管理效能/资金管理', says: '19',
  },
  'weight-missing': {
    form: () => spoiled((f) => { leafNamed(f, '部门预算编制情况').weight = null; }),
    path: '管理效能/资金管理/部门预算编制情况', says: '未填写分值',
  },
  'score-above-weight': {
    form: () => spoiled((f) => { leafNamed(f, '部门预算编制情况').selfScore = 19; f.printedTotal = 101; }),
    path: '管理效能/资金管理/部门预算编制情况', says: '得分 19 超过分值 18',
  },
  'score-negative': {
    form: () => spoiled((f) => { leafNamed(f, '绩效管理制度建设').selfScore = -1; f.printedTotal = 74; f.printedGrade = 'fair'; }),
    path: '管理效能/绩效管理/绩效管理制度建设', says: '-1',
  },
  'score-missing': {
    form: () => spoiled((f) => { leafNamed(f, '绩效管理制度建设').selfScore = null; f.printedTotal = 75; f.printedGrade = 'fair'; }),
    path: '管理效能/绩效管理/绩效管理制度建设', says: '未填写得分',
  },
  'not-applicable-scored': {
    form: () => spoiled((f) => { leafNamed(f, '绩效管理制度建设').notApplicable = true; }),
    path: '管理效能/绩效管理/绩效管理制度建设', says: '不适用',
  },
  'adjustment-out-of-range': {
    form: () => spoiled((f) => { leafNamed(f, '工作受表彰或批评').selfScore = 7.5; f.printedTotal = 102.5; }),
    path: '加减分项', says: '7.5',
  },
  'total-mismatch': {
    form: () => spoiled((f) => { f.printedTotal = 99.5; }),
    path: '总分', says: '99.5',
  },
  'total-missing': {
    form: () => spoiled((f) => { f.printedTotal = null; }),
    path: '总分', says: '100',
  },
  'grade-mismatch': {
    form: () => spoiled((f) => { f.printedGrade = 'good'; }),
    path: '等级', says: '“良”',
  },
  'breakdowns-disagree': {
    form: () => spoiled((f) => { f.expenditure.budgeted.basicExpenditure = 40.05; f.expenditure.executed.basicExpenditure = 40; }),
    path: '年度部门整体支出规模/全年预算数', says: '0.05',
  },
  'printed-rate-mismatch': {
    form: () => spoiled((f) => { f.expenditure.printedRatePercent.transferPayment = 99.8; }),
    path: '年度部门整体支出规模/完成率/转移支付', says: '99.8%',
  },
  'executed-above-budgeted': {
    form: () => spoiled((f) => {
      f.expenditure.executed.otherFunds = 12; f.expenditure.executed.projectExpenditure = 62; f.expenditure.executed.ownLevelExpenditure = 97;
      f.expenditure.printedRatePercent.otherFunds = 120; f.expenditure.printedRatePercent.projectExpenditure = 103.3; f.expenditure.printedRatePercent.ownLevelExpenditure = 102.1;
    }),
    path: '年度部门整体支出规模/全年执行数/其他资金', says: '12.00',
  },
  'expenditure-blank': {
    form: () => spoiled((f) => { f.expenditure.executed.transferPayment = null; }),
    path: '年度部门整体支出规模/全年执行数/转移支付', says: '未填写金额',
  },
  'rate-score-mismatch': {
    form: () => spoiled((f) => {
      f.expenditure.executed.fiscalAppropriation = 80; f.expenditure.executed.projectExpenditure = 50; f.expenditure.executed.ownLevelExpenditure = 85;
      f.expenditure.printedRatePercent.fiscalAppropriation = 88.9; f.expenditure.printedRatePercent.projectExpenditure = 83.3; f.expenditure.printedRatePercent.ownLevelExpenditure = 89.5;
      f.narratives.shortfallReasons = '项目延期。';
    }),
    path: '管理效能/资金管理/预算完成率', says: '应得 1.8 分',
  },
  'missed-target-full-marks': {
    form: () => spoiled((f) => { leafNamed(f, '1.年产新能源汽车').actual = '8万辆'; }),
    path: '履职效能/产业发展/1.年产新能源汽车', says: '按比例应得 16 分',
  },
  'met-target-marked-down': {
    form: () => spoiled((f) => { leafNamed(f, '2.年度营收').selfScore = 28; leafNamed(f, '2.年度营收').basis = '谨慎评分'; f.printedTotal = 98; f.narratives.shortfallReasons = '无'; }),
    path: '履职效能/产业发展/2.年度营收', says: '只得 28 分',
  },
  'target-not-understood': {
    form: () => spoiled((f) => { leafNamed(f, '2.年度营收').actual = '营收显著增长'; }),
    path: '履职效能/产业发展/2.年度营收', says: '需人工判断',
  },
  'target-unit-mismatch': {
    form: () => spoiled((f) => { leafNamed(f, '1.年产新能源汽车').actual = '12万人次'; }),
    path: '履职效能/产业发展/1.年产新能源汽车', says: '不同',
  },
  'deduction-without-basis': {
    form: () => spoiled((f) => { leafNamed(f, '部门预算编制情况').selfScore = 17; f.printedTotal = 99; f.narratives.shortfallReasons = '编制有误。'; }),
    path: '管理效能/资金管理/部门预算编制情况', says: '扣了 1 分',
  },
  'shortfall-reasons-missing': {
    form: () => spoiled((f) => { leafNamed(f, '部门预算编制情况').selfScore = 17; leafNamed(f, '部门预算编制情况').basis = '编制偏差'; f.printedTotal = 99; }),
    path: '未能完成原因', says: '共扣 1 分',
  },
  'high-marks-low-spending': {
    form: () => spoiled((f) => {
      f.expenditure.executed = { fiscalAppropriation: 72, otherFunds: 8, basicExpenditure: 32, projectExpenditure: 48, ownLevelExpenditure: 76, transferPayment: 4 };
      f.expenditure.printedRatePercent = { fiscalAppropriation: 80, otherFunds: 80, basicExpenditure: 80, projectExpenditure: 80, ownLevelExpenditure: 80, transferPayment: 80 };
      leafNamed(f, '预算完成率').selfScore = 1.6; leafNamed(f, '预算完成率').basis = '执行率80%'; f.printedTotal = 99.6;
      f.narratives.shortfallReasons = '项目延期。';
    }),
    path: '总分', says: '高分低执行',
  },
};

describe('checks', () => {
  it('find nothing in the clean form', () => {
    const result = checkForm(buildForm());
    expect(result.findings).toEqual([]);
    expect(result.score.total).toBe(100);
    expect(result.score.grade).toBe('excellent');
  });

  it('every rule has a case here and a message in both languages', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const code of RULES.map((r) => r.id)) expect(messageCodes()).toContain(code);
  });

  for (const rule of RULES) {
    it(`${rule.id}: fires on the spoiled form, at the right place, and says what is wrong`, () => {
      const spec = CASES[rule.id];
      const findings = checkForm(spec.form()).findings.filter((f) => f.code === rule.id);
      expect(findings.length).toBeGreaterThan(0);
      const finding = findings[0]!;
      expect(finding.severity).toBe(rule.severity);
      expect(finding.path).toBe(spec.path);
      expect(problemMessage(finding, 'zh')).toContain(spec.says);
      expect(problemMessage(finding, 'en')).not.toMatch(/[。：]/u);
      // the clean form, passing, gives no finding of this rule
      expect(checkForm(buildForm()).findings.filter((f) => f.code === rule.id)).toEqual([]);
    });
  }
});
