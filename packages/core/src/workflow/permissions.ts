/**
 * Who may do what to a form, as data: the actions that are not transitions (reading, editing the
 * content, reviewing, attaching evidence) with the states and roles each allows. Transitions come from
 * the transition table, so the two never disagree.
 */
import type { FormState } from './form-state.js';
import { EDITABLE_STATES, FORM_STATES } from './form-state.js';
import type { Role } from './roles.js';
import { ROLES } from './roles.js';
import type { TransitionAction } from './transitions.js';
import { TRANSITION_ACTIONS, TRANSITIONS } from './transitions.js';

/** Actions on a form other than transitions. */
export const FORM_ACTIONS = ['read', 'edit', 'review', 'attach'] as const;

/** Every action `can()` answers for a form. */
export type Action = (typeof FORM_ACTIONS)[number] | TransitionAction;

/** Every action, in the order the UI lists them. */
export const ACTIONS: readonly Action[] = [...FORM_ACTIONS, ...TRANSITION_ACTIONS];

/** The states and roles an action is allowed in (within the actor's scope). */
export interface Permission {
  states: readonly FormState[];
  roles: readonly Role[];
}

const DEPARTMENT_WRITERS: readonly Role[] = ['editor', 'head', 'administrator'];

/** The permission table. */
export const PERMISSIONS: Readonly<Record<Action, Permission>> = {
  read: { states: FORM_STATES, roles: ROLES },
  edit: { states: EDITABLE_STATES, roles: DEPARTMENT_WRITERS },
  attach: { states: EDITABLE_STATES, roles: DEPARTMENT_WRITERS },
  // Reviewers score and comment indicator by indicator while the form is with them.
  review: { states: ['submitted'], roles: ['reviewer', 'administrator'] },
  ...(Object.fromEntries(TRANSITIONS.map((t) => [t.action, { states: t.from, roles: t.roles }])) as Record<TransitionAction, Permission>),
};
