/**
 * Every role against the web bulk import, into each region: administrators import anywhere, reviewers into
 * their own region only (core's `bulkImport` with `inScope`), others get 403 and the public 401, and
 * nothing is read or stored for them. A name new to the region becomes a department only for those who may
 * `createDepartment`; a reviewer's confirmation of it is refused with its reason. Previews belong to
 * their caller: another's upload ids confirm nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '@jixiao/core';
import { canOrganise, inScope } from '@jixiao/core';
import { serializeForm } from '@jixiao/io';
import { DIALECTS } from './helpers/dialects.js';
import type { Caller } from './helpers/factories.js';
import { as, CALLERS, seedForm } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';
import { multipartBatch } from './helpers/multipart.js';

interface PreviewItem {
  file: string;
  uploadId: string | null;
  match: { kind: string; department?: { id: string; name: string } } | null;
  refusal: { code: string; message: string } | null;
}
interface Entry {
  file: string;
  outcome: string;
  code: string;
  message: string;
  departmentName: string | null;
}

/** A form of a department (by unit name) with no year of its own: it takes the batch's. */
function formFile(name: string, unitName: string): { name: string; bytes: Uint8Array } {
  const form = seedForm();
  form.unit.name = unitName;
  form.unit.year = null;
  return { name, bytes: new TextEncoder().encode(serializeForm(form)) };
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`bulk import permissions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const refusal = (actor: Actor | null) => (actor === null ? 401 : 403);
    const forms = async () => (await s.t.ctx.db.selectFrom('forms').select(['id', 'department_id', 'year']).execute()).length;
    const pending = async () => (await s.t.ctx.db.selectFrom('pending_uploads').select('id').execute()).length;
    const departments = async () => (await s.t.ctx.db.selectFrom('departments').select('name').execute()).map((d) => d.name);

    CALLERS.forEach((caller: Caller, i) => {
      it(`${caller}: previews and confirms a batch only into a region in their scope; creates a department only as an administrator`, async () => {
        const client = s.client(caller);
        const actor = s.actorOf(caller);
        for (const [key, regionId] of Object.entries(s.world.regions)) {
          const cell = (what: string) => `${caller} ${what} ${key}`;
          const year = String(2100 - i * 2 - (key === 'r1' ? 0 : 1));
          const known = key === 'r1' ? '甲区科技局' : '乙区民政局';
          const fresh = `新部门-${caller}-${key}`;
          const batch = multipartBatch({ regionId, year }, [formFile('known.json', known), formFile('fresh.json', fresh)]);
          const [formsBefore, pendingBefore] = [await forms(), await pending()];
          const preview = await s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/preview', headers: as(client, batch.headers), payload: batch.payload });
          const allowed = actor !== null && canOrganise(actor, 'bulkImport') && inScope(actor, { regionId, departmentId: '' });
          if (!allowed) {
            expect(preview.statusCode, cell('preview')).toBe(actor !== null && canOrganise(actor, 'bulkImport') ? 404 : refusal(actor));
            expect(await pending(), cell('preview')).toBe(pendingBefore);
            const confirm = await s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/confirm', headers: as(client), payload: { regionId, items: [{ uploadId: 'x', decision: { kind: 'match' } }] } });
            expect(confirm.statusCode, cell('confirm')).toBe(actor !== null && canOrganise(actor, 'bulkImport') ? 404 : refusal(actor));
            expect(await forms(), cell('confirm')).toBe(formsBefore);
            continue;
          }
          expect(preview.statusCode, cell('preview')).toBe(200);
          const items = (preview.json() as { items: PreviewItem[] }).items;
          expect(items.map((x) => [x.file, x.match?.kind]), cell('preview')).toEqual([['known.json', 'matched'], ['fresh.json', 'new']]);
          expect(await forms(), cell('preview stores no form')).toBe(formsBefore);

          // Another caller's uploads are not this one's to confirm.
          const other = s.client(caller === 'admin' ? 'reviewer1' : 'admin');
          const stolen = await s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/confirm', headers: as(other), payload: { regionId, items: items.map((x) => ({ uploadId: x.uploadId, decision: { kind: 'create' } })) } });
          if (stolen.statusCode === 200) expect((stolen.json() as { entries: Entry[] }).entries.map((e) => e.code), cell('stolen')).toEqual(['bulkImport.uploadExpired', 'bulkImport.uploadExpired']);
          expect(await forms(), cell('stolen')).toBe(formsBefore);

          const confirm = await s.t.app.inject({
            method: 'POST',
            url: '/api/bulk-imports/confirm',
            headers: as(client),
            payload: { regionId, items: [{ uploadId: items[0]?.uploadId, decision: { kind: 'match' } }, { uploadId: items[1]?.uploadId, decision: { kind: 'create' } }] },
          });
          expect(confirm.statusCode, cell('confirm')).toBe(200);
          const entries = (confirm.json() as { entries: Entry[] }).entries;
          expect(entries[0], cell('confirm known')).toMatchObject({ file: 'known.json', outcome: 'importedWithFindings', departmentName: known });
          if (canOrganise(actor, 'createDepartment')) {
            expect(entries[1], cell('confirm new')).toMatchObject({ outcome: 'importedWithFindings', departmentName: fresh });
            expect(await departments(), cell('confirm new')).toContain(fresh);
            expect(await forms(), cell('confirm')).toBe(formsBefore + 2);
          } else {
            expect(entries[1], cell('confirm new')).toMatchObject({ outcome: 'refused', code: 'bulkImport.createNotAllowed' });
            expect(await departments(), cell('confirm new')).not.toContain(fresh);
            expect(await forms(), cell('confirm')).toBe(formsBefore + 1);
          }
        }
      });
    });

    it('a reviewer cannot send a form to a department of another region, and a confirmed preview is not confirmed twice', async () => {
      const reviewer = s.client('reviewer1');
      const batch = multipartBatch({ regionId: s.world.regions.r1, year: '2090' }, [formFile('a.json', '甲区教育局')]);
      const preview = await s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/preview', headers: as(reviewer, batch.headers), payload: batch.payload });
      const uploadId = (preview.json() as { items: PreviewItem[] }).items[0]?.uploadId;
      const send = (decision: object) => s.t.app.inject({ method: 'POST', url: '/api/bulk-imports/confirm', headers: as(reviewer, { 'accept-language': 'en' }), payload: { regionId: s.world.regions.r1, items: [{ uploadId, decision }] } });
      const elsewhere = await send({ kind: 'department', departmentId: s.world.departments.d3 });
      expect((elsewhere.json() as { entries: Entry[] }).entries[0]).toMatchObject({ outcome: 'refused', message: "Refused: the department chosen is not in the import's region." });
      const chosen = await send({ kind: 'department', departmentId: s.world.departments.d1 });
      expect((chosen.json() as { entries: Entry[] }).entries[0]).toMatchObject({ outcome: 'importedWithFindings', departmentName: '甲区科技局' });
      const twice = await send({ kind: 'match' });
      expect((twice.json() as { entries: Entry[] }).entries[0]).toMatchObject({ outcome: 'refused', code: 'bulkImport.uploadExpired' });
    });

    it('the endpoints are in the OpenAPI description', async () => {
      const spec = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      expect(Object.keys(spec.paths['/api/bulk-imports/preview'] ?? {})).toEqual(['post']);
      expect(Object.keys(spec.paths['/api/bulk-imports/confirm'] ?? {})).toEqual(['post']);
    });
  });
}
