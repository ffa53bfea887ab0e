/** Evidence attachments and uploads waiting for confirmation, both kept in the database (servers share nothing else). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An attachment without its bytes. */
export interface AttachmentInfo {
  id: string;
  formId: string;
  indicatorId: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** Stores an attachment. */
export async function insertAttachment(db: Kysely<Database>, a: AttachmentInfo & { content: Uint8Array }): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      form_id: a.formId,
      indicator_id: a.indicatorId,
      file_name: a.fileName,
      content_type: a.contentType,
      size: a.size,
      content: a.content,
      uploaded_by: a.uploadedBy,
      created_at: a.createdAt,
    })
    .execute();
}

/** A form's attachments, without bytes. */
export async function listAttachments(db: Kysely<Database>, formId: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'form_id', 'indicator_id', 'file_name', 'content_type', 'size', 'uploaded_by', 'created_at'])
    .where('form_id', '=', formId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, formId: r.form_id, indicatorId: r.indicator_id, fileName: r.file_name, contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at }));
}

/** One attachment with its bytes. */
export async function findAttachment(db: Kysely<Database>, formId: string, id: string): Promise<(AttachmentInfo & { content: Uint8Array }) | null> {
  const r = await db.selectFrom('attachments').selectAll().where('form_id', '=', formId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return { id: r.id, formId: r.form_id, indicatorId: r.indicator_id, fileName: r.file_name, contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at, content: r.content };
}

/** Stores a read upload until its owner confirms it. */
export async function insertPendingUpload(db: Kysely<Database>, u: { id: string; userId: string; fileName: string; documentJson: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('pending_uploads')
    .values({ id: u.id, user_id: u.userId, file_name: u.fileName, document: u.documentJson, created_at: u.createdAt, expires_at: u.expiresAt })
    .execute();
}

/** Takes a live pending upload of a user (deleting it): each preview is confirmed at most once. */
export async function takePendingUpload(db: Kysely<Database>, id: string, userId: string, now: string): Promise<{ fileName: string; documentJson: string } | null> {
  const row = await db.selectFrom('pending_uploads').select(['file_name', 'document', 'expires_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  await db.deleteFrom('pending_uploads').where('id', '=', id).execute();
  return row.expires_at > now ? { fileName: row.file_name, documentJson: row.document } : null;
}

/** Looks at a live pending upload without taking it. */
export async function peekPendingUpload(db: Kysely<Database>, id: string, userId: string, now: string): Promise<{ fileName: string; documentJson: string } | null> {
  const row = await db.selectFrom('pending_uploads').select(['file_name', 'document', 'expires_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row && row.expires_at > now ? { fileName: row.file_name, documentJson: row.document } : null;
}
