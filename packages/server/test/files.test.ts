/** Uploads (preview, then confirm), exports, evidence attachments; and the demo district. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leavesOf } from '@jixiao/core';
import { serializeForm, writeForm } from '@jixiao/io';
import { DEMO_ACCOUNTS, loadDemoData } from '@jixiao/server';
import { sanitizeFileName } from '../src/services/file-service.js';
import { DIALECTS } from './helpers/dialects.js';
import { as, buildForm, seedForm, signIn } from './helpers/factories.js';
import { multipartFile } from './helpers/multipart.js';
import { createTestApp, worldSuite } from './helpers/test-app.js';

const seedText = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`files on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);

    it('previews an uploaded text form (findings before saving), then creates the draft on confirmation', async () => {
      const editor = await signIn(s.t.app, 'editor1');
      const { payload, headers } = multipartFile('panyu-kgxj-2021.txt', seedText, 'text/plain');
      const preview = await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, headers), payload });
      expect(preview.statusCode).toBe(200);
      const body = preview.json() as { uploadId: string; total: number; grade: string; year: number; findings: { severity: string }[] };
      expect(body).toMatchObject({ total: 95.77, grade: 'excellent', year: 2021 });
      expect(body.findings.some((f) => f.severity === 'error')).toBe(true);
      expect(await s.t.ctx.db.selectFrom('forms').select('id').where('department_id', '=', s.world.departments.d1).execute()).toEqual([]);

      const created = await s.t.app.inject({ method: 'POST', url: '/api/forms', headers: as(editor), payload: { departmentId: s.world.departments.d1, uploadId: body.uploadId } });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ state: 'draft', version: 1, total: 95.77, year: 2021 });
      const again = await s.t.app.inject({ method: 'POST', url: '/api/forms', headers: as(editor), payload: { departmentId: s.world.departments.d1, uploadId: body.uploadId } });
      expect(again.statusCode).toBe(410); // a preview is confirmed once
    });

    it('replaces a draft from an uploaded JSON form, with If-Match like any save', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d2, 'draft');
      const head = await signIn(s.t.app, 'head2');
      const doc = seedForm();
      doc.narratives.goals = '上传的目标';
      const { payload, headers } = multipartFile('form.json', serializeForm(doc), 'application/json');
      const preview = (await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(head, headers), payload })).json() as { uploadId: string };
      const stale = await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/upload`, headers: as(head, { 'if-match': '5' }), payload: { uploadId: preview.uploadId } });
      expect(stale.statusCode).toBe(409);
      const again = (await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(head, headers), payload })).json() as { uploadId: string };
      const ok = await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/upload`, headers: as(head, { 'if-match': '1' }), payload: { uploadId: again.uploadId } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ version: 2, document: { narratives: { goals: '上传的目标' } } });
      const history = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/history`, headers: as(head) })).json() as { history: { action: string }[] };
      expect(history.history.map((h) => h.action)).toEqual(['create', 'upload']);
    });

    // A department each: the audit log is append-only, so a form cannot be deleted to make room for the next.
    for (const [extension, account, department] of [['.xlsx', 'editor3', 'd3'], ['.pdf', 'head2', 'd2']] as const) {
      it(`previews a ${extension} form written from the seed, then creates a draft and replaces it on confirmation`, async () => {
        const written = await writeForm(seedForm(), extension, { lang: 'zh' });
        if (!written.ok) throw new Error(written.problem.code);
        const editor = await signIn(s.t.app, account);
        const file = multipartFile(`科工商信局-2021${extension}`, written.bytes);
        const upload = async () => {
          const res = await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, file.headers), payload: file.payload });
          expect(res.statusCode, res.body).toBe(200);
          return res.json() as { uploadId: string; total: number; grade: string; year: number; unitName: string; findings: { severity: string; path: string }[] };
        };
        const preview = await upload();
        expect(preview).toMatchObject({ total: 95.77, grade: 'excellent', year: 2021, unitName: '广州市番禺区科技工业商务和信息化局' });
        expect(preview.findings.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual([expect.stringMatching(/资产管理制度健全性$/u)]);
        const formsOfDepartment = () => s.t.ctx.db.selectFrom('forms').select(['id', 'year', 'version']).where('department_id', '=', s.world.departments[department]).where('year', '=', 2021).execute();
        expect(await formsOfDepartment()).toEqual([]); // nothing saved by a preview

        const created = await s.t.app.inject({ method: 'POST', url: '/api/forms', headers: as(editor), payload: { departmentId: s.world.departments[department], uploadId: preview.uploadId } });
        expect(created.statusCode, created.body).toBe(201);
        const form = created.json() as { id: string; document: unknown };
        expect(created.json()).toMatchObject({ state: 'draft', version: 1, total: 95.77, grade: 'excellent', year: 2021 });
        expect(form.document).toEqual(JSON.parse(serializeForm(seedForm())));

        const again = await upload();
        const replaced = await s.t.app.inject({ method: 'POST', url: `/api/forms/${form.id}/upload`, headers: as(editor, { 'if-match': '1' }), payload: { uploadId: again.uploadId } });
        expect(replaced.statusCode, replaced.body).toBe(200);
        expect(replaced.json()).toMatchObject({ id: form.id, version: 2, total: 95.77 });
        expect(await formsOfDepartment()).toEqual([{ id: form.id, year: 2021, version: 2 }]);
      });
    }

    it('checks evidence by its content, not its name: a fake PDF, a fake PNG and a renamed program are refused', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const editor = await signIn(s.t.app, 'editor1');
      const leafId = leavesOf(seedForm())[3]?.leaf.id ?? '';
      const attach = (name: string, content: Uint8Array | string, lang = 'zh') => {
        const file = multipartFile(name, content);
        return s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/attachments?indicatorId=${leafId}`, headers: as(editor, { ...file.headers, 'accept-language': lang }), payload: file.payload });
      };
      const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const refused = [
        { name: '证明.pdf', content: '<html>not a pdf</html>', kind: 'PDF' },
        { name: '照片.png', content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), kind: 'PNG' },
        { name: 'setup.jpg', content: exe, kind: 'JPEG' },
        { name: '清单.xlsx', content: '%PDF-1.4', kind: 'XLSX (ZIP)' },
        { name: '说明.txt', content: exe, kind: 'TXT' },
      ];
      for (const r of refused) {
        const res = await attach(r.name, r.content, 'en');
        expect(res.statusCode, r.name).toBe(415);
        const error = (res.json() as { error: { code: string; message: string } }).error;
        expect(error.code).toBe('api.fileContent');
        expect(error.message).toContain(`is not ${r.kind}`);
      }
      const zh = (await attach('setup.jpg', exe)).json() as { error: { message: string } };
      expect(zh.error.message).toBe('文件“setup.jpg”的内容不是JPEG，与扩展名 .jpg 不符：请上传真实的 .jpg 文件。');
      expect(await s.t.ctx.db.selectFrom('attachments').select('id').where('form_id', '=', id).execute()).toEqual([]);

      for (const [name, content] of [['照片.png', png], ['照片.JPG', new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0])], ['清单.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20])], ['说明.txt', '中文说明'], ['导出.pdf', '\n\n%PDF-1.7']] as const) {
        expect((await attach(name, content)).statusCode, name).toBe(201);
      }
    });

    it('refuses unreadable uploads and unknown types with their problems', async () => {
      const editor = await signIn(s.t.app, 'editor1');
      const junk = multipartFile('junk.txt', '这不是一张自评表', 'text/plain');
      const res = await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, junk.headers), payload: junk.payload });
      expect(res.statusCode).toBe(422);
      expect((res.json() as { error: { code: string; problems: unknown[] } }).error).toMatchObject({ code: 'api.unreadableUpload', problems: expect.arrayContaining([expect.objectContaining({ severity: 'error' })]) });
      const exe = multipartFile('virus.exe', 'MZ', 'application/octet-stream');
      expect((await s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, exe.headers), payload: exe.payload })).statusCode).toBe(415);
    });

    it('exports a form as JSON that reads back to the same document', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'submitted');
      const reviewer = await signIn(s.t.app, 'reviewer1');
      const res = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/json`, headers: as(reviewer) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/u);
      expect((JSON.parse(res.body) as { indicators: unknown[] }).indicators).toEqual(seedForm().indicators);
      expect((await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/export/doc`, headers: as(reviewer) })).statusCode).toBe(400);
    });

    it('stores evidence per indicator with a sanitised name, and enforces type and size', async () => {
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const editor = await signIn(s.t.app, 'editor1');
      const leafId = leavesOf(seedForm())[3]?.leaf.id ?? '';
      const file = multipartFile('../../etc/资产\u0000清单.pdf', '%PDF-1.4 资产清单', 'application/pdf');
      const res = await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/attachments?indicatorId=${leafId}`, headers: as(editor, file.headers), payload: file.payload });
      expect(res.statusCode).toBe(201);
      const info = res.json() as { id: string; fileName: string; size: number };
      expect(info.fileName).toBe('资产_清单.pdf');
      const list = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/attachments`, headers: as(editor) })).json() as { attachments: { id: string }[] };
      expect(list.attachments.map((a) => a.id)).toEqual([info.id]);
      const download = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}/attachments/${info.id}`, headers: as(editor) });
      expect(download.body).toBe('%PDF-1.4 资产清单');
      expect(download.headers['content-type']).toBe('application/pdf');
      const script = multipartFile('x.html', '<script>', 'text/html');
      expect((await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/attachments?indicatorId=${leafId}`, headers: as(editor, script.headers), payload: script.payload })).statusCode).toBe(415);
      const big = multipartFile('big.pdf', new Uint8Array(11 * 1024 * 1024), 'application/pdf');
      expect((await s.t.app.inject({ method: 'POST', url: `/api/forms/${id}/attachments?indicatorId=${leafId}`, headers: as(editor, big.headers), payload: big.payload })).statusCode).toBe(413);
    });

    it('loads the demo district once, with a login per role; refuses it in production', async () => {
      // The demo loads into an empty database only: a fresh one, not the suite's.
      const t = await createTestApp(dialect);
      try {
        await expect(loadDemoData(t.ctx, seedText, true)).rejects.toThrow(/production/u);
        expect((await loadDemoData(t.ctx, seedText, false)).loaded).toBe(true);
        expect((await loadDemoData(t.ctx, seedText, false)).loaded).toBe(false);
        for (const account of DEMO_ACCOUNTS) await signIn(t.app, account.username, account.password);
        const published = (await t.app.inject({ method: 'GET', url: '/api/public/forms?year=2021' })).json() as { forms: { unitName: string; total: number }[] };
        expect(published.forms.map((f) => f.unitName)).toEqual(['广州市番禺区教育局']);
        const editor = await signIn(t.app, 'editor', 'jixiao-demo-editor');
        const mine = (await t.app.inject({ method: 'GET', url: '/api/forms', headers: as(editor) })).json() as { forms: { year: number; state: string }[] };
        expect(mine.forms.map((f) => [f.year, f.state])).toEqual([[2022, 'draft'], [2021, 'draft']]);
      } finally {
        await t.close();
      }
    });
  });
}

describe('sanitizeFileName', () => {
  it('drops directories, control and reserved characters and leading dots; keeps Chinese', () => {
    expect(sanitizeFileName('C:\\Users\\a\\证明材料.pdf')).toBe('证明材料.pdf');
    expect(sanitizeFileName('..\\..\\.bashrc')).toBe('bashrc');
    expect(sanitizeFileName('a<b>:c|d?.png')).toBe('a_b__c_d_.png');
    expect(sanitizeFileName(`${'长'.repeat(300)}.pdf`)).toHaveLength(120);
  });
});
