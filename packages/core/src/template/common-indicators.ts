/**
 * The common management indicators (管理效能) the finance bureau sets, with the scoring method each
 * usually follows. Imported forms get their methods from here by name; a year's template (stored by
 * the server) can override them.
 *
 * Why these methods: the seed's 预算完成率 is 2 × 98.27% (overall executed / budgeted) = 1.97 and its
 * 一般公共预算支出年度平均执行率 is 2 × 98.27% (财政拨款 executed / budgeted) = 1.97, i.e. proportional
 * scoring; 政府采购执行率 is proportional to a rate not printed on the form, so it is entered.
 */
import type { IndicatorCategory } from '../form/indicator.js';
import type { ScoringMethod } from '../form/scoring-method.js';
import { matchKey } from '../text/normalize.js';

/** Management indicators whose score follows from a rate, by name. */
const RATE_INDICATORS: readonly { name: string; method: ScoringMethod }[] = [
  { name: '预算完成率', method: { kind: 'proportional', rate: { from: 'expenditure', column: 'total' } } },
  { name: '一般公共预算支出年度平均执行率', method: { kind: 'proportional', rate: { from: 'expenditure', column: 'fiscalAppropriation' } } },
  { name: '政府采购执行率', method: { kind: 'proportional', rate: { from: 'entered', percent: null } } },
];

const RATE_METHOD_BY_KEY: ReadonlyMap<string, ScoringMethod> = new Map(RATE_INDICATORS.map((r) => [matchKey(r.name), r.method]));

/**
 * The scoring method an indicator gets when the form does not say: duty indicators compare target and
 * actual, adjustments count praise and faults, known rate indicators are proportional, the rest manual.
 */
export function defaultScoringMethod(name: string, category: IndicatorCategory): ScoringMethod {
  if (category === 'duty') return { kind: 'target', judgedBand: null };
  if (category === 'adjustment') return { kind: 'adjustment', praises: null, faults: null };
  const known = RATE_METHOD_BY_KEY.get(matchKey(name));
  return known ? structuredClone(known) : { kind: 'manual' };
}

/** The category of a level-1 indicator from its printed name (管理效能 → management …). */
export function categoryOfLevel1(name: string): IndicatorCategory {
  const key = matchKey(name);
  if (key.includes('管理效')) return 'management';
  if (key.includes('履职')) return 'duty';
  if (key.includes('加减分') || key.includes('加分') || key.includes('减分')) return 'adjustment';
  return 'other';
}
