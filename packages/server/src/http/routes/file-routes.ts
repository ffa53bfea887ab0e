/** Files: upload preview and confirmation, exports, evidence attachments. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WRITABLE_EXTENSIONS } from '@jixiao/io';
import { z } from 'zod';
import { ApiError } from '../../services/api-error.js';
import { addAttachment, attachmentFile, confirmUploadInto, createFromUpload, exportForm, formAttachments, previewUpload } from '../../services/file-service.js';
import type { App, RouteDeps } from '../app.js';
import { langOf } from '../lang.js';
import { presentFormJson, presentProblem } from '../presenters.js';
import { ifMatchVersion, optionalActor, requireActor } from '../request-auth.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
};

/** The formats io writes, by name (json, xlsx, pdf …). */
export const EXPORT_FORMATS = WRITABLE_EXTENSIONS.map((e) => e.slice(1));

/** Sends bytes as a download with a name that survives any browser. */
export function sendFile(reply: FastifyReply, bytes: Uint8Array, fileName: string, contentType: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The one file of a multipart request. */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart()) throw new ApiError('api.noFile');
  const file = await request.file();
  if (!file) throw new ApiError('api.noFile');
  const buffer = await file.toBuffer();
  // A plain Uint8Array over the same memory: pdfjs (behind PDF uploads) refuses Node Buffers.
  return { fileName: file.filename, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Exports a form the caller (or the public) may read. */
export async function exportRoute(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply, id: string, format: string): Promise<FastifyReply> {
  const { bytes, fileName } = await exportForm(deps.ctx, optionalActor(request), id, format, langOf(request));
  return sendFile(reply, bytes, fileName, CONTENT_TYPES[format] ?? 'application/octet-stream');
}

const idParams = z.object({ id: z.string().min(1).max(100) });

/** /api/uploads, /api/forms/:id/upload, /api/forms/:id/export/:format, /api/forms/:id/attachments… */
export function registerFileRoutes(app: App, deps: RouteDeps): void {
  const { ctx } = deps;
  app.post('/api/uploads', { schema: { tags: ['files'], summary: 'Read a form file (.txt .json .xlsx .pdf, multipart "file"): score and findings, nothing saved yet', consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = requireActor(request);
    const { fileName, bytes } = await uploadedFile(request);
    const preview = await previewUpload(ctx, actor, fileName, bytes);
    const lang = langOf(request);
    return {
      uploadId: preview.uploadId,
      fileName: preview.fileName,
      unitName: preview.unitName,
      year: preview.year,
      total: preview.check.score.total,
      grade: preview.check.score.grade,
      findings: preview.check.findings.map((f) => presentProblem(f, lang)),
      problems: preview.problems.map((p) => presentProblem(p, lang)),
    };
  });

  app.post(
    '/api/forms/:id/upload',
    { schema: { tags: ['files'], summary: 'Replace a draft with a previewed upload (If-Match: version)', params: idParams, body: z.object({ uploadId: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      const view = await confirmUploadInto(ctx, requireActor(request), request.params.id, ifMatchVersion(request), request.body.uploadId);
      return reply.header('etag', `"${view.form.version}"`).type('application/json; charset=utf-8').send(presentFormJson(view, langOf(request)));
    },
  );

  app.post(
    '/api/forms',
    { schema: { tags: ['files'], summary: "Create a department's draft for the upload's year from a previewed upload", body: z.object({ departmentId: z.string().min(1).max(100), uploadId: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      const view = await createFromUpload(ctx, requireActor(request), request.body.departmentId, request.body.uploadId);
      return reply.status(201).header('etag', `"${view.form.version}"`).type('application/json; charset=utf-8').send(presentFormJson(view, langOf(request)));
    },
  );

  app.get(
    '/api/forms/:id/export/:format',
    { schema: { tags: ['files'], summary: `Download the form (${EXPORT_FORMATS.join(', ')})`, params: z.object({ id: z.string().min(1).max(100), format: z.string().regex(/^[a-z]{2,5}$/u) }) } },
    async (request, reply) => {
      requireActor(request);
      return exportRoute(deps, request, reply, request.params.id, request.params.format);
    },
  );

  app.post(
    '/api/forms/:id/attachments',
    { schema: { tags: ['files'], summary: 'Attach evidence to an indicator (multipart "file"; pdf, images, office files, text; ≤ 10 MB)', params: idParams, querystring: z.object({ indicatorId: z.string().min(1).max(100) }), consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { fileName, bytes } = await uploadedFile(request);
      return reply.status(201).send(await addAttachment(ctx, actor, request.params.id, request.query.indicatorId, fileName, bytes));
    },
  );

  app.get('/api/forms/:id/attachments', { schema: { tags: ['files'], summary: "A form's evidence files", params: idParams } }, async (request) => {
    return { attachments: await formAttachments(ctx, requireActor(request), request.params.id) };
  });

  app.get(
    '/api/forms/:id/attachments/:attachmentId',
    { schema: { tags: ['files'], summary: 'Download one evidence file', params: z.object({ id: z.string().min(1).max(100), attachmentId: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      const file = await attachmentFile(ctx, requireActor(request), request.params.id, request.params.attachmentId);
      return sendFile(reply, file.content, file.fileName, file.contentType);
    },
  );
}
