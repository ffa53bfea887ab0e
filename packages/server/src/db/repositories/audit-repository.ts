/** The append-only audit log: rows are inserted, never updated or deleted. */
import type { DocumentChange } from '@jixiao/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One audited event on a form. */
export interface AuditEntry {
  seq: number;
  version: number;
  at: string;
  userId: string;
  action: string;
  comment: string;
  changes: DocumentChange[];
}

/**
 * The next sequence number of a form's log. Incrementing a counter on the form row locks that row until
 * the transaction ends, so concurrent events on one form are numbered without gaps or ties.
 */
export async function nextAuditSeq(db: Kysely<Database>, formId: string): Promise<number> {
  const row = await db
    .updateTable('forms')
    .set((eb) => ({ audit_seq: eb('audit_seq', '+', 1) }))
    .where('id', '=', formId)
    .returning('audit_seq')
    .executeTakeFirstOrThrow();
  return row.audit_seq;
}

/** An entry as its row. */
function auditRow(id: string, formId: string, entry: AuditEntry) {
  return { id, form_id: formId, seq: entry.seq, version: entry.version, at: entry.at, user_id: entry.userId, action: entry.action, comment: entry.comment, changes: JSON.stringify(entry.changes) };
}

/** Appends an entry. */
export async function appendAudit(db: Kysely<Database>, id: string, formId: string, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(id, formId, entry)).execute();
}

/** A form's log, oldest first. */
export async function listAudit(db: Kysely<Database>, formId: string): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('form_id', '=', formId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    version: r.version,
    at: r.at,
    userId: r.user_id,
    action: r.action,
    comment: r.comment,
    changes: JSON.parse(r.changes) as DocumentChange[],
  }));
}

/**
 * The first entry of many new forms' logs at once (the generator's batches): seq 1 each, and each form's
 * counter set to 1 so that its next event is numbered 2, as `nextAuditSeq` would have.
 */
export async function appendFirstAudits(db: Kysely<Database>, entries: readonly { id: string; formId: string; entry: Omit<AuditEntry, 'seq'> }[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map(({ id, formId, entry }) => auditRow(id, formId, { ...entry, seq: 1 })),
    )
    .execute();
  await db.updateTable('forms').set({ audit_seq: 1 }).where('id', 'in', entries.map((e) => e.formId)).where('audit_seq', '=', 0).execute();
}
