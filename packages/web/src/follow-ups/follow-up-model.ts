/**
 * The follow-up screens' pure logic (no DOM, unit-tested): the title a new follow-up starts with, its
 * default due date, who may raise one from a form, and the moves a follow-up offers its reader.
 */
import type { FollowUpAction, FollowUpStatus, FollowUpTransition, Role } from '@jixiao/core';
import { canFollowUp, FOLLOW_UP_TRANSITIONS } from '@jixiao/core';

/** The longest title the server accepts. */
export const FOLLOW_UP_TITLE_MAX = 200;

/**
 * The title a follow-up raised from a finding or a comment starts with: the text on one line, without its
 * closing full stop, cut (with …) to what the server accepts. The reviewer usually rewrites it as an action.
 */
export function prefilledTitle(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim().replace(/[。.]$/u, '');
  return line.length <= FOLLOW_UP_TITLE_MAX ? line : `${line.slice(0, FOLLOW_UP_TITLE_MAX - 1)}…`;
}

/** `days` after a day (YYYY-MM-DD), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in China (YYYY-MM-DD), the calendar due dates are days of. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether the signed-in person may raise a follow-up from a form they are reading. The form answer carries
 * no region, but a reviewer reads only forms of their own region, so their region is the form's; the rule
 * itself is core's `canFollowUp`, the one the server enforces.
 */
export function mayRaiseFollowUp(user: { role: Role; regionId: string | null; departmentId: string | null; id: string } | null, form: { departmentId: string }): boolean {
  if (user === null) return false;
  const actor = { userId: user.id, role: user.role, regionId: user.regionId, departmentId: user.departmentId };
  return canFollowUp(actor, 'create', { status: 'open', departmentId: form.departmentId, regionId: user.regionId ?? '' });
}

/** The moves between statuses a follow-up offers, from the abilities the server computed for its reader. */
export function followUpMoves(followUp: { status: FollowUpStatus; abilities: readonly FollowUpAction[] }): FollowUpTransition[] {
  return FOLLOW_UP_TRANSITIONS.filter((t) => t.from.includes(followUp.status) && followUp.abilities.includes(t.action));
}

/** The antd Tag colour of a status. */
export function followUpStatusColor(status: FollowUpStatus): string {
  return { open: 'gold', inProgress: 'processing', done: 'success', dropped: 'default' }[status];
}
