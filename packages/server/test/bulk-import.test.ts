/**
 * Bulk import: a folder's worth of forms made from the seed (other departments' names, planted problems,
 * as text, JSON and xlsx) gives the expected per-file report; re-running it duplicates nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { renderMessage } from '@jixiao/core';
import { importFormText, writeForm } from '@jixiao/io';
import type { BulkImportFile, BulkImportReport } from '@jixiao/server';
import { bulkImport, createDepartment, createRegion } from '@jixiao/server';
import { findForm } from '../src/db/repositories/forms-repository.js';
import { DIALECTS } from './helpers/dialects.js';
import type { TestApp } from './helpers/test-app.js';
import { createTestApp } from './helpers/test-app.js';

const seedText = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const SEED_NAME = '广州市番禺区科技工业商务和信息化局';
const seed = (): FormDocument => {
  const form = importFormText(seedText).value;
  if (!form) throw new Error('the seed did not import');
  return form;
};

/** The region's departments; the last two differ only by a space, so their key is ambiguous. */
const DEPARTMENTS = ['教育局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '农业农村局', '商务局', '文化广电旅游体育局', '卫生健康局'].map((n) => `广州市番禺区${n}`);
const AMBIGUOUS = ['广州市番禺区水务局', '广州市番禺区 水务局'];

async function formFile(name: string, extension: '.txt' | '.json' | '.xlsx', unitName: string, plant?: (form: FormDocument) => void): Promise<BulkImportFile> {
  if (extension === '.txt') return { name, bytes: new TextEncoder().encode(seedText.replace(SEED_NAME, unitName)) };
  const form = seed();
  form.unit.name = unitName;
  plant?.(form);
  const written = await writeForm(form, extension, { lang: 'zh' });
  if (!written.ok) throw new Error(written.problem.code);
  return { name, bytes: written.bytes };
}

/** A planted problem: more executed than budgeted on basic expenditure (the seed has none such). */
const overspend = (form: FormDocument): void => {
  form.expenditure.executed.basicExpenditure = (form.expenditure.budgeted.basicExpenditure ?? 0) + 1000;
};

/** Eighteen files: twelve good ones (one with planted overspending), six with something wrong. */
async function folder(): Promise<BulkImportFile[]> {
  const extensions = ['.txt', '.json', '.xlsx'] as const;
  const good = await Promise.all(
    DEPARTMENTS.map((d, i) => {
      const extension = extensions[i % 3] ?? '.json';
      // Spacing and full-width forms do not stop a match (core's matchKey).
      const unitName = i === 2 ? d.replace('番禺区', '番禺区　') : d;
      return formFile(`${String(i).padStart(2, '0')}-${d}${extension}`, extension, unitName, i === 4 ? overspend : undefined);
    }),
  );
  return [
    ...good,
    await formFile('new-department.json', '.json', '广州市番禺区新成立局'),
    await formFile('ambiguous.json', '.json', '广州市番禺区水务局'),
    await formFile('wrong-year.json', '.json', DEPARTMENTS[0] ?? '', (f) => void (f.unit.year = 2020)),
    { name: 'garbage.txt', bytes: new TextEncoder().encode('这不是自评表\n只是一些文字\n') },
    { name: 'notes.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
    { name: 'truncated.xlsx', bytes: (await formFile('x.xlsx', '.xlsx', DEPARTMENTS[1] ?? '')).bytes.slice(0, 400) },
  ];
}

const outcomes = (report: BulkImportReport): Record<string, string> => Object.fromEntries(report.entries.map((e) => [e.file, e.outcome]));

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`bulk import on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let t: TestApp;
    let regionId: string;
    let files: BulkImportFile[];
    const formCount = async (): Promise<number> => (await t.ctx.db.selectFrom('forms').select('id').execute()).length;
    const run = (input: { files?: BulkImportFile[]; createDepartments?: boolean } = {}): Promise<BulkImportReport> =>
      bulkImport(t.ctx, { regionId, year: 2021, files: input.files ?? files, createDepartments: input.createDepartments ?? false, userId: 'system' });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      regionId = (await createRegion(t.ctx, 'system', '番禺区')).id;
      for (const name of [...DEPARTMENTS, ...AMBIGUOUS]) await createDepartment(t.ctx, 'system', { regionId, name, unitCount: 3 });
      files = await folder();
    });
    afterAll(async () => t?.close());

    it('imports the good files, each into its department, and names every file it refuses or holds back, and why', async () => {
      const progress: number[] = [];
      const report = await bulkImport(t.ctx, { regionId, year: 2021, files, createDepartments: false, userId: 'system', onProgress: (done) => progress.push(done) });
      expect(progress).toEqual(files.map((_, i) => i + 1));
      expect(report.counts).toEqual({ imported: 0, importedWithFindings: 12, updated: 0, unchanged: 0, needsConfirmation: 2, skipped: 0, refused: 4 });
      const byFile = new Map(report.entries.map((e) => [e.file, e]));
      expect(byFile.get('new-department.json')).toMatchObject({ outcome: 'needsConfirmation', code: 'bulkImport.newDepartment', formId: null });
      expect(byFile.get('ambiguous.json')).toMatchObject({ outcome: 'needsConfirmation', code: 'bulkImport.ambiguousDepartment', params: { candidates: expect.stringContaining('水务局') as unknown } });
      expect(byFile.get('wrong-year.json')).toMatchObject({ outcome: 'refused', code: 'bulkImport.yearMismatch', params: { formYear: 2020, year: 2021 } });
      expect(byFile.get('garbage.txt')).toMatchObject({ outcome: 'refused', code: 'bulkImport.unreadable' });
      expect(byFile.get('garbage.txt')?.problems.some((p) => p.severity === 'error')).toBe(true);
      expect(byFile.get('notes.docx')).toMatchObject({ outcome: 'refused', code: 'bulkImport.fileType', params: { extension: '.docx' } });
      expect(byFile.get('truncated.xlsx')).toMatchObject({ outcome: 'refused', code: 'bulkImport.unreadable' });
      // The name written with a full-width space went to 司法局; the planted overspending is found.
      expect(report.entries.find((e) => e.file.includes('司法局'))?.departmentName).toBe('广州市番禺区司法局');
      const planted = report.entries.find((e) => e.file.startsWith('04-'));
      const stored = await findForm(t.ctx.db, planted?.formId ?? '');
      expect(stored?.findings.map((f) => f.code)).toContain('executed-above-budgeted');
      const plain = await findForm(t.ctx.db, report.entries[0]?.formId ?? '');
      expect(plain).toMatchObject({ departmentName: DEPARTMENTS[0], year: 2021, state: 'draft', version: 1, total: 95.77 });
      expect(plain?.findings.map((f) => f.code)).not.toContain('executed-above-budgeted');
      expect(await formCount()).toBe(12);
    });

    it('re-running the same folder changes nothing: every imported file is unchanged, no form is duplicated', async () => {
      const report = await run();
      expect(report.counts).toMatchObject({ imported: 0, importedWithFindings: 0, updated: 0, unchanged: 12, needsConfirmation: 2, refused: 4 });
      expect(await formCount()).toBe(12);
    });

    it('a changed file becomes a new version of a draft, and is refused once the form is submitted', async () => {
      const [education, civil] = await Promise.all([
        formFile('edu.json', '.json', DEPARTMENTS[0] ?? '', (f) => void (f.narratives.goals = '修改后的目标')),
        formFile('civil.json', '.json', DEPARTMENTS[1] ?? '', (f) => void (f.narratives.goals = '修改后的目标')),
      ]);
      const civilForm = (await run()).entries.find((e) => e.departmentName === DEPARTMENTS[1])?.formId ?? '';
      await t.ctx.db.updateTable('forms').set({ state: 'submitted' }).where('id', '=', civilForm).execute();
      const report = await run({ files: [education, civil] });
      expect(outcomes(report)).toEqual({ 'edu.json': 'updated', 'civil.json': 'refused' });
      expect(report.entries[0]?.params).toMatchObject({ version: 2 });
      expect(report.entries[1]).toMatchObject({ code: 'bulkImport.locked', params: { state: 'submitted' } });
      expect(renderMessage('bulkImport.locked', report.entries[1]?.params ?? {}, 'zh')).toContain('的自评表已提交（不再是草稿）');
      expect(JSON.parse((await findForm(t.ctx.db, civilForm))?.documentJson ?? '{}')).not.toMatchObject({ narratives: { goals: '修改后的目标' } });
      expect(outcomes(await run({ files: [education] }))).toEqual({ 'edu.json': 'unchanged' });
      expect(await formCount()).toBe(12);
    });

    it('creates a new department only when told to, and never for an ambiguous name', async () => {
      const report = await run({ createDepartments: true });
      const byFile = new Map(report.entries.map((e) => [e.file, e]));
      expect(byFile.get('new-department.json')).toMatchObject({ outcome: 'importedWithFindings', departmentCreated: true, departmentName: '广州市番禺区新成立局' });
      expect(byFile.get('ambiguous.json')?.outcome).toBe('needsConfirmation');
      expect(await formCount()).toBe(13);
      expect((await run({ createDepartments: true })).counts).toMatchObject({ imported: 0, importedWithFindings: 0, needsConfirmation: 1 });
      expect(await formCount()).toBe(13);
    });
  });
}
