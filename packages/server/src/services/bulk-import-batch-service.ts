/**
 * Bulk import from the web, in two steps over the bulk-import service (the same reading, matching and
 * storing as `jixiao import`): the preview reads every uploaded file (archives opened), keeps each readable
 * one as a pending upload of the caller and says how its unit name meets the region's departments; the
 * confirmation then stores the files one by one with the operator's decision for each (the matched
 * department, another one of the region, a new department, or skip), each file all or nothing.
 * Administrators import into any region, reviewers into their own (core's `bulkImport` permission); only
 * those who may create departments may confirm a new name.
 */
import type { Actor, FormDocument } from '@jixiao/core';
import { canOrganise, inScope } from '@jixiao/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertPendingUpload, peekPendingUpload, takePendingUpload } from '../db/repositories/files-repository.js';
import type { Department } from '../db/repositories/organisations-repository.js';
import { findDepartments, findRegion } from '../db/repositories/organisations-repository.js';
import { ApiError } from './api-error.js';
import type { BulkImportEntry, BulkImportFile, DepartmentIndex, ReadBulkFile } from './bulk-import-service.js';
import { bulkEntry, confirmationEntry, departmentIndex, matchDepartment, readBulkFile, refreshDepartmentIndex, storeBulkFile } from './bulk-import-service.js';
import { isZipName, readZip } from './bulk-import-zip.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { sanitizeFileName } from './file-service.js';
import { readAhead } from './format-workers/read-ahead.js';
import { formContent } from './form-content.js';

/** Bounds of one web batch: the upload and what archives may unpack to. */
export const BULK_UPLOAD_LIMITS = {
  /** Files in one request (archives count as one). */
  uploads: 50,
  /** Forms read from one request, archives unpacked; the rest are refused unread. */
  forms: 200,
  fileBytes: 20 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
  zip: { entries: 500, entryBytes: 20 * 1024 * 1024, totalBytes: 200 * 1024 * 1024, ratio: 200 },
} as const;

/** How long a batch's previews wait for confirmation. */
const PREVIEW_TTL_MS = 60 * 60 * 1000;

/** How a previewed file's unit name meets the region's departments. */
export type PreviewMatch =
  | { kind: 'matched'; department: { id: string; name: string } }
  | { kind: 'new' }
  | { kind: 'ambiguous'; candidates: { id: string; name: string }[] };

/** One file of a previewed batch: kept for confirmation (uploadId) or refused with its entry. */
export interface BulkPreviewItem {
  file: string;
  uploadId: string | null;
  unitName: string | null;
  year: number | null;
  errorCount: number;
  warningCount: number;
  match: PreviewMatch | null;
  /** Why the file was refused; null when it waits for confirmation. */
  refusal: BulkImportEntry | null;
}

/** The operator's decision on one previewed file. */
export type BulkDecision = { kind: 'match' } | { kind: 'department'; departmentId: string } | { kind: 'create' } | { kind: 'skip' };

/** The region the caller may bulk import into, or the refusal (404 outside their scope, as for any read). */
async function authorizedRegion(ctx: ServiceContext, actor: Actor, regionId: string): Promise<void> {
  if (!canOrganise(actor, 'bulkImport')) throw new ApiError('api.forbidden');
  const region = await findRegion(ctx.db, regionId);
  if (!region || !inScope(actor, { regionId, departmentId: '' })) throw new ApiError('api.notFound');
}

/** The uploaded files with archives opened: forms to read, and refusals (unsafe entries, too many files). */
export function unpackUploads(uploads: readonly BulkImportFile[]): { files: BulkImportFile[]; refusals: BulkImportEntry[] } {
  const files: BulkImportFile[] = [];
  const refusals: BulkImportEntry[] = [];
  for (const upload of uploads) {
    const name = sanitizeFileName(upload.name);
    if (!isZipName(name)) {
      files.push({ name, bytes: upload.bytes });
      continue;
    }
    const zip = readZip(name, upload.bytes, BULK_UPLOAD_LIMITS.zip);
    files.push(...zip.files);
    refusals.push(...zip.refusals);
  }
  const over = files.splice(BULK_UPLOAD_LIMITS.forms);
  for (const f of over) refusals.push(bulkEntry(f.name, 'refused', 'bulkImport.tooMany', { limit: BULK_UPLOAD_LIMITS.forms }));
  return { files, refusals };
}

const presentMatch = (d: Department): { id: string; name: string } => ({ id: d.id, name: d.name });

/** Reads a batch: every file previewed (kept for confirmation) or refused with its reason; nothing stored yet. */
export async function previewBulkImport(ctx: ServiceContext, actor: Actor, input: { regionId: string; year: number | null; uploads: readonly BulkImportFile[] }): Promise<BulkPreviewItem[]> {
  await authorizedRegion(ctx, actor, input.regionId);
  const { files, refusals } = unpackUploads(input.uploads);
  const index = await departmentIndex(ctx.db, input.regionId);
  const now = ctx.clock();
  const items: BulkPreviewItem[] = [];
  for await (const result of readAhead(files, (file) => readBulkFile(file, input.year))) {
    if (!result.ok) {
      items.push({ file: result.entry.file, uploadId: null, unitName: null, year: null, errorCount: 0, warningCount: 0, match: null, refusal: result.entry });
      continue;
    }
    const { read } = result;
    const uploadId = ctx.newId();
    await insertPendingUpload(ctx.db, { id: uploadId, userId: actor.userId, fileName: read.file, documentJson: read.content.documentJson, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString() });
    const m = matchDepartment(index, read.unitName);
    const match: PreviewMatch = m.kind === 'matched' ? { kind: 'matched', department: presentMatch(m.department) } : m.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: m.candidates.map(presentMatch) } : { kind: 'new' };
    items.push({ file: read.file, uploadId, unitName: read.unitName, year: read.year, errorCount: read.content.errorCount, warningCount: read.content.warningCount, match, refusal: null });
  }
  for (const r of refusals) items.push({ file: r.file, uploadId: null, unitName: null, year: null, errorCount: 0, warningCount: 0, match: null, refusal: r });
  return items;
}

/** A pending upload read back as the bulk-import service's read file (reading problems were shown at preview). */
function readOfPending(fileName: string, documentJson: string): ReadBulkFile {
  const document = JSON.parse(documentJson) as FormDocument;
  const { content, check } = formContent(document);
  return { file: fileName, document, unitName: document.unit.name.trim(), year: document.unit.year ?? 0, problems: [], content, check };
}

/** Stores the previewed files with the operator's decisions, one transaction per file, and reports on each. */
export async function confirmBulkImport(
  ctx: ServiceContext,
  actor: Actor,
  input: { regionId: string; items: readonly { uploadId: string; decision: BulkDecision }[] },
): Promise<BulkImportEntry[]> {
  await authorizedRegion(ctx, actor, input.regionId);
  const index = await departmentIndex(ctx.db, input.regionId);
  const entries: BulkImportEntry[] = [];
  for (const item of input.items) entries.push(await confirmOne(ctx, actor, input.regionId, index, item.uploadId, item.decision));
  return entries;
}

async function confirmOne(ctx: ServiceContext, actor: Actor, regionId: string, index: DepartmentIndex, uploadId: string, decision: BulkDecision): Promise<BulkImportEntry> {
  const pending = await peekPendingUpload(ctx.db, uploadId, actor.userId, nowIso(ctx));
  if (!pending) return bulkEntry(uploadId, 'refused', 'bulkImport.uploadExpired', {});
  const read = readOfPending(pending.fileName, pending.documentJson);
  if (decision.kind === 'skip') {
    await takePendingUpload(ctx.db, uploadId, actor.userId, nowIso(ctx));
    return bulkEntry(read.file, 'skipped', 'bulkImport.skipped', { name: read.unitName });
  }
  let department: Department | null = null;
  if (decision.kind === 'department') {
    const [chosen] = await findDepartments(ctx.db, [decision.departmentId]);
    if (!chosen || chosen.regionId !== regionId) return bulkEntry(read.file, 'refused', 'bulkImport.departmentElsewhere', {});
    department = chosen;
  } else {
    const match = matchDepartment(index, read.unitName);
    if (match.kind === 'ambiguous') return confirmationEntry(read, match);
    if (match.kind === 'matched') department = match.department;
    else if (decision.kind === 'match') return confirmationEntry(read, match);
    else if (!canOrganise(actor, 'createDepartment')) return bulkEntry(read.file, 'refused', 'bulkImport.createNotAllowed', { name: read.unitName });
  }
  const claim = async (trx: Transaction<Database>): Promise<void> => {
    // Taken inside the file's transaction: confirmed at most once, and kept if storing fails.
    if (!(await takePendingUpload(trx, uploadId, actor.userId, nowIso(ctx)))) throw new ApiError('api.uploadExpired');
  };
  const target = department ? { department } : { createIn: regionId, unitCount: read.document.unit.unitCount };
  const entry = await storeBulkFile(ctx, actor.userId, read, target, claim).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'api.uploadExpired') return bulkEntry(read.file, 'refused', 'bulkImport.uploadExpired', {});
    throw error;
  });
  // A department created for this file serves later files of the batch under the same name.
  if (entry.departmentCreated) await refreshDepartmentIndex(ctx.db, regionId, index);
  return entry;
}
