/**
 * Bulk import of a folder of fifty forms (twenty-five departments, 2019–2021, as text, xlsx and PDF, with
 * planted problems) and four bad files: exactly the fifty forms are stored, each in its department and
 * year with the findings its plant must raise (and none it must not), every bad file is named with its
 * reason, and importing again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkForm } from '@jixiao/core';
import { importFormText } from '@jixiao/io';
import { bulkImport, createDepartment, createRegion } from '@jixiao/server';
import type { BulkImportReport } from '@jixiao/server';
import type { Folder } from '../../../test-support/bulk-import-folder.js';
import { bulkImportFolder, FOLDER_DEPARTMENTS, PLANTS } from '../../../test-support/bulk-import-folder.js';
import { findForm } from '../src/db/repositories/forms-repository.js';
import { DIALECTS } from './helpers/dialects.js';
import type { TestApp } from './helpers/test-app.js';
import { createTestApp } from './helpers/test-app.js';

const seedText = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
/** The seed's total as printed (95.77): a form's total is this less the points taken off. */
const SEED_TOTAL = 95.77;

/** How often each planted code is found in the seed as printed (it scores one indicator above its weight). */
const seedForm = importFormText(seedText).value;
if (!seedForm) throw new Error('the seed did not import');
const baseline = (code: string): number => checkForm(seedForm).findings.filter((f) => f.code === code).length;

let folder: Folder;
beforeAll(async () => {
  folder = await bulkImportFolder(seedText);
}, 60_000);

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`bulk import of a 50-form folder on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let t: TestApp;
    let regionId: string;
    let first: BulkImportReport;
    const run = (): Promise<BulkImportReport> => bulkImport(t.ctx, { regionId, year: null, files: folder.files, createDepartments: false, userId: 'system' });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      regionId = (await createRegion(t.ctx, 'system', '番禺区')).id;
      for (const name of FOLDER_DEPARTMENTS) await createDepartment(t.ctx, 'system', { regionId, name, unitCount: 3 });
      const started = Date.now();
      first = await run();
      console.log(`${dialect.name}: ${folder.files.length} files imported in ${Date.now() - started} ms`);
    }, 120_000);
    afterAll(async () => t?.close());

    it('stores exactly the fifty forms, each in its department and year, one version each', async () => {
      expect(first.counts).toMatchObject({ imported: 0, importedWithFindings: 50, updated: 0, unchanged: 0, needsConfirmation: 0, refused: 4 });
      const rows = await t.ctx.db.selectFrom('forms').innerJoin('departments', 'departments.id', 'forms.department_id').select(['departments.name', 'forms.year', 'forms.version']).execute();
      expect(rows.map((r) => `${r.name} ${r.year}`).sort()).toEqual(folder.forms.map((f) => `${f.department} ${f.year}`).sort());
      expect(rows.every((r) => r.version === 1)).toBe(true);
    });

    it('finds on each form what was planted in it, and no planted finding where none was', async () => {
      for (const f of folder.forms) {
        const e = first.entries.find((x) => x.file === f.file);
        expect(e, f.file).toMatchObject({ outcome: 'importedWithFindings', departmentName: f.department, departmentCreated: false });
        const stored = await findForm(t.ctx.db, e?.formId ?? '');
        expect(stored, f.file).toMatchObject({ departmentName: f.department, year: f.year, state: 'draft' });
        // Each plant adds exactly one finding of its code to what the seed already has.
        for (const p of PLANTS) expect(stored?.findings.filter((x) => x.code === p).length, `${f.file}: ${p}`).toBe(baseline(p) + (p === f.plant ? 1 : 0));
        if (f.plant === 'score-above-weight') expect(e?.errorCount, f.file).toBeGreaterThan(0);
        // Points taken off lower the total by exactly that (raising a score above its weight moves it otherwise).
        if (f.plant !== 'score-above-weight') expect(stored?.total, f.file).toBeCloseTo(SEED_TOTAL - f.pointsOff, 6);
      }
      // Every kind of plant and every format is in the folder (so the loop above tested each).
      expect(new Set(folder.forms.map((f) => f.plant))).toEqual(new Set([null, ...PLANTS]));
      expect(new Set(folder.forms.map((f) => f.file.slice(f.file.lastIndexOf('.'))))).toEqual(new Set(['.txt', '.xlsx', '.pdf']));
    });

    it('names every refused file and why', () => {
      const refused = first.entries.filter((e) => e.outcome === 'refused');
      expect(refused.map((e) => ({ file: e.file, code: e.code })).sort((a, b) => a.file.localeCompare(b.file))).toEqual([...folder.refusals].sort((a, b) => a.file.localeCompare(b.file)));
      for (const e of refused.filter((x) => x.code === 'bulkImport.unreadable')) expect(e.problems.some((p) => p.severity === 'error'), e.file).toBe(true);
      const codes = (name: string) => refused.find((e) => e.file === name)?.problems.map((p) => p.code);
      expect(codes('bad-truncated.xlsx')).toContain('import.xlsx.damaged');
      expect(codes('bad-other-region.txt')).toContain('import.unsupportedLayout');
      expect(codes('bad-scrambled.pdf')?.some((c) => c.startsWith('import.pdf.'))).toBe(true);
    });

    it('importing the folder again changes nothing', async () => {
      const again = await run();
      expect(again.counts).toMatchObject({ imported: 0, importedWithFindings: 0, updated: 0, unchanged: 50, refused: 4 });
      expect((await t.ctx.db.selectFrom('forms').select('id').execute()).length).toBe(50);
      expect((await t.ctx.db.selectFrom('form_versions').select('form_id').execute()).length).toBe(50);
    });
  });
}
