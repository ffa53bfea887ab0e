/**
 * 待办 (the work queue): which forms need the signed-in person's action, from the forms they may see
 * and their role. Department people fill in drafts and fix returned forms (the head submits); the
 * finance reviewer reviews submissions and publishes approved forms.
 */
import type { FormState, Grade, Role } from '@jixiao/core';

/** A form in a list, as the API summarises it. */
export interface FormListItem {
  id: string;
  departmentId: string;
  departmentName: string;
  year: number;
  state: FormState;
  version: number;
  unitName: string;
  total: number;
  grade: Grade;
  errors: number;
  warnings: number;
  updatedAt: string;
  /** The deadline (YYYY-MM-DD) of the year's task the form belongs to; null when it has none. */
  deadline: string | null;
}

/** Why a form is in someone's queue. */
export type QueueReason = 'fillIn' | 'fixReturned' | 'submit' | 'review' | 'publish';

/** A form that needs the person's action, with the deadline of its task (null when it has none). */
export interface QueueItem {
  form: FormListItem;
  reason: QueueReason;
  deadline: string | null;
}

const REASONS: Readonly<Record<Role, Partial<Record<FormState, QueueReason>>>> = {
  editor: { draft: 'fillIn', returned: 'fixReturned' },
  head: { draft: 'submit', returned: 'fixReturned' },
  reviewer: { submitted: 'review', approved: 'publish' },
  administrator: { submitted: 'review', approved: 'publish' },
};

/** Urgency: returned forms first, then by deadline (soonest first), then by year (latest first). */
export function workQueue(role: Role, forms: readonly FormListItem[]): QueueItem[] {
  const order: readonly QueueReason[] = ['fixReturned', 'review', 'submit', 'fillIn', 'publish'];
  const items: QueueItem[] = [];
  for (const form of forms) {
    const reason = REASONS[role][form.state];
    if (reason) items.push({ form, reason, deadline: form.deadline });
  }
  return items.sort(
    (a, b) =>
      order.indexOf(a.reason) - order.indexOf(b.reason) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      b.form.year - a.form.year ||
      a.form.departmentName.localeCompare(b.form.departmentName),
  );
}

/** Days from `today` (YYYY-MM-DD) to a deadline; negative when overdue. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
