/** Bulk import from the web: preview a batch of uploaded files (and .zip archives), then confirm it. */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '@jixiao/core';
import { canOrganise, renderMessage } from '@jixiao/core';
import { z } from 'zod';
import { ApiError } from '../../services/api-error.js';
import type { BulkPreviewItem } from '../../services/bulk-import-batch-service.js';
import { BULK_UPLOAD_LIMITS, confirmBulkImport, previewBulkImport } from '../../services/bulk-import-batch-service.js';
import type { BulkImportEntry, BulkImportFile } from '../../services/bulk-import-service.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { presentProblem } from '../presenters.js';
import { requireActor } from '../request-auth.js';

const fields = z.object({
  regionId: z.string().min(1).max(100),
  // Empty: each form goes to its own year.
  year: z
    .string()
    .regex(/^(\d{4})?$/u)
    .transform((y) => (y === '' ? null : Number(y)))
    .default(null),
});

/** The batch's files and fields, bounded in count and size (see BULK_UPLOAD_LIMITS). */
async function uploadedBatch(request: FastifyRequest): Promise<{ regionId: string; year: number | null; uploads: BulkImportFile[] }> {
  if (!request.isMultipart()) throw new ApiError('api.noFile');
  const uploads: BulkImportFile[] = [];
  const values: Record<string, string> = {};
  let total = 0;
  for await (const part of request.parts({ limits: { files: BULK_UPLOAD_LIMITS.uploads, fileSize: BULK_UPLOAD_LIMITS.fileBytes, fields: 5 } })) {
    if (part.type === 'field') {
      values[part.fieldname] = String(part.value);
      continue;
    }
    const buffer = await part.toBuffer();
    total += buffer.byteLength;
    if (total > BULK_UPLOAD_LIMITS.totalBytes) throw new ApiError('api.fileTooLarge', { limitMb: BULK_UPLOAD_LIMITS.totalBytes / 1024 / 1024 });
    // A plain Uint8Array over the same memory: pdfjs (behind PDF uploads) refuses Node Buffers.
    uploads.push({ name: part.filename, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
  }
  if (uploads.length === 0) throw new ApiError('api.noFile');
  const parsed = fields.safeParse(values);
  if (!parsed.success) throw new ApiError('api.badRequest', { detail: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') });
  return { ...parsed.data, uploads };
}

/** A line of the report, in the caller's language. */
export function presentEntry(e: BulkImportEntry, lang: Lang) {
  return {
    file: e.file,
    outcome: e.outcome,
    code: e.code,
    message: renderMessage(e.code, e.params, lang),
    departmentName: e.departmentName,
    departmentCreated: e.departmentCreated,
    formId: e.formId,
    errorCount: e.errorCount,
    warningCount: e.warningCount,
    problems: e.problems.filter((p) => p.severity === 'error').map((p) => presentProblem(p, lang)),
  };
}

function presentItem(item: BulkPreviewItem, lang: Lang) {
  return { ...item, refusal: item.refusal ? presentEntry(item.refusal, lang) : null };
}

const decision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('match') }),
  z.object({ kind: z.literal('department'), departmentId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('create') }),
  z.object({ kind: z.literal('skip') }),
]);

/** /api/bulk-imports/preview, /api/bulk-imports/confirm. */
export function registerBulkImportRoutes(app: App, { ctx }: RouteDeps): void {
  app.post(
    '/api/bulk-imports/preview',
    {
      schema: {
        tags: ['files'],
        summary: `Read a batch of forms for a region (multipart: regionId, optional year, files .txt .json .xlsx .pdf .zip; ≤ ${BULK_UPLOAD_LIMITS.uploads} files, ≤ ${BULK_UPLOAD_LIMITS.totalBytes / 1024 / 1024} MB): each file matched to a department or refused, nothing stored yet (administrators; reviewers in their region)`,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Refused before the body is read: only those who may bulk import upload a batch.
      if (!canOrganise(actor, 'bulkImport')) throw new ApiError('api.forbidden');
      const batch = await uploadedBatch(request);
      const lang = langOf(request);
      return { items: (await previewBulkImport(ctx, actor, batch)).map((item) => presentItem(item, lang)) };
    },
  );

  app.post(
    '/api/bulk-imports/confirm',
    {
      schema: {
        tags: ['files'],
        summary: 'Store previewed files with a decision for each (match, department, create, skip); one transaction per file; the per-file report',
        body: z.object({ regionId: z.string().min(1).max(100), items: z.array(z.object({ uploadId: z.string().min(1).max(100), decision })).min(1).max(BULK_UPLOAD_LIMITS.forms) }),
      },
    },
    async (request) => {
      const entries = await confirmBulkImport(ctx, requireActor(request), request.body);
      const lang = langOf(request);
      return { entries: entries.map((e) => presentEntry(e, lang)) };
    },
  );
}
