/**
 * Who may do what to a follow-up (整改), as data: reading, raising one from a form, editing it (title, owner,
 * due date: reassigning) and each move of the transition table, with the statuses and roles each allows.
 * Every action is further limited to the actor's scope, the same `inScope` as forms: a reviewer their
 * region, a head or editor their own department, an administrator everything. The public may do nothing.
 */
import { inScope } from './can.js';
import type { FollowUpStatus, FollowUpTransitionAction } from './follow-up-status.js';
import { FOLLOW_UP_STATUSES, FOLLOW_UP_TRANSITION_ACTIONS, FOLLOW_UP_TRANSITIONS, OPEN_FOLLOW_UP_STATUSES } from './follow-up-status.js';
import type { Actor, Role } from './roles.js';
import { ROLES } from './roles.js';

/** Actions on follow-ups other than moves between statuses. */
export const FOLLOW_UP_PLAIN_ACTIONS = ['read', 'create', 'edit'] as const;

/** Every action on a follow-up. */
export type FollowUpAction = (typeof FOLLOW_UP_PLAIN_ACTIONS)[number] | FollowUpTransitionAction;

/** Every action, in the order the UI lists them. */
export const FOLLOW_UP_ACTIONS: readonly FollowUpAction[] = [...FOLLOW_UP_PLAIN_ACTIONS, ...FOLLOW_UP_TRANSITION_ACTIONS];

/** The statuses and roles an action is allowed in (within the actor's scope). */
export interface FollowUpPermission {
  statuses: readonly FollowUpStatus[];
  roles: readonly Role[];
}

const FINANCE: readonly Role[] = ['reviewer', 'administrator'];

/** The permission table; `create` is judged on the form's department before any follow-up exists (status 'open'). */
export const FOLLOW_UP_PERMISSIONS: Readonly<Record<FollowUpAction, FollowUpPermission>> = {
  read: { statuses: FOLLOW_UP_STATUSES, roles: ROLES },
  create: { statuses: ['open'], roles: FINANCE },
  // A closed follow-up is kept as it was closed: reopen it first to change it.
  edit: { statuses: OPEN_FOLLOW_UP_STATUSES, roles: FINANCE },
  ...(Object.fromEntries(FOLLOW_UP_TRANSITIONS.map((t) => [t.action, { statuses: t.from, roles: t.roles }])) as Record<FollowUpTransitionAction, FollowUpPermission>),
};

/** What the rules need to know about a follow-up: its status and whose it is. */
export interface FollowUpSubject {
  status: FollowUpStatus;
  departmentId: string;
  regionId: string;
}

/** Whether `actor` may take `action` on a follow-up (the public: never). */
export function canFollowUp(actor: Actor | null, action: FollowUpAction, subject: FollowUpSubject): boolean {
  if (actor === null) return false;
  const permission = FOLLOW_UP_PERMISSIONS[action];
  return inScope(actor, subject) && permission.roles.includes(actor.role) && permission.statuses.includes(subject.status);
}

/** Every action the actor may take on the follow-up: what the UI may offer. */
export function followUpAbilities(actor: Actor | null, subject: FollowUpSubject): FollowUpAction[] {
  return FOLLOW_UP_ACTIONS.filter((action) => canFollowUp(actor, action, subject));
}

/**
 * Whether a person may own (be responsible for) a follow-up of a department: its head or editor, or a
 * reviewer of its region. Administrators own none: they work for no department or region.
 */
export function mayOwnFollowUp(person: Pick<Actor, 'role' | 'regionId' | 'departmentId'>, subject: Pick<FollowUpSubject, 'departmentId' | 'regionId'>): boolean {
  return person.role !== 'administrator' && inScope({ ...person, userId: '' }, subject);
}
