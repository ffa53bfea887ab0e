/**
 * Files: reading an uploaded form (preview first, nothing saved until confirmed), exporting a form in any
 * format io writes, and evidence attachments per indicator (size and type limits, content checked by its
 * magic bytes, names sanitised).
 */
import type { Actor, CheckResult, FormDocument, Lang, Problem } from '@jixiao/core';
import { can, hasErrors, leavesOf } from '@jixiao/core';
import { findDepartments } from '../db/repositories/organisations-repository.js';
import type { AttachmentInfo } from '../db/repositories/files-repository.js';
import { findAttachment, insertAttachment, insertPendingUpload, listAttachments, peekPendingUpload, takePendingUpload } from '../db/repositories/files-repository.js';
import { findFormIdOf } from '../db/repositories/forms-repository.js';
import { readFormInWorker, writeFormInWorker } from './format-workers/format-pool.js';
import { nulPath } from './nul-text.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { ATTACHMENT_TYPES, contentMatches } from './file-signatures.js';
import { formContent } from './form-content.js';
import type { FormView } from './form-service.js';
import { getForm, readableForm, saveForm } from './form-service.js';
import { createFormRow } from './task-service.js';

/** Form files accepted for upload. */
export const FORM_UPLOAD_EXTENSIONS = ['.txt', '.json', '.xlsx', '.pdf'] as const;
/** Largest attachment stored (bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** How long a preview waits for its confirmation. */
const PREVIEW_TTL_MS = 60 * 60 * 1000;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control,
 * bidirectional or reserved characters, no leading dots, at most 120 characters (Chinese kept).
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  // Bidirectional controls are dropped too: 「证明\u202Efdp.txt」 would display as 「证明txt.pdf」.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*;]/gu, '_').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').replace(/^\.+/u, '').trim();
  const extension = extensionOf(cleaned);
  const stem = cleaned.slice(0, cleaned.length - extension.length).slice(0, 120 - extension.length);
  return stem === '' ? `file${extension}` : `${stem}${extension}`;
}

/** What a preview returns: the findings before anything is saved. */
export interface UploadPreview {
  uploadId: string;
  fileName: string;
  unitName: string;
  year: number | null;
  check: CheckResult;
  problems: Problem[];
}

/** Reads an uploaded form and keeps it for confirmation; unreadable files are refused with their problems. */
export async function previewUpload(ctx: ServiceContext, actor: Actor, fileName: string, bytes: Uint8Array): Promise<UploadPreview> {
  const safeName = sanitizeFileName(fileName);
  const extension = extensionOf(safeName);
  if (!(FORM_UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) throw new ApiError('api.fileType', { extension, supported: FORM_UPLOAD_EXTENSIONS.join(' ') });
  const { value, problems } = await readFormInWorker({ fileName: safeName, bytes });
  if (value === null || hasErrors(problems)) throw new ApiError('api.unreadableUpload', {}, {}, problems);
  // Text read from a file has not been through the request's NUL check (PostgreSQL cannot store NUL).
  const nul = nulPath(value, safeName);
  if (nul !== null) throw new ApiError('api.nulCharacter', { where: nul });
  const { content, check } = formContent(value);
  const now = ctx.clock();
  const uploadId = ctx.newId();
  await insertPendingUpload(ctx.db, { id: uploadId, userId: actor.userId, fileName: safeName, documentJson: content.documentJson, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString() });
  return { uploadId, fileName: safeName, unitName: value.unit.name, year: value.unit.year, check, problems };
}

/** Replaces a draft's content with a previewed upload (optimistic concurrency as any save). */
export async function confirmUploadInto(ctx: ServiceContext, actor: Actor, formId: string, expectedVersion: number, uploadId: string): Promise<FormView> {
  await readableForm(ctx, actor, formId);
  const upload = await takePendingUpload(ctx.db, uploadId, actor.userId, nowIso(ctx));
  if (!upload) throw new ApiError('api.uploadExpired');
  return saveForm(ctx, actor, formId, expectedVersion, JSON.parse(upload.documentJson) as FormDocument, 'upload');
}

/** Creates a department's draft for the upload's year from a previewed upload. */
export async function createFromUpload(ctx: ServiceContext, actor: Actor, departmentId: string, uploadId: string): Promise<FormView> {
  const [department] = await findDepartments(ctx.db, [departmentId]);
  const subject = department ? { state: 'draft' as const, departmentId, regionId: department.regionId } : null;
  if (!department || !subject || !can(actor, 'read', subject)) throw new ApiError('api.notFound');
  if (!can(actor, 'edit', subject)) throw new ApiError('api.forbidden');
  const upload = await peekPendingUpload(ctx.db, uploadId, actor.userId, nowIso(ctx));
  if (!upload) throw new ApiError('api.uploadExpired');
  const document = JSON.parse(upload.documentJson) as FormDocument;
  const year = document.unit.year;
  if (year === null) throw new ApiError('api.formInvalid', { detail: 'year' });
  if ((await findFormIdOf(ctx.db, departmentId, year)) !== null) throw new ApiError('api.conflict', { detail: `${department.name} ${year}` });
  const formId = await ctx.db.transaction().execute(async (trx) => {
    await takePendingUpload(trx, uploadId, actor.userId, nowIso(ctx));
    return createFormRow(ctx, trx, actor.userId, { departmentId, regionId: department.regionId, year, taskId: null, document, action: 'upload' });
  });
  return getForm(ctx, actor, formId);
}

/** The form as a file in `format` (json, xlsx, pdf … whatever io writes). */
export async function exportForm(ctx: ServiceContext, actor: Actor | null, formId: string, format: string, lang: Lang): Promise<{ bytes: Uint8Array; fileName: string }> {
  const form = await readableForm(ctx, actor, formId);
  const fileName = sanitizeFileName(`${form.departmentName}-${form.year}.${format}`);
  const written = await writeFormInWorker(JSON.parse(form.documentJson) as FormDocument, `.${format}`, { lang }, fileName);
  if (!written.ok) throw new ApiError('api.exportFailed', { format, detail: written.problem.code }, {}, [written.problem]);
  return { bytes: written.bytes, fileName };
}

/** Stores an evidence file for one indicator of a draft. */
export async function addAttachment(ctx: ServiceContext, actor: Actor, formId: string, indicatorId: string, fileName: string, bytes: Uint8Array): Promise<AttachmentInfo> {
  const form = await readableForm(ctx, actor, formId);
  if (!can(actor, 'attach', form)) throw new ApiError(can(actor, 'attach', { ...form, state: 'draft' }) ? 'api.locked' : 'api.forbidden', { state: form.state });
  if (!leavesOf(JSON.parse(form.documentJson) as FormDocument).some((l) => l.leaf.id === indicatorId)) throw new ApiError('api.unknownIndicator', { indicatorId });
  const safeName = sanitizeFileName(fileName);
  const extension = extensionOf(safeName);
  const type = ATTACHMENT_TYPES[extension];
  if (type === undefined) throw new ApiError('api.fileType', { extension, supported: Object.keys(ATTACHMENT_TYPES).join(' ') });
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new ApiError('api.fileTooLarge', { limitMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  if (!contentMatches(type, bytes)) throw new ApiError('api.fileContent', { fileName: safeName, extension, kind: type.kind });
  const info: AttachmentInfo = { id: ctx.newId(), formId, indicatorId, fileName: safeName, contentType: type.contentType, size: bytes.byteLength, uploadedBy: actor.userId, createdAt: nowIso(ctx) };
  await insertAttachment(ctx.db, { ...info, content: bytes });
  return info;
}

/** A form's attachments (whoever may read the form may list them). */
export async function formAttachments(ctx: ServiceContext, actor: Actor | null, formId: string): Promise<AttachmentInfo[]> {
  await readableForm(ctx, actor, formId);
  return listAttachments(ctx.db, formId);
}

/** One attachment's bytes. */
export async function attachmentFile(ctx: ServiceContext, actor: Actor | null, formId: string, id: string): Promise<AttachmentInfo & { content: Uint8Array }> {
  await readableForm(ctx, actor, formId);
  const found = await findAttachment(ctx.db, formId, id);
  if (!found) throw new ApiError('api.notFound');
  return found;
}
