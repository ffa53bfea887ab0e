/**
 * The web bulk import through the real app: a .zip and loose files previewed together (archive entries
 * named by archive and path, an entry that climbs out refused), an ambiguous name settled by picking a
 * department, a file skipped, the report in English on request; and the bounds: no files, no region, too
 * many files, a batch too large, each refused with its reason and nothing kept.
 */
import { describe, expect, it } from 'vitest';
import { serializeForm } from '@jixiao/io';
import { zipArchive } from '../../../test-support/zip-archive.js';
import { BULK_UPLOAD_LIMITS } from '../src/services/bulk-import-batch-service.js';
import { insertDepartment } from '../src/db/repositories/organisations-repository.js';
import { DIALECTS } from './helpers/dialects.js';
import { as, seedForm } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';
import { multipartBatch } from './helpers/multipart.js';

interface PreviewItem {
  file: string;
  uploadId: string | null;
  unitName: string | null;
  year: number | null;
  match: { kind: string; candidates?: { id: string; name: string }[] } | null;
  refusal: { code: string; message: string } | null;
}

function formBytes(unitName: string, year: number | null): Uint8Array {
  const form = seedForm();
  form.unit.name = unitName;
  form.unit.year = year;
  return new TextEncoder().encode(serializeForm(form));
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`web bulk import on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const pending = async () => (await s.t.ctx.db.selectFrom('pending_uploads').select('id').execute()).length;
    const preview = (fields: Record<string, string>, files: { name: string; bytes: Uint8Array }[], lang = 'zh-CN') => {
      const batch = multipartBatch(fields, files);
      return s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/preview', headers: as(s.client('admin'), { ...batch.headers, 'accept-language': lang }), payload: batch.payload });
    };
    const confirm = (items: object[], lang = 'zh-CN') =>
      s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/confirm', headers: as(s.client('admin'), { 'accept-language': lang }), payload: { regionId: s.world.regions.r1, items } });

    it('previews a zip with loose files, settles an ambiguous name by a pick, skips a file, and reports each', async () => {
      // A second department whose name differs from 甲区教育局 only by a full-width space: ambiguous.
      await insertDepartment(s.t.ctx.db, { id: 'twin', regionId: s.world.regions.r1, name: '甲区　教育局', unitCount: 1 });
      const archive = zipArchive([
        { name: 'in/science.json', bytes: formBytes('甲区科技局', 2022) },
        { name: '../escape.json', bytes: formBytes('甲区科技局', 2022) },
      ]);
      const res = await preview({ regionId: s.world.regions.r1 }, [
        { name: 'batch.zip', bytes: archive },
        { name: 'education.json', bytes: formBytes('甲区教育局', 2022) },
        { name: 'skip-me.json', bytes: formBytes('甲区科技局', 2023) },
        { name: 'other-year.json', bytes: formBytes('甲区科技局', null) },
      ], 'en');
      expect(res.statusCode).toBe(200);
      const items = (res.json() as { items: PreviewItem[] }).items;
      const byFile = new Map(items.map((i) => [i.file, i]));
      expect(byFile.get('batch.zip!in/science.json')).toMatchObject({ unitName: '甲区科技局', year: 2022, match: { kind: 'matched' } });
      expect(byFile.get('education.json')?.match?.kind).toBe('ambiguous');
      expect(byFile.get('education.json')?.match?.candidates?.map((c) => c.id).sort()).toEqual([s.world.departments.d2, 'twin'].sort());
      // No year given and none in the form: refused, saying what to do.
      expect(byFile.get('other-year.json')?.refusal).toMatchObject({ code: 'bulkImport.noYear', message: "Refused: the form names no year; give the import's year (at the command line, --year)." });
      expect(byFile.get('batch.zip!../escape.json')?.refusal).toMatchObject({ code: 'bulkImport.zipUnsafe' });

      const id = (file: string) => byFile.get(file)?.uploadId;
      const done = await confirm([
        { uploadId: id('batch.zip!in/science.json'), decision: { kind: 'match' } },
        { uploadId: id('education.json'), decision: { kind: 'match' } },
        { uploadId: id('skip-me.json'), decision: { kind: 'skip' } },
      ]);
      const entries = (done.json() as { entries: { file: string; outcome: string; message: string }[] }).entries;
      expect(entries.map((e) => [e.file, e.outcome])).toEqual([
        ['batch.zip!in/science.json', 'importedWithFindings'],
        ['education.json', 'needsConfirmation'],
        ['skip-me.json', 'skipped'],
      ]);
      expect(entries[1]?.message).toContain('同时对应多个部门');
      // The ambiguous file's preview is still there to be settled by a pick.
      const picked = await confirm([{ uploadId: id('education.json'), decision: { kind: 'department', departmentId: 'twin' } }]);
      expect((picked.json() as { entries: { outcome: string; departmentName: string }[] }).entries[0]).toMatchObject({ outcome: 'importedWithFindings', departmentName: '甲区　教育局' });
      const stored = await s.t.ctx.db.selectFrom('forms').select(['department_id', 'year']).where('year', 'in', [2022, 2023]).execute();
      expect(stored.map((f) => `${f.department_id} ${f.year}`).sort()).toEqual([`${s.world.departments.d1} 2022`, 'twin 2022'].sort());
    });

    it('refuses a batch without files or region, with too many files, or too large, and keeps nothing', async () => {
      const before = await pending();
      const one = [{ name: 'a.json', bytes: formBytes('甲区科技局', 2024) }];
      expect((await preview({ regionId: s.world.regions.r1 }, [])).json()).toMatchObject({ error: { code: 'api.noFile' } });
      expect((await preview({}, one)).statusCode).toBe(400);
      expect((await preview({ regionId: s.world.regions.r1, year: '20x4' }, one)).statusCode).toBe(400);
      expect((await preview({ regionId: 'no-such-region' }, one)).statusCode).toBe(404);
      const many = Array.from({ length: BULK_UPLOAD_LIMITS.uploads + 1 }, (_, i) => ({ name: `${i}.txt`, bytes: new Uint8Array([0x41]) }));
      expect((await preview({ regionId: s.world.regions.r1 }, many)).statusCode).toBe(413);
      const big = new Uint8Array(BULK_UPLOAD_LIMITS.fileBytes + 1);
      const tooLarge = await preview({ regionId: s.world.regions.r1 }, [{ name: 'big.txt', bytes: big }]);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ error: { code: 'api.fileTooLarge' } });
      expect(await pending()).toBe(before);
    });
  });
}
