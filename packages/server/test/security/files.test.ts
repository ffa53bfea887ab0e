/**
 * Hostile files, on both databases: file names that climb out of their folder or hide their type, ids that
 * try to reach another form's evidence, oversized and mislabelled attachments (content against extension
 * against the browser's content type), zip bombs, lying and nested archives as workbooks and through bulk
 * import's zip reader, and damaged PDFs. Each is refused with a clear message in both languages and leaves
 * nothing behind; what is accepted comes back as a download under a safe name, never as a page.
 */
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeForm, writeForm } from '@jixiao/io';
import { readZip } from '@jixiao/server';
import { zipArchive } from '../../../../test-support/zip-archive.js';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { as, buildForm, seedForm, signIn } from '../helpers/factories.js';
import { multipartBatch, multipartFile } from '../helpers/multipart.js';
import { worldSuite } from '../helpers/test-app.js';
import { snapshot } from './database-snapshot.js';
import { SAMPLE_LEAF_ID } from './route-samples.js';

const MB = 1024 * 1024;

/** A zip whose one entry says it unpacks to `declared` bytes but holds `actual` bytes of zeros. */
function lyingZip(name: string, actual: number, declared: number): Uint8Array {
  const bytes = zipArchive([{ name, bytes: new Uint8Array(actual) }]);
  const view = new DataView(bytes.buffer);
  const central = bytes.length - 22 - 46 - Buffer.byteLength(name);
  view.setUint32(22, declared, true);
  view.setUint32(central + 24, declared, true);
  return bytes;
}

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF');
const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`hostile files on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);
    let editor: Client;
    let formId: string;
    beforeAll(async () => {
      editor = await signIn(s.t.app, 'editor1');
      formId = (await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft')).id;
    });

    const attach = (name: string, content: Uint8Array | string, contentType?: string, lang = 'zh') => {
      const file = multipartFile(name, content, contentType);
      return s.t.app.inject({ method: 'POST', url: `/api/forms/${formId}/attachments?indicatorId=${SAMPLE_LEAF_ID}`, headers: as(editor, { ...file.headers, 'accept-language': lang }), payload: file.payload });
    };
    const upload = (name: string, content: Uint8Array | string, lang = 'zh') => {
      const file = multipartFile(name, content);
      return s.t.app.inject({ method: 'POST', url: '/api/uploads', headers: as(editor, { ...file.headers, 'accept-language': lang }), payload: file.payload });
    };
    /** A refusal: the status, a stable code and a message in each language that says what. */
    const expectRefused = async (send: (lang: string) => Promise<{ statusCode: number; json: () => unknown }>, status: number, code: string, says: RegExp, langs = ['zh', 'en']) => {
      const before = await snapshot(s.t.ctx.db, dialect.name);
      for (const lang of langs) {
        const res = await send(lang);
        expect(res.statusCode, `${code} (${lang})`).toBe(status);
        const body = res.json() as { error: { code: string; message: string; problems?: { message: string }[] } };
        expect(body.error.code).toBe(code);
        expect(`${body.error.message} ${(body.error.problems ?? []).map((p) => p.message).join(' ')}`, lang).toMatch(says);
      }
      expect(await snapshot(s.t.ctx.db, dialect.name), `${code}: nothing written`).toEqual(before);
    };

    it('file names cannot climb out of their folder or smuggle characters into the download', async () => {
      const names: [string, string][] = [
        ['../../../etc/passwd.txt', 'passwd.txt'],
        ['..\\..\\windows\\system32\\证明.txt', '证明.txt'],
        ['/etc/shadow.txt', 'shadow.txt'],
        ['C:\\boot.txt', 'boot.txt'],
        ['%2e%2e%2f%2e%2e%2fsecret.txt', '%2e%2e%2f%2e%2e%2fsecret.txt'],
        ['....txt', 'txt'],
        ['a\tb\u0007c.txt', 'a_b_c.txt'],
        ['证明\u202efdp.txt', '证明fdp.txt'], // would display as 证明txt.pdf
        ['<b>|x?*:;.txt', '_b__x____.txt'],
        [`${'长'.repeat(300)}.txt`, `${'长'.repeat(116)}.txt`],
      ];
      for (const [name, stored] of names) {
        const res = await attach(name, '证明材料');
        if (res.statusCode === 415) {
          expect(stored, `${name} refused`).toBe('txt'); // a name of dots only has no extension left
          continue;
        }
        expect(res.statusCode, `${name} → ${res.body}`).toBe(201);
        const info = res.json() as { id: string; fileName: string };
        expect(info.fileName, name).toBe(stored);
        expect(info.fileName).not.toMatch(/[/\\\r\n"]/u);
        const download = await s.t.app.inject({ method: 'GET', url: `/api/forms/${formId}/attachments/${info.id}`, headers: as(editor) });
        expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(stored)}`);
        expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(download.body).toBe('证明材料');
      }
    });

    it('ids cannot reach another form’s evidence or climb', async () => {
      const other = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const theirs = await buildForm(s.t.ctx, s.world, s.world.departments.d2, 'draft');
      const head2 = await signIn(s.t.app, 'head2');
      const file = multipartFile('机密.txt', `机密 ${theirs.marker}`);
      const added = await s.t.app.inject({ method: 'POST', url: `/api/forms/${theirs.id}/attachments?indicatorId=${SAMPLE_LEAF_ID}`, headers: as(head2, file.headers), payload: file.payload });
      expect(added.statusCode).toBe(201);
      const id = (added.json() as { id: string }).id;
      for (const url of [
        `/api/forms/${formId}/attachments/${id}`, // their attachment under my form
        `/api/forms/${other.id}/attachments/${id}`,
        `/api/forms/${formId}/attachments/..%2F..%2F${theirs.id}%2Fattachments%2F${id}`,
        `/api/forms/${formId}/attachments/${encodeURIComponent(`../${id}`)}`,
        `/api/forms/..%2f${theirs.id}/attachments/${id}`,
        `/api/forms/${theirs.id}/../${formId}/attachments/${id}`,
        `/api/forms/${formId}/attachments/%2e%2e%2f${id}`,
        `/api/forms/${formId}/attachments/${id}%00`,
      ]) {
        const res = await s.t.app.inject({ method: 'GET', url, headers: as(editor) });
        expect([400, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
        expect(res.body, url).not.toContain(theirs.marker);
      }
    });

    it('refuses oversized attachments (10 MB each, 20 MB a request) and writes nothing', async () => {
      await expectRefused((lang) => attach('大文件.pdf', new Uint8Array([...pdfBytes, ...new Uint8Array(10 * MB)]), 'application/pdf', lang), 413, 'api.fileTooLarge', /10 MB/u, ['zh']);
      await expectRefused((lang) => attach('更大.pdf', new Uint8Array(21 * MB), 'application/pdf', lang), 413, 'api.fileTooLarge', /20 MB/u, ['en']);
    });

    it('judges an attachment by its content, not its name or the browser’s content type', async () => {
      await expectRefused((lang) => attach('照片.png', pdfBytes, 'image/png', lang), 415, 'api.fileContent', /PNG/u);
      await expectRefused((lang) => attach('证明.pdf', pngBytes, 'application/pdf', lang), 415, 'api.fileContent', /PDF/u);
      await expectRefused((lang) => attach('表.xlsx', pdfBytes, undefined, lang), 415, 'api.fileContent', /XLSX/u);
      await expectRefused((lang) => attach('notes.txt', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'text/plain', lang), 415, 'api.fileContent', /TXT/u);
      for (const name of ['page.html', 'image.svg', 'run.exe', 'script.js', 'noextension', 'x.pdf.html']) {
        await expectRefused((lang) => attach(name, pngBytes, 'image/png', lang), 415, 'api.fileType', /\.pdf/u);
      }
      // The type a download is served as comes from the checked extension, never from what the browser said.
      const res = await attach('截图.png', pngBytes, 'text/html');
      expect(res.statusCode).toBe(201);
      const download = await s.t.app.inject({ method: 'GET', url: `/api/forms/${formId}/attachments/${(res.json() as { id: string }).id}`, headers: as(editor) });
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toMatch(/^attachment;/u);
      // Markup in a text file is served as a plain-text download, never as a page.
      const html = await attach('说明.txt', '<script>alert(1)</script>');
      const page = await s.t.app.inject({ method: 'GET', url: `/api/forms/${formId}/attachments/${(html.json() as { id: string }).id}`, headers: as(editor) });
      expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(page.headers['content-disposition']).toMatch(/^attachment;/u);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/u);
    });

    it('refuses zip bombs, lying archives and nested archives as workbooks before unpacking them', async () => {
      const bomb = zipArchive([{ name: 'xl/worksheets/sheet1.xml', bytes: new Uint8Array(40 * MB) }]);
      expect(bomb.length).toBeLessThan(100_000);
      await expectRefused((lang) => upload('炸弹.xlsx', bomb, lang), 422, 'api.unreadableUpload', /20(\.0)? ?MB/u);
      const liar = lyingZip('xl/worksheets/sheet1.xml', 30 * MB, 1_000);
      await expectRefused((lang) => upload('说谎.xlsx', liar, lang), 422, 'api.unreadableUpload', /./u);
      const nested = zipArchive([{ name: 'inner.xlsx', bytes: bomb }, { name: '[Content_Types].xml', bytes: new TextEncoder().encode('<Types/>') }]);
      await expectRefused((lang) => upload('套娃.xlsx', nested, lang), 422, 'api.unreadableUpload', /./u);
    }, 60_000);

    it('bulk import through the web refuses zip bombs, lying and climbing entries and does not open nested archives', async () => {
      const admin = await signIn(s.t.app, 'admin');
      const form = new TextEncoder().encode(serializeForm(seedForm()));
      const archive = zipArchive([
        { name: 'bomb.json', bytes: new Uint8Array(30 * MB) },
        { name: '../../escape.json', bytes: form },
        { name: 'inner.zip', bytes: zipArchive([{ name: 'inner.json', bytes: form }]) },
      ]);
      const before = await snapshot(s.t.ctx.db, dialect.name);
      const batch = multipartBatch({ regionId: s.world.regions.r1, year: '2021' }, [
        { name: '批量.zip', bytes: archive },
        { name: '说谎.zip', bytes: lyingZip('x.json', 30 * MB, 1_000) },
      ]);
      const res = await s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/preview', headers: as(admin, { ...batch.headers, 'accept-language': 'en' }), payload: batch.payload });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const items = (res.json() as { items: { file: string; refusal?: { code: string; message: string }; uploadId?: string }[] }).items;
      const byFile = new Map(items.map((i) => [i.file, i]));
      expect(byFile.get('批量.zip!bomb.json')?.refusal?.code).toBe('bulkImport.zipUnsafe');
      expect(byFile.get('批量.zip!../../escape.json')?.refusal?.code).toBe('bulkImport.zipUnsafe');
      expect(byFile.get('说谎.zip!x.json')?.refusal?.code).toBe('bulkImport.zipUnsafe');
      for (const item of items) if (item.refusal) expect(item.refusal.message, item.file).not.toBe('');
      expect(items.some((i) => i.file.includes('inner.json'))).toBe(false); // the archive inside is a file, not opened
      expect(items.every((i) => i.uploadId === undefined || i.uploadId === null), JSON.stringify(items).slice(0, 400)).toBe(true);
      expect(await snapshot(s.t.ctx.db, dialect.name)).toEqual(before);
    }, 60_000);

    it('refuses mislabelled, damaged and unsupported form files with the reason', async () => {
      const xlsx = await writeForm(seedForm(), '.xlsx', { lang: 'zh' });
      if (!xlsx.ok) throw new Error('no xlsx');
      await expectRefused((lang) => upload('表.xlsx', pdfBytes, lang), 422, 'api.unreadableUpload', /./u);
      await expectRefused((lang) => upload('表.pdf', xlsx.bytes, lang), 422, 'api.unreadableUpload', /./u);
      await expectRefused((lang) => upload('坏.pdf', new TextEncoder().encode('%PDF-1.7\n% cut short here'), lang), 422, 'api.unreadableUpload', /./u);
      await expectRefused((lang) => upload('表.json', '{"unit": {"name": "x"', lang), 422, 'api.unreadableUpload', /./u);
      await expectRefused((lang) => upload('表.txt', xlsx.bytes, lang), 422, 'api.unreadableUpload', /./u);
      await expectRefused((lang) => upload('表.exe', xlsx.bytes, lang), 415, 'api.fileType', /\.xlsx/u);
      await expectRefused((lang) => upload('大.json', `${' '.repeat(21 * MB)}{}`, lang), 413, 'api.fileTooLarge', /20 MB/u, ['zh']);
    }, 60_000);

    it('refuses a form file whose text holds a NUL character, saying where', async () => {
      const doc = seedForm();
      doc.narratives.goals = '目标\u0000';
      await expectRefused((lang) => upload('带空字符.json', serializeForm(doc), lang), 400, 'api.nulCharacter', /带空字符\.json\/narratives\/goals/u);
    });
  });
}

describe('bulk import’s zip reader', () => {
  const limits = { entries: 500, entryBytes: 20 * MB, totalBytes: 200 * MB, ratio: 200 };
  const form = new TextEncoder().encode(serializeForm(seedForm()));

  it('refuses a zip bomb entry, a lying entry and climbing paths, and keeps the good entries', () => {
    const archive = zipArchive([
      { name: '正常.json', bytes: form },
      { name: 'bomb.json', bytes: new Uint8Array(30 * MB) },
      { name: '../../etc/cron.d/x.json', bytes: form },
      { name: '/abs/x.json', bytes: form },
      { name: 'C:/x.json', bytes: form },
      { name: 'dir\\..\\x.json', bytes: form },
    ]);
    const contents = readZip('批量.zip', archive, limits);
    expect(contents.files.map((f) => f.name)).toEqual(['批量.zip!正常.json']);
    const reasons = contents.refusals.map((r) => `${r.file} ${JSON.stringify(r)}`);
    expect(reasons).toHaveLength(5);
    expect(reasons.find((r) => r.includes('bomb.json'))).toMatch(/too large or too compressed/u);
    for (const name of ['cron.d', '/abs/', 'C:/', 'dir\\\\']) expect(reasons.find((r) => r.includes(name)), name).toMatch(/path outside the archive/u);
  });

  it('refuses an entry that unpacks beyond what the directory says, without unpacking it all', () => {
    const contents = readZip('说谎.zip', lyingZip('x.json', 30 * MB, 1_000), limits);
    expect(contents.files).toEqual([]);
    expect(JSON.stringify(contents.refusals)).toMatch(/bulkImport\.zipUnsafe/u);
  });

  it('does not open an archive inside the archive', () => {
    const inner = zipArchive([{ name: 'inner.json', bytes: form }]);
    const contents = readZip('外层.zip', zipArchive([{ name: '内层.zip', bytes: inner }]), limits);
    expect(contents.files.map((f) => f.name)).toEqual(['外层.zip!内层.zip']);
    expect(contents.files.some((f) => f.name.includes('inner.json'))).toBe(false);
  });

  it('refuses a deflated entry that is not deflate', () => {
    const archive = zipArchive([{ name: 'a.json', bytes: form }]);
    const bytes = new Uint8Array(archive);
    bytes.set(deflateRawSync(Buffer.from('x')).subarray(0, 1).map(() => 0xff), 30 + Buffer.byteLength('a.json'));
    const contents = readZip('坏.zip', bytes, limits);
    expect(contents.files).toEqual([]);
    expect(contents.refusals).toHaveLength(1);
  });
});
