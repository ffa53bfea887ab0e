/** 流程与权限 (workflow and permissions): states, the transition table, roles and `can()`. */
export * from './form-state.js';
export * from './roles.js';
export * from './transitions.js';
export * from './permissions.js';
export * from './can.js';
export * from './organisation-permissions.js';
export * from './analysis-permissions.js';
export * from './follow-up-status.js';
export * from './follow-up-permissions.js';
export * from './document-changes.js';
