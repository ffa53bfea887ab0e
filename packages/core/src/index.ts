/** @jixiao/core — the pure domain: no I/O, runs in Node and in the browser. */
export * from './form/expenditure.js';
export * from './form/scoring-method.js';
export * from './form/indicator.js';
export * from './form/grade.js';
export * from './form/form-document.js';
export * from './form/walk.js';
export * from './money/exact.js';
export * from './money/rate.js';
export * from './text/normalize.js';
export * from './glossary.js';
export * from './problem.js';
export * from './template/common-indicators.js';
export * from './messages/message-template.js';
export * from './messages/import-messages.js';
export * from './messages/finding-messages.js';
export * from './messages/render.js';
