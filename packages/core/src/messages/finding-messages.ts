/**
 * Messages of check findings; each key is a rule id (stable: tools and people filter on them).
 * Params arrive already formatted as text (numbers through `formatPlain`).
 */
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

export const FINDING_MESSAGES = {
  'score-above-weight': {
    zh: (x) => `${p(x, 'name')}：得分 ${p(x, 'score')} 超过分值 ${p(x, 'weight')}。`,
    en: (x) => `${p(x, 'name')}: scored ${p(x, 'score')} of ${p(x, 'weight')}, above its weight.`,
  },
  'score-negative': {
    zh: (x) => `${p(x, 'name')}：得分 ${p(x, 'score')} 为负数（只有加减分项可以扣分）。`,
    en: (x) => `${p(x, 'name')}: score ${p(x, 'score')} is negative (only adjustments may deduct).`,
  },
  'score-missing': {
    zh: (x) => `${p(x, 'name')}：未填写得分（分值 ${p(x, 'weight')}）。`,
    en: (x) => `${p(x, 'name')}: no score entered (weight ${p(x, 'weight')}).`,
  },
  'weight-missing': {
    zh: (x) => `${p(x, 'name')}：未填写分值。`,
    en: (x) => `${p(x, 'name')}: no weight given.`,
  },
  'adjustment-out-of-range': {
    zh: (x) => `加减分合计 ${p(x, 'score')} 超出 ±${p(x, 'cap')} 分的上限。`,
    en: (x) => `Adjustments add up to ${p(x, 'score')}, beyond the ±${p(x, 'cap')} cap.`,
  },
  'children-weights-sum': {
    zh: (x) => `${p(x, 'name')}：下级指标分值合计 ${p(x, 'sum')}，与本级分值 ${p(x, 'weight')} 不符。`,
    en: (x) => `${p(x, 'name')}: the weights below add up to ${p(x, 'sum')}, not its weight ${p(x, 'weight')}.`,
  },
  'level1-weights-sum': {
    zh: (x) => `一级指标分值合计 ${p(x, 'sum')}，应为 100。`,
    en: (x) => `The level-1 weights add up to ${p(x, 'sum')}, not 100.`,
  },
  'total-mismatch': {
    zh: (x) => `表上总分 ${p(x, 'printed')} 与各项得分合计 ${p(x, 'computed')} 不符。`,
    en: (x) => `The printed total ${p(x, 'printed')} differs from the sum of the scores, ${p(x, 'computed')}.`,
  },
  'total-missing': {
    zh: (x) => `表上未填写总分；各项得分合计为 ${p(x, 'computed')}。`,
    en: (x) => `No total is printed; the scores add up to ${p(x, 'computed')}.`,
  },
  'grade-mismatch': {
    zh: (x) => `表上等级“${p(x, 'printed')}”与总分 ${p(x, 'total')} 对应的等级“${p(x, 'computed')}”不符。`,
    en: (x) => `The printed grade “${p(x, 'printed')}” disagrees with the total ${p(x, 'total')}, which is “${p(x, 'computed')}”.`,
  },
  'breakdowns-disagree': {
    zh: (x) => `${p(x, 'row')}：三种口径合计不一致（${p(x, 'sums')}），相差 ${p(x, 'difference')} 万元。`,
    en: (x) => `${p(x, 'row')}: the three breakdowns add up differently (${p(x, 'sums')}), ${p(x, 'difference')} (10,000 yuan) apart.`,
  },
  'printed-rate-mismatch': {
    zh: (x) => `${p(x, 'column')}：表上完成率 ${p(x, 'printed')}% 与执行数/预算数 ${p(x, 'computed')}% 不符。`,
    en: (x) => `${p(x, 'column')}: the printed rate ${p(x, 'printed')}% differs from executed / budgeted, ${p(x, 'computed')}%.`,
  },
  'executed-above-budgeted': {
    zh: (x) => `${p(x, 'column')}：执行数 ${p(x, 'executed')} 超过预算数 ${p(x, 'budgeted')}。`,
    en: (x) => `${p(x, 'column')}: executed ${p(x, 'executed')} is above budgeted ${p(x, 'budgeted')}.`,
  },
  'expenditure-blank': {
    zh: (x) => `${p(x, 'row')}/${p(x, 'column')}：未填写金额。`,
    en: (x) => `${p(x, 'row')}/${p(x, 'column')}: no amount given.`,
  },
  'rate-score-mismatch': {
    zh: (x) => `${p(x, 'name')}：按评分方法（${p(x, 'method')}，比率 ${p(x, 'rate')}%）应得 ${p(x, 'expected')} 分，填报 ${p(x, 'score')} 分。`,
    en: (x) => `${p(x, 'name')}: its method (${p(x, 'method')}, rate ${p(x, 'rate')}%) gives ${p(x, 'expected')}, but ${p(x, 'score')} was entered.`,
  },
  'missed-target-full-marks': {
    zh: (x) => `${p(x, 'name')}：目标“${p(x, 'target')}”未完成（实际“${p(x, 'actual')}”，完成 ${p(x, 'achieved')}%），却得满分 ${p(x, 'score')}；按比例应得 ${p(x, 'expected')} 分。`,
    en: (x) => `${p(x, 'name')}: the target “${p(x, 'target')}” was missed (actual “${p(x, 'actual')}”, ${p(x, 'achieved')}% achieved) yet scored full marks ${p(x, 'score')}; proportionally ${p(x, 'expected')}.`,
  },
  'met-target-marked-down': {
    zh: (x) => `${p(x, 'name')}：目标“${p(x, 'target')}”已完成，但只得 ${p(x, 'score')} 分（满分 ${p(x, 'weight')}）。`,
    en: (x) => `${p(x, 'name')}: the target “${p(x, 'target')}” was met but scored ${p(x, 'score')} of ${p(x, 'weight')}.`,
  },
  'deduction-without-basis': {
    zh: (x) => `${p(x, 'name')}：扣了 ${p(x, 'lost')} 分，但未填写评分依据、未达标原因和改进措施。`,
    en: (x) => `${p(x, 'name')}: ${p(x, 'lost')} points lost with no basis, reason or remedy given.`,
  },
  'shortfall-reasons-missing': {
    zh: (x) => `未能完成原因为空，但${p(x, 'why')}。`,
    en: (x) => `The reasons for shortfalls are empty although ${p(x, 'whyEn')}.`,
  },
  'high-marks-low-spending': {
    zh: (x) => `得分率 ${p(x, 'scoreRate')}% 比预算执行率 ${p(x, 'spendRate')}% 高出 ${p(x, 'gap')} 个百分点（“高分低执行”）。`,
    en: (x) => `The score rate ${p(x, 'scoreRate')}% is ${p(x, 'gap')} points above the spending rate ${p(x, 'spendRate')}% (high marks, low spending).`,
  },
  'target-not-understood': {
    zh: (x) => `${p(x, 'name')}：无法自动判断目标“${p(x, 'target')}”与实际“${p(x, 'actual')}”（${p(x, 'reason')}），需人工判断。`,
    en: (x) => `${p(x, 'name')}: the target “${p(x, 'target')}” and actual “${p(x, 'actual')}” could not be compared automatically (${p(x, 'reasonEn')}); a person must judge.`,
  },
  'target-unit-mismatch': {
    zh: (x) => `${p(x, 'name')}：目标单位“${p(x, 'targetUnit')}”与实际单位“${p(x, 'actualUnit')}”不同，无法比较。`,
    en: (x) => `${p(x, 'name')}: the target is in “${p(x, 'targetUnit')}” but the actual in “${p(x, 'actualUnit')}”; they cannot be compared.`,
  },
  'not-applicable-scored': {
    zh: (x) => `${p(x, 'name')}：已标为不适用，却填了得分 ${p(x, 'score')}（不计入总分）。`,
    en: (x) => `${p(x, 'name')}: marked not applicable yet scored ${p(x, 'score')} (not counted).`,
  },
} as const satisfies Record<string, MessageTemplate>;

export type FindingCode = keyof typeof FINDING_MESSAGES;
