import { EXPENDITURE_COLUMNS } from '../../form/expenditure.js';
import { termLabel } from '../../glossary.js';
import type { Exact } from '../../money/exact.js';
import { add, compare, exact, formatFixed, formatPlain, RATE_PERCENT_DECIMALS, ZERO } from '../../money/exact.js';
import { asPercent, executionRate } from '../../money/rate.js';
import { expenditureLabel } from '../paths.js';
import { pointsLost } from '../points-lost.js';
import { LOW_RATE_PERCENT } from '../thresholds.js';
import type { Rule } from '../rule.js';

/** 未能完成原因 must say something when points were lost or some spending is low. */
export const shortfallReasonsMissing: Rule = {
  id: 'shortfall-reasons-missing',
  severity: 'warning',
  summary: 'The reasons for shortfalls are empty although points were lost or a rate is low.',
  check({ form, score }, report) {
    if (form.narratives.shortfallReasons.trim() !== '') return;
    let lost: Exact = ZERO;
    for (const scored of score.leaves) {
      const gap = pointsLost(scored);
      if (gap !== null) lost = add(lost, gap);
    }
    const lowRates: { zh: string; en: string }[] = [];
    for (const column of EXPENDITURE_COLUMNS) {
      const rate = executionRate(form.expenditure.executed[column], form.expenditure.budgeted[column]);
      if (rate === null) continue;
      const percent = asPercent(rate);
      if (compare(percent, exact(LOW_RATE_PERCENT)) >= 0) continue;
      const printed = formatFixed(percent, RATE_PERCENT_DECIMALS);
      lowRates.push({ zh: `${expenditureLabel(column)}执行率仅 ${printed}%`, en: `${termLabel(column, 'en')} executed only ${printed}%` });
    }
    const lostPoints = compare(lost, ZERO) > 0;
    if (!lostPoints && lowRates.length === 0) return;
    const zh = [lostPoints ? `共扣 ${formatPlain(lost)} 分` : '', ...lowRates.map((r) => r.zh)].filter(Boolean).join('，');
    const en = [lostPoints ? `${formatPlain(lost)} points were lost` : '', ...lowRates.map((r) => r.en)].filter(Boolean).join(', ');
    report(termLabel('shortfallReasons'), { why: zh, whyEn: en });
  },
};
