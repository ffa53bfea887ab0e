/**
 * The workflow as data: each transition with the states it leaves from, the state it reaches and the
 * roles that may take it. The server enforces this table; the UI shows the buttons it allows.
 */
import type { FormState } from './form-state.js';
import type { Role } from './roles.js';

/** The actions that move a form between states. */
export const TRANSITION_ACTIONS = ['submit', 'return', 'approve', 'publish'] as const;

/** One of the actions that move a form between states. */
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** A row of the transition table. */
export interface Transition {
  action: TransitionAction;
  from: readonly FormState[];
  to: FormState;
  roles: readonly Role[];
  /** Whether a comment must accompany the transition (returning a form must say why). */
  commentRequired: boolean;
}

/** The transition table. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ['head', 'administrator'], commentRequired: false },
  { action: 'return', from: ['submitted'], to: 'returned', roles: ['reviewer', 'administrator'], commentRequired: true },
  { action: 'approve', from: ['submitted'], to: 'approved', roles: ['reviewer', 'administrator'], commentRequired: false },
  { action: 'publish', from: ['approved'], to: 'published', roles: ['reviewer', 'administrator'], commentRequired: false },
];

/** The row of an action. */
export function transitionOf(action: TransitionAction): Transition {
  const row = TRANSITIONS.find((t) => t.action === action);
  if (!row) throw new Error(`no transition ${action}`);
  return row;
}
