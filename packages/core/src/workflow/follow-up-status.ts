/**
 * 整改 (follow-ups) as data: the statuses a follow-up passes through (open → in progress → done, or
 * dropped), the transitions between them with the roles that may take each, and when one is overdue.
 * The server enforces this table; the UI offers the moves it allows.
 */
import type { Lang } from '../glossary.js';
import type { Role } from './roles.js';

/** Where a follow-up stands: 待整改, 整改中, 已完成, 已撤销. */
export const FOLLOW_UP_STATUSES = ['open', 'inProgress', 'done', 'dropped'] as const;

/** A follow-up's status. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Statuses in which work is still owed (and a past due date makes the follow-up overdue). */
export const OPEN_FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'inProgress'];

/** The names of the statuses, in both languages (the messages and the UI print these). */
export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<FollowUpStatus, Record<Lang, string>>> = {
  open: { zh: '待整改', en: 'Open' },
  inProgress: { zh: '整改中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  dropped: { zh: '已撤销', en: 'Dropped' },
};

/** The name of a status in a language. */
export function followUpStatusLabel(status: FollowUpStatus, lang: Lang): string {
  return FOLLOW_UP_STATUS_LABELS[status][lang];
}

/** Whether a string is a status (for values read back from storage or a request). */
export function isFollowUpStatus(value: string): value is FollowUpStatus {
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(value);
}

/** What a follow-up was raised from: a finding of the checks, or a reviewer's comment on an indicator. */
export const FOLLOW_UP_SOURCE_KINDS = ['finding', 'review'] as const;

/** The kind of a follow-up's source. */
export type FollowUpSourceKind = (typeof FOLLOW_UP_SOURCE_KINDS)[number];

/** The moves between statuses. */
export const FOLLOW_UP_TRANSITION_ACTIONS = ['start', 'finish', 'drop', 'reopen'] as const;

/** One move between statuses. */
export type FollowUpTransitionAction = (typeof FOLLOW_UP_TRANSITION_ACTIONS)[number];

/** A row of the follow-up transition table. */
export interface FollowUpTransition {
  action: FollowUpTransitionAction;
  from: readonly FollowUpStatus[];
  to: FollowUpStatus;
  roles: readonly Role[];
  /** Whether a note must say why (what was done, why it is dropped, why it is reopened). */
  noteRequired: boolean;
}

const EVERYONE_SIGNED_IN: readonly Role[] = ['editor', 'head', 'reviewer', 'administrator'];
const FINANCE: readonly Role[] = ['reviewer', 'administrator'];

/**
 * The table. The department does the work (starts it, reports it done with what was done); the finance
 * bureau may also move it, and alone decides that a follow-up is dropped or must be reopened.
 */
export const FOLLOW_UP_TRANSITIONS: readonly FollowUpTransition[] = [
  { action: 'start', from: ['open'], to: 'inProgress', roles: EVERYONE_SIGNED_IN, noteRequired: false },
  { action: 'finish', from: ['inProgress'], to: 'done', roles: EVERYONE_SIGNED_IN, noteRequired: true },
  { action: 'drop', from: ['open', 'inProgress'], to: 'dropped', roles: FINANCE, noteRequired: true },
  { action: 'reopen', from: ['done', 'dropped'], to: 'open', roles: FINANCE, noteRequired: true },
];

/** The transition that takes a follow-up from one status to another, or null when there is none. */
export function followUpTransitionBetween(from: FollowUpStatus, to: FollowUpStatus): FollowUpTransition | null {
  return FOLLOW_UP_TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** The statuses reachable from a status (by anyone), in table order. */
export function followUpNextStatuses(from: FollowUpStatus): FollowUpStatus[] {
  return FOLLOW_UP_TRANSITIONS.filter((t) => t.from.includes(from)).map((t) => t.to);
}

/**
 * Today's date (YYYY-MM-DD) in China (UTC+8, no daylight saving) at an instant: due dates are days of the
 * finance bureau's calendar, so a follow-up due on the 31st is overdue from the 1st, Beijing time.
 */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a follow-up is overdue on `today` (YYYY-MM-DD): still owed and its due date has passed. */
export function isFollowUpOverdue(followUp: { status: FollowUpStatus; dueDate: string }, today: string): boolean {
  return OPEN_FOLLOW_UP_STATUSES.includes(followUp.status) && followUp.dueDate < today;
}
