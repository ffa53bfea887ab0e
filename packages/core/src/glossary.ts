/**
 * The glossary: every term of the form as exactly one English identifier, with its official Chinese
 * label, the English label, the variants seen in real files (the importers match on these) and a
 * one-line note. The UI and the exporters print labels from here; docs/glossary.md is generated from it.
 */
import { matchKey } from './text/normalize.js';

export interface Term {
  /** The official label as printed on the 附件3 form. */
  readonly label: string;
  /** The English label. */
  readonly en: string;
  /** Other spellings seen in real files (traditional copies are matched through `matchKey`). */
  readonly variants: readonly string[];
  readonly note: string;
}

export const GLOSSARY = {
  form: { label: '部门整体支出绩效自评表', en: 'Department overall expenditure performance self-evaluation', variants: ['部门整体支出绩效自评情况表', '部门整体支出绩效自评报告表'], note: 'The form itself, published each year by every budget department (附件3 of the notice).' },
  appendix: { label: '附件3', en: 'Appendix 3', variants: ['附件 3', '附件三'], note: 'Where the form stands in the finance bureau notice; printed above the title.' },
  unitInfo: { label: '单位基本情况', en: 'Basic information of the unit', variants: [], note: 'The header block: unit name and number of units.' },
  unitName: { label: '单位名称', en: 'Unit name', variants: ['部门名称', '单位（部门）名称'], note: 'The department filling in the form.' },
  unitCount: { label: '单位数', en: 'Number of units', variants: ['下属单位数'], note: 'The department together with its subordinate units, e.g. 6个.' },
  year: { label: '年度', en: 'Year', variants: ['评价年度'], note: 'The fiscal year evaluated, printed as （2021年度）.' },
  goals: { label: '年度整体绩效目标', en: 'Annual overall performance goals', variants: ['年度整体绩效目标', '整体绩效目标'], note: 'What the department set out to achieve this year.' },
  completion: { label: '整体绩效目标完成情况', en: 'Achievement of the overall goals', variants: ['年度整体绩效目标完成情况', '绩效目标完成情况'], note: 'What was achieved, in prose.' },
  shortfallReasons: { label: '未能完成原因', en: 'Reasons for shortfalls', variants: ['未完成原因', '未完成原因分析'], note: 'Why goals or spending fell short; must not be empty when points are lost.' },
  expenditure: { label: '年度部门整体支出规模（万元）', en: 'Annual overall department expenditure (10,000 yuan)', variants: ['年度部门整体支出规模', '部门整体支出规模'], note: 'The expenditure table: three breakdowns of one total, in 万元.' },
  byFundingSource: { label: '按资金来源', en: 'By funding source', variants: [], note: 'Breakdown into fiscal appropriation and other funds.' },
  fiscalAppropriation: { label: '财政拨款', en: 'Fiscal appropriation', variants: ['财政拨款资金'], note: 'Funds appropriated from the budget.' },
  otherFunds: { label: '其他资金', en: 'Other funds', variants: ['其它资金'], note: 'Funds from other sources.' },
  byStructure: { label: '按资金结构', en: 'By structure', variants: ['按支出结构'], note: 'Breakdown into basic and project expenditure.' },
  basicExpenditure: { label: '基本支出', en: 'Basic expenditure', variants: [], note: 'Staff and running costs.' },
  projectExpenditure: { label: '项目支出', en: 'Project expenditure', variants: [], note: 'Spending on projects.' },
  byBudgetLevel: { label: '按预算级次', en: 'By budget level', variants: [], note: 'Breakdown into own-level spending and transfers to lower levels.' },
  ownLevelExpenditure: { label: '区本级支出', en: 'Own-level expenditure', variants: ['本级支出', '市本级支出', '县本级支出', '区级支出'], note: 'Spent at the department’s own budget level (区 in a district).' },
  transferPayment: { label: '转移支付', en: 'Transfer payments', variants: ['转移支付支出'], note: 'Passed on to lower levels of government.' },
  budgeted: { label: '全年预算数', en: 'Budgeted', variants: ['年度预算数', '预算数'], note: 'The full-year budget.' },
  executed: { label: '全年执行数', en: 'Executed', variants: ['年度执行数', '执行数', '实际支出数'], note: 'What was actually spent.' },
  executionRate: { label: '完成率', en: 'Execution rate', variants: ['执行率', '预算执行率'], note: 'Executed / budgeted, printed as a percentage with one decimal.' },
  level1Indicator: { label: '一级指标', en: 'Level-1 indicator', variants: [], note: 'Management, duty performance, adjustments.' },
  level2Indicator: { label: '二级指标', en: 'Level-2 indicator', variants: [], note: 'A group of level-3 indicators, e.g. 资金管理.' },
  level3Indicator: { label: '三级指标', en: 'Level-3 indicator', variants: [], note: 'The scored indicator.' },
  weight: { label: '分值', en: 'Weight', variants: ['权重', '标准分值', '分数'], note: 'The maximum points of an indicator.' },
  definition: { label: '指标解释', en: 'Definition', variants: ['指标说明', '指标内涵'], note: 'What a management indicator measures.' },
  selfScore: { label: '得分/自评分', en: 'Self-score', variants: ['自评分', '自评得分', '得分'], note: 'The score the department gives itself; never overwritten.' },
  basis: { label: '评分依据、未达标原因、改进措施', en: 'Basis, reasons for shortfall, remedies', variants: ['评分依据', '未达标原因', '改进措施', '偏差原因分析及改进措施'], note: 'Why points were given or lost and what will change.' },
  target: { label: '年度指标值', en: 'Annual target', variants: ['年度目标值', '指标值', '目标值'], note: 'A duty indicator’s target, in free Chinese text (「达1500家」).' },
  actual: { label: '实际完成指标值', en: 'Actual', variants: ['实际完成值', '实际完成情况', '完成值'], note: 'What was achieved, in free text.' },
  remark: { label: '备注', en: 'Remark', variants: ['说明'], note: 'Free remark on a duty indicator.' },
  management: { label: '管理效能', en: 'Management effectiveness', variants: ['管理效率'], note: 'Level-1 group of common indicators set by the finance bureau (45 points in the seed).' },
  duty: { label: '履职效能', en: 'Duty performance', variants: ['履职效果', '履职绩效'], note: 'Level-1 group of the department’s own goals (50 points).' },
  adjustment: { label: '加减分项', en: 'Adjustments', variants: ['加减分', '加分减分项'], note: 'Praise (+2.5 each) and faults (−2.5 each), capped at 5 either way.' },
  total: { label: '总分', en: 'Total', variants: ['合计', '总得分', '自评总分'], note: 'Sum of the scores, out of 100.' },
  grade: { label: '等级', en: 'Grade', variants: ['评价等级', '自评等级'], note: '优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.' },
  gradeExcellent: { label: '优', en: 'Excellent', variants: ['优秀'], note: 'Total of 90 or more.' },
  gradeGood: { label: '良', en: 'Good', variants: ['良好'], note: 'Total from 80 to below 90.' },
  gradeFair: { label: '中', en: 'Fair', variants: ['中等', '合格'], note: 'Total from 60 to below 80.' },
  gradePoor: { label: '差', en: 'Poor', variants: ['较差', '不合格'], note: 'Total below 60.' },
  notApplicable: { label: '不适用', en: 'Not applicable', variants: ['不涉及', '无此项'], note: 'An indicator excluded from scoring; the total is rescaled.' },
  reviewScore: { label: '复核得分', en: 'Review score', variants: ['评审得分', '财政复核分'], note: 'The finance bureau’s score beside the self-score.' },
  scoringMethod: { label: '评分方法', en: 'Scoring method', variants: ['评分标准'], note: 'How an indicator’s score follows from the form.' },
  methodManual: { label: '人工评分', en: 'Judged by people', variants: ['手工评分'], note: 'Scoring method: nothing to compute.' },
  methodProportional: { label: '按比例计分', en: 'Proportional', variants: ['比例计分'], note: 'Scoring method: weight × rate, capped at the weight.' },
  methodSteps: { label: '阶梯扣分', en: 'Steps', variants: ['按档扣分'], note: 'Scoring method: minus N points per M points of rate short of (or over) the mark.' },
  methodBands: { label: '区间计分', en: 'Bands', variants: ['分档计分'], note: 'Scoring method: a share of the weight by the band the rate falls in.' },
  methodTarget: { label: '目标比较', en: 'Target comparison', variants: [], note: 'Scoring method: met → full marks, missed → in proportion.' },
  methodAdjustment: { label: '加减分计分', en: 'Adjustment count', variants: [], note: 'Scoring method: +2.5 per praise, −2.5 per fault, capped at 5 each way.' },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof GLOSSARY;

export type Lang = 'zh' | 'en';

/** The label of a term in the chosen language. */
export function termLabel(id: TermId, lang: Lang = 'zh'): string {
  const term: Term = GLOSSARY[id];
  return lang === 'zh' ? term.label : term.en;
}

const TERM_BY_KEY: ReadonlyMap<string, TermId> = (() => {
  const map = new Map<string, TermId>();
  for (const id of Object.keys(GLOSSARY) as TermId[]) {
    const term: Term = GLOSSARY[id];
    for (const text of [term.label, ...term.variants]) {
      const key = matchKey(text);
      if (!map.has(key)) map.set(key, id);
    }
  }
  return map;
})();

/** The term a printed text names (label or variant, full-width, traditional and spaced forms included). */
export function findTerm(text: string): TermId | null {
  return TERM_BY_KEY.get(matchKey(text)) ?? null;
}

/** Every label and variant that appears under two different terms: must be empty (a test checks it). */
export function duplicateLabels(): string[] {
  const seen = new Map<string, TermId>();
  const duplicates: string[] = [];
  for (const id of Object.keys(GLOSSARY) as TermId[]) {
    const term: Term = GLOSSARY[id];
    for (const text of new Set([term.label, ...term.variants])) {
      const key = matchKey(text);
      const owner = seen.get(key);
      if (owner !== undefined && owner !== id) duplicates.push(`${text} (${owner}, ${id})`);
      seen.set(key, id);
    }
  }
  return duplicates;
}

/** docs/glossary.md, generated. */
export function glossaryMarkdown(): string {
  const lines = [
    '# Glossary',
    '',
    'Generated from `packages/core/src/glossary.ts` by `npm run docs`; edit the code, not this file.',
    '',
    '| identifier | 标签 | English | variants seen | note |',
    '|---|---|---|---|---|',
  ];
  for (const id of Object.keys(GLOSSARY) as TermId[]) {
    const term: Term = GLOSSARY[id];
    lines.push(`| \`${id}\` | ${term.label} | ${term.en} | ${term.variants.join('、')} | ${term.note} |`);
  }
  return `${lines.join('\n')}\n`;
}
