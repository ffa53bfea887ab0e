/**
 * `can(actor, action, form)`: the one answer to "may this person do this to this form?", used by the
 * server to enforce and by the UI (through the abilities the server returns) to show or hide buttons.
 */
import type { FormState } from './form-state.js';
import type { Action } from './permissions.js';
import { ACTIONS, PERMISSIONS } from './permissions.js';
import type { Actor } from './roles.js';
import { ROLE_SCOPE } from './roles.js';

/** What `can()` needs to know about a form: its state and whose it is. */
export interface FormSubject {
  state: FormState;
  departmentId: string;
  regionId: string;
}

/** Whether the form lies within the actor's scope (their department, their region, or everything). */
export function inScope(actor: Actor, form: Pick<FormSubject, 'departmentId' | 'regionId'>): boolean {
  switch (ROLE_SCOPE[actor.role]) {
    case 'all':
      return true;
    case 'region':
      return actor.regionId !== null && actor.regionId === form.regionId;
    case 'department':
      return actor.departmentId !== null && actor.departmentId === form.departmentId;
  }
}

/**
 * Whether `actor` may take `action` on `form`. A null actor is the public: it may read published forms
 * and nothing else.
 */
export function can(actor: Actor | null, action: Action, form: FormSubject): boolean {
  if (actor === null) return action === 'read' && form.state === 'published';
  const permission = PERMISSIONS[action];
  return inScope(actor, form) && permission.roles.includes(actor.role) && permission.states.includes(form.state);
}

/** Every action the actor may take on the form: what the UI may offer. */
export function abilities(actor: Actor | null, form: FormSubject): Action[] {
  return ACTIONS.filter((action) => can(actor, action, form));
}

/** Whether the actor may issue a year's task (and manage templates) for a region. */
export function canIssueTasks(actor: Actor | null, regionId: string): boolean {
  if (actor === null) return false;
  return actor.role === 'administrator' || (actor.role === 'reviewer' && actor.regionId === regionId);
}

/** Whether the actor may create accounts and organisations. */
export function canAdminister(actor: Actor | null): boolean {
  return actor !== null && actor.role === 'administrator';
}
