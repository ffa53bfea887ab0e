import { EXPENDITURE_COLUMNS, leavesOf } from '@jixiao/core';
import type { FormDocument, IndicatorLeaf, IndicatorNode } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { importFormText } from '../src/index.js';
import { isFactGroup, SEED_FACTS, SEED_TEXT } from './helpers/seed.js';
import type { FactGroup, FactLeaf } from './helpers/seed.js';

function importSeed(): FormDocument {
  const result = importFormText(SEED_TEXT);
  expect(result.problems).toEqual([]);
  expect(result.value).not.toBeNull();
  return result.value as FormDocument;
}

function compareLeaf(leaf: IndicatorLeaf, fact: FactLeaf, id: string): void {
  expect(leaf.kind, id).toBe('leaf');
  expect(leaf.id).toBe(id);
  expect(leaf.name).toBe(fact.name);
  expect(leaf.weight, `${fact.name} weight`).toBe(fact.weight);
  expect(leaf.selfScore, `${fact.name} score`).toBe(fact.score);
  if (fact.target !== undefined) expect(leaf.target, `${fact.name} target`).toBe(fact.target);
  if (fact.actual !== undefined) expect(leaf.actual, `${fact.name} actual`).toBe(fact.actual);
  if (fact.actualStartsWith !== undefined) expect(leaf.actual.startsWith(fact.actualStartsWith), `${fact.name} actual`).toBe(true);
  if (fact.basisStartsWith !== undefined) expect(leaf.basis.startsWith(fact.basisStartsWith), `${fact.name} basis`).toBe(true);
}

function compareNode(node: IndicatorNode, fact: FactGroup | FactLeaf, id: string): void {
  if (!isFactGroup(fact)) {
    compareLeaf(node as IndicatorLeaf, fact, id);
    return;
  }
  expect(node.kind, `${fact.name} is a group`).toBe('group');
  if (node.kind !== 'group') return;
  expect(node.id).toBe(id);
  expect(node.name).toBe(fact.name);
  expect(node.weight, `${fact.name} weight`).toBe(fact.weight);
  expect(node.children.map((c) => c.name)).toEqual(fact.children.map((c) => c.name));
  fact.children.forEach((child, i) => compareNode(node.children[i] as IndicatorNode, child, `${id}.${i + 1}`));
}

describe('importFormText on the seed (panyu-kgxj-2021.txt)', () => {
  const form = importSeed();

  it('reads the unit, the year and the narratives', () => {
    expect(form.schemaVersion).toBe(1);
    expect(form.unit).toEqual({ name: SEED_FACTS.unit.name, unitCount: SEED_FACTS.unit.unitCount, year: SEED_FACTS.unit.year });
    expect(form.narratives.goals.startsWith(SEED_FACTS.unit.goalsStartWith)).toBe(true);
    expect(form.narratives.completion.startsWith(SEED_FACTS.unit.completionStartsWith)).toBe(true);
    expect(form.narratives.shortfallReasons).toBe(SEED_FACTS.unit.shortfallReasons);
  });

  it('rejoins wrapped narrative lines without spaces, keeping the 一、二、… paragraphs', () => {
    expect(form.narratives.goals).not.toMatch(/\s/u);
    expect(form.narratives.goals).toContain('推动广汽爱信、时代广汽等重大项目加快建成投产');
    expect(form.narratives.goals.endsWith('支持民营经济发展壮大。')).toBe(true);
    const paragraphs = form.narratives.completion.split('\n');
    expect(paragraphs.map((p) => p.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(paragraphs.every((p) => !/\s/u.test(p))).toBe(true);
    expect(form.narratives.completion).toContain('截至2021年12月');
    expect(form.narratives.completion).toContain('OpenHarmony轻量系统');
  });

  it('reads all six expenditure columns of the three rows', () => {
    expect(EXPENDITURE_COLUMNS.map((c) => form.expenditure.budgeted[c])).toEqual(SEED_FACTS.expenditure.budgeted);
    expect(EXPENDITURE_COLUMNS.map((c) => form.expenditure.executed[c])).toEqual(SEED_FACTS.expenditure.executed);
    expect(EXPENDITURE_COLUMNS.map((c) => form.expenditure.printedRatePercent[c])).toEqual(SEED_FACTS.expenditure.printedRatesPercent);
  });

  it('reads the indicator tree exactly as the facts file, with positional ids', () => {
    expect(form.indicators.map((g) => [g.name, g.weight, g.category])).toEqual([
      ['管理效能', 45, 'management'],
      ['履职效能', 50, 'duty'],
      ['加减分项', 5, 'adjustment'],
    ]);
    SEED_FACTS.indicators.forEach((fact, i) => compareNode(form.indicators[i] as IndicatorNode, fact, String(i + 1)));
  });

  it('has 21 management, 15 duty and 1 adjustment leaves (37 in all)', () => {
    const leaves = leavesOf(form);
    const count = (category: string): number => leaves.filter((l) => l.category === category).length;
    expect([count('management'), count('duty'), count('adjustment')]).toEqual([21, 15, 1]);
    expect(leaves).toHaveLength(37);
  });

  it('keeps printed numbers as printed, including the score above its weight', () => {
    const asset = leavesOf(form).find((l) => l.leaf.name === '资产管理制度健全性');
    expect(asset?.leaf.weight).toBe(1);
    expect(asset?.leaf.selfScore).toBe(2);
    expect(form.printedTotal).toBe(SEED_FACTS.printedTotal);
    expect(form.printedGrade).toBeNull();
  });

  it('reads definitions, and the adjustment row’s definition apart from its basis', () => {
    const leaves = leavesOf(form).map((l) => l.leaf);
    const budget = leaves.find((l) => l.name === '预算完成率');
    expect(budget?.definition).toBe('部门（单位）本年度部门预算的预算完成数与预算数的比率，用以反映和考核部门（单位）预算完成程度。');
    expect(budget?.basis).toBe('');
    const control = leaves.find((l) => l.name === '部门预算及财务管理制度健全性');
    expect(control?.definition.endsWith('促进事业发展的保障情况。')).toBe(true);
    const adjustment = leaves.find((l) => l.name === '工作受表彰或批评');
    expect(adjustment?.definition).toBe('反映部门预算管理工作受表彰或批评的相关情况。');
    expect(adjustment?.basis.split('\n').map((p) => p.slice(0, 5))).toEqual(['1.加分项', '2.减分项']);
    expect(adjustment?.basis.endsWith('扣分合计不超过5分。')).toBe(true);
  });

  it('gives methods from the template and categories to every leaf', () => {
    const leaves = leavesOf(form).map((l) => l.leaf);
    expect(leaves.find((l) => l.name === '预算完成率')?.method).toEqual({ kind: 'proportional', rate: { from: 'expenditure', column: 'total' } });
    expect(leaves.find((l) => l.name === '绩效目标合理性')?.method).toEqual({ kind: 'manual' });
    expect(leaves.find((l) => l.name === '2.年度营收')?.method.kind).toBe('target');
    expect(leaves.find((l) => l.name === '工作受表彰或批评')?.method.kind).toBe('adjustment');
    expect(leaves.every((l) => !l.notApplicable && l.remark === '')).toBe(true);
  });
});
