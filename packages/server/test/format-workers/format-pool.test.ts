/**
 * Exports and uploads through the format workers: byte for byte what io writes in process, the same forms
 * read, a full queue answered "busy, retry" (503, Retry-After) and a job over its heap limit answered as a
 * refusal naming the file — the server still serving afterwards. On SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { readForm, writeForm } from '@jixiao/io';
import { findForm } from '../../src/db/repositories/forms-repository.js';
import { readZip } from '../../src/services/bulk-import-zip.js';
import { closeFormatWorkers, readFormInWorker } from '../../src/services/format-workers/format-pool.js';
import { requireFreshBuild } from '../../../../test-support/bounded-worker.js';
import { DIALECTS } from '../helpers/dialects.js';
import { as, buildForm, signIn } from '../helpers/factories.js';
import { multipartFile } from '../helpers/multipart.js';
import { worldSuite } from '../helpers/test-app.js';

const seedText = readFileSync(new URL('../../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const LIMIT_VARIABLES = ['JIXIAO_FORMAT_WORKERS', 'JIXIAO_FORMAT_QUEUE', 'JIXIAO_FORMAT_HEAP_MB'] as const;

/**
 * The file with its writing time blanked: a PDF's creation date and the ID derived from it, a workbook's
 * zip entries' dates (by comparing the unpacked entries) and its created/modified properties. Everything
 * else is compared byte for byte.
 */
function timeless(format: string, bytes: Uint8Array): unknown {
  if (format === 'pdf') return Buffer.from(bytes).toString('latin1').replace(/\(D:\d{14}Z\)/gu, '(D:)').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/gu, '/ID []');
  if (format !== 'xlsx') return Buffer.from(bytes);
  const { files, refusals } = readZip('export.xlsx', bytes, { entries: 100, entryBytes: 10_000_000, totalBytes: 50_000_000, ratio: 1000 });
  expect(refusals).toEqual([]);
  return files.map((f) => [f.name, Buffer.from(f.bytes).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/gu, '$1')]);
}

/** Restarts the pool under other limits (the pool reads them when it starts). */
async function withLimits(limits: Partial<Record<(typeof LIMIT_VARIABLES)[number], string>>): Promise<void> {
  await closeFormatWorkers();
  for (const name of LIMIT_VARIABLES) delete process.env[name];
  Object.assign(process.env, limits);
}

// The workers run the built io and core: comparing a stale build with the sources would prove nothing.
beforeAll(() => requireFreshBuild(['core', 'io']));
afterEach(async () => withLimits({}));

describe('format workers read what io reads', () => {
  it('reads the seed form as text and as a workbook exactly as io does in process', async () => {
    const text = { fileName: 'panyu-kgxj-2021.txt', bytes: new TextEncoder().encode(seedText) };
    const inProcess = await readForm(text);
    expect(await readFormInWorker(text)).toEqual(inProcess);
    const workbook = await writeForm(inProcess.value as FormDocument, '.xlsx', { lang: 'zh' });
    if (!workbook.ok) throw new Error(workbook.problem.code);
    const xlsx = { fileName: '番禺.xlsx', bytes: workbook.bytes };
    expect(await readFormInWorker(xlsx)).toEqual(await readForm(xlsx));
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`exports through the format workers on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);

    it('answers every format as io writes it in process, byte for byte but for the time of writing, in both languages', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'submitted');
      const document = JSON.parse((await findForm(s.t.ctx.db, id))?.documentJson ?? 'null') as FormDocument;
      const reviewer = await signIn(s.t.app, 'reviewer1');
      for (const format of ['xlsx', 'pdf', 'html', 'csv', 'json']) {
        for (const lang of ['zh', 'en'] as const) {
          const res = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/${format}?lang=${lang}`, headers: as(reviewer, { 'accept-language': lang }) });
          expect(res.statusCode, `${format} ${lang}`).toBe(200);
          const expected = await writeForm(document, `.${format}`, { lang });
          if (!expected.ok) throw new Error(expected.problem.code);
          expect(timeless(format, res.rawPayload), `${format} ${lang}`).toEqual(timeless(format, expected.bytes));
        }
      }
    });

    it('answers 503 "busy, retry" with Retry-After when the queue is full, and serves again afterwards', async () => {
      await withLimits({ JIXIAO_FORMAT_WORKERS: '1', JIXIAO_FORMAT_QUEUE: '1' });
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d2, 'submitted');
      const reviewer = await signIn(s.t.app, 'reviewer1');
      const answers = await Promise.all(Array.from({ length: 6 }, () => s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/pdf`, headers: as(reviewer, { 'accept-language': 'zh' }) })));
      const busy = answers.filter((a) => a.statusCode === 503);
      expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(2);
      expect(busy.length).toBeGreaterThan(0);
      expect(busy.length + answers.filter((a) => a.statusCode === 200).length).toBe(6);
      expect(busy[0]?.headers['retry-after']).toBe('5');
      expect(busy[0]?.json()).toMatchObject({ error: { code: 'api.busy', message: '服务器正忙于处理其他文件（读取或导出），请 5 秒后重试。' } });
      expect((await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/pdf`, headers: as(reviewer) })).statusCode).toBe(200);
    });

    it('refuses an export and an upload over the heap limit with a message naming the file, and keeps serving', async () => {
      await withLimits({ JIXIAO_FORMAT_HEAP_MB: '4' });
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'submitted');
      const reviewer = await signIn(s.t.app, 'reviewer1');
      const exported = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/xlsx`, headers: as(reviewer, { 'accept-language': 'en' }) });
      expect(exported.statusCode).toBe(400);
      const exportError = (exported.json() as { error: { code: string; problems: { code: string; message: string }[] } }).error;
      expect(exportError.code).toBe('api.exportFailed');
      expect(exportError.problems[0]).toMatchObject({ code: 'output.memoryLimit' });
      expect(exportError.problems[0]?.message).toMatch(/^Writing .+\.xlsx needed more than 4 MB of memory and was stopped\.$/u);

      const editor = await signIn(s.t.app, 'editor1');
      const upload = multipartFile('番禺.txt', seedText, 'text/plain');
      const refused = await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, { ...upload.headers, 'accept-language': 'zh' }), payload: upload.payload });
      expect(refused.statusCode).toBe(422);
      expect((refused.json() as { error: { problems: { code: string; message: string }[] } }).error.problems[0]).toMatchObject({
        code: 'input.memoryLimit',
        message: '读取 番禺.txt 需要超过 4 MB 内存，已停止：文件可能过于复杂或已损坏，请检查后重新上传。',
      });

      await withLimits({});
      expect((await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/xlsx`, headers: as(reviewer) })).statusCode).toBe(200);
      expect((await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, upload.headers), payload: upload.payload })).statusCode).toBe(200);
    });
  });
}
