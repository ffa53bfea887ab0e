/**
 * Test factories: a small clean form (no findings) and helpers to spoil it one way at a time, so each
 * rule is tested with one failing and one passing form.
 */
import type { FormDocument, IndicatorCategory, IndicatorLeaf, Level1Group, Level2Group, ScoringMethod } from '../src/index.js';
import { leavesOf } from '../src/index.js';

function leaf(id: string, name: string, weight: number, method: ScoringMethod, extra: Partial<IndicatorLeaf> = {}): IndicatorLeaf {
  return {
    kind: 'leaf', id, level: 3, name, weight, definition: '', target: '', actual: '', selfScore: weight,
    basis: '', remark: '', method, notApplicable: false, ...extra,
  };
}

function group1(id: string, name: string, weight: number, category: IndicatorCategory, children: Level2Group[]): Level1Group {
  return { kind: 'group', id, level: 1, name, weight, category, children };
}

function group2(id: string, name: string, weight: number, category: IndicatorCategory, children: IndicatorLeaf[]): Level2Group {
  return { kind: 'group', id, level: 2, name, weight, category, children };
}

/** A clean form: consistent weights, full marks, a fully executed budget; checks find nothing. */
export function buildForm(): FormDocument {
  return {
    schemaVersion: 1,
    unit: { name: '测试区示例局', unitCount: 2, year: 2022 },
    narratives: { goals: '完成年度目标。', completion: '已完成。', shortfallReasons: '' },
    expenditure: {
      budgeted: { fiscalAppropriation: 90, otherFunds: 10, basicExpenditure: 40, projectExpenditure: 60, ownLevelExpenditure: 95, transferPayment: 5 },
      executed: { fiscalAppropriation: 90, otherFunds: 10, basicExpenditure: 40, projectExpenditure: 60, ownLevelExpenditure: 95, transferPayment: 5 },
      printedRatePercent: { fiscalAppropriation: 100, otherFunds: 100, basicExpenditure: 100, projectExpenditure: 100, ownLevelExpenditure: 100, transferPayment: 100 },
    },
    indicators: [
      group1('1', '管理效能', 45, 'management', [
        group2('1.1', '资金管理', 20, 'management', [
          leaf('1.1.1', '预算完成率', 2, { kind: 'proportional', rate: { from: 'expenditure', column: 'total' } }),
          leaf('1.1.2', '部门预算编制情况', 18, { kind: 'manual' }),
        ]),
        group2('1.2', '绩效管理', 25, 'management', [leaf('1.2.1', '绩效管理制度建设', 25, { kind: 'manual' })]),
      ]),
      group1('2', '履职效能', 50, 'duty', [
        group2('2.1', '产业发展', 50, 'duty', [
          leaf('2.1.1', '1.年产新能源汽车', 20, { kind: 'target', judgedBand: null }, { target: '10万辆', actual: '12万辆' }),
          leaf('2.1.2', '2.年度营收', 30, { kind: 'target', judgedBand: null }, { target: '100亿元', actual: '超140亿元' }),
        ]),
      ]),
      group1('3', '加减分项', 5, 'adjustment', [
        group2('3.1', '工作表现加减分', 5, 'adjustment', [leaf('3.1.1', '工作受表彰或批评', 5, { kind: 'adjustment', praises: 2, faults: 0 })]),
      ]),
    ],
    printedTotal: 100,
    printedGrade: 'excellent',
  };
}

/** The leaf of a form by name (throws in a test that names a leaf that is not there). */
export function leafNamed(form: FormDocument, name: string): IndicatorLeaf {
  const found = leavesOf(form).find((l) => l.leaf.name === name);
  if (!found) throw new Error(`no leaf ${name}`);
  return found.leaf;
}

/** The clean form changed by `change` (which mutates the copy it is given). */
export function spoiled(change: (form: FormDocument) => void): FormDocument {
  const form = buildForm();
  change(form);
  return form;
}
