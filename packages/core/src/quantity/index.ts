/** Quantities in Chinese targets and actuals (年度指标值 / 实际完成指标值): reading them and comparing them. */
export * from './measure.js';
export * from './parse-measure.js';
export * from './assess-target.js';
export * from './describe-quantity.js';
