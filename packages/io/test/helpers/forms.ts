/** Forms for the format tests: the seed as the text importer reads it, and variants with what a table cannot show. */
import type { FormDocument, IndicatorLeaf } from '@jixiao/core';
import { leavesOf } from '@jixiao/core';
import { importFormText } from '../../src/index.js';
import { SEED_TEXT } from './seed.js';

/** The seed form as the text importer reads it (what every format must give back). */
export function seedForm(): FormDocument {
  const form = importFormText(SEED_TEXT).value;
  if (form === null) throw new Error('the seed did not import');
  return form;
}

/** The leaf of a form by its name. */
export function leafNamed(form: FormDocument, name: string): IndicatorLeaf {
  const found = leavesOf(form).find((l) => l.leaf.name === name);
  if (found === undefined) throw new Error(`no leaf ${name}`);
  return found.leaf;
}

/**
 * The seed with everything the printed table cannot show: other ids, a steps method, a judged band,
 * adjustment counts, a 不适用 leaf with and one without a score, a duty leaf with a definition, a
 * management leaf with a remark, a printed grade, multi-paragraph texts and a Latin phrase.
 */
export function richForm(): FormDocument {
  const form = seedForm();
  form.indicators.forEach((group, i) => {
    group.id = `g${i}`;
  });
  const rate = leafNamed(form, '预算完成率');
  rate.method = { kind: 'steps', rate: { from: 'expenditure', column: 'total' }, direction: 'shortfall', fullAtPercent: 100, perPercent: 5, deduct: 2 };
  rate.id = 'budget-rate';
  leafNamed(form, '1.年产新能源汽车').method = { kind: 'target', judgedBand: 'high' };
  leafNamed(form, '2.年度营收').definition = '年度营业收入总额。';
  leafNamed(form, '工作受表彰或批评').method = { kind: 'adjustment', praises: 2, faults: 0 };
  const notApplicable = leafNamed(form, '固定资产利用率');
  notApplicable.notApplicable = true;
  notApplicable.selfScore = null;
  leafNamed(form, '结转结余率').notApplicable = true;
  leafNamed(form, '专项资金管理情况').remark = '见附件。';
  leafNamed(form, '绩效结果应用').basis = '一、整改已完成。\n二、结果已公开，见 Open Data 平台 LED 屏公示。';
  form.printedGrade = 'excellent';
  return form;
}
