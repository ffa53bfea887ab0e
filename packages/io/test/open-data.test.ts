/**
 * The open-data package of a year, read back as a user of the data would: unzip, read datapackage.json,
 * read every CSV with a strict reader, and find the forms' own figures — amounts exactly as printed in 万元,
 * scores as entered, review scores beside them — in the ranking order, every column described.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, formatFixed, leavesOf } from '@jixiao/core';
import type { OpenDataForm, OpenDataInput } from '../src/index.js';
import { DATAPACKAGE_PATH, openDataFiles, readCsv, writeOpenDataZip } from '../src/index.js';
import { seedForm } from './helpers/forms.js';

// Keep the BOM: the test checks it is there.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function formOf(id: string, department: string, document: FormDocument, total: number, grade: OpenDataForm['grade'], reviews: OpenDataForm['reviews'] = []): OpenDataForm {
  return { formId: id, year: 2021, regionName: '番禺区', departmentName: department, total, grade, state: 'published', publishedDate: '2022-04-02', templateVersion: 2, document, reviews };
}

/** Three published forms: the seed (优 95.77), a 良 one with a formula-like target and a review, and a tie-free 优 below the seed. */
function input(): OpenDataInput {
  const seed = seedForm();
  const good = seedForm();
  good.unit.name = '番禺区"民政"局, 本级';
  const firstLeaf = leavesOf(good)[0]?.leaf;
  if (!firstLeaf) throw new Error('no leaf');
  firstLeaf.target = '=1+1 多行\n第二行';
  firstLeaf.notApplicable = true;
  good.expenditure.budgeted.fiscalAppropriation = 0.1;
  good.expenditure.executed.otherFunds = null;
  const reviewed = leavesOf(seed)[1]?.leaf;
  if (!reviewed) throw new Error('no leaf');
  return {
    year: 2021,
    createdAt: '2026-11-27T08:00:00.000Z',
    provenance: { software: { name: 'jixiao', version: '0.1.0' }, publisher: '番禺区财政局', licence: { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0' }, sourceUrl: 'https://example.org/public' },
    forms: [
      formOf('f-good', '番禺区民政局', good, 85.5, 'good'),
      formOf('f-seed', '番禺区科技工业商务和信息化局', seed, 95.77, 'excellent', [{ indicatorId: reviewed.id, score: 1.5, comment: '佐证不足, 扣0.5分' }]),
      formOf('f-low', '番禺区教育局', seedForm(), 91, 'excellent'),
    ],
  };
}

/** A CSV file of the package as records keyed by header. */
function records(files: ReturnType<typeof openDataFiles>, path: string): Record<string, string>[] {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  const text = decoder.decode(file.bytes);
  expect(text.startsWith('\uFEFF'), `${path} starts with a BOM`).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ''])));
}

interface Descriptor {
  fiscalYear: number;
  currency: string;
  indicatorFramework: { versions: { version: number | null; forms: number }[] };
  producer: { software: string; version: string };
  licenses: { name: string }[];
  model: { measures: { amount: { currency: string; factor: number; source: string } } };
  resources: { name: string; path: string; bytes: number; schema: { fields: { name: string; type: string; constraints: { required: boolean; enum?: string[] }; options?: { factor: number; currency: string } }[]; primaryKey: string[] } }[];
}

describe('open-data package', () => {
  const files = openDataFiles(input());
  const descriptor = JSON.parse(decoder.decode(files.find((f) => f.path === DATAPACKAGE_PATH)?.bytes)) as Descriptor;

  it('describes every file and every column, in the order of the CSV headers, with types the values satisfy', () => {
    expect(files.map((f) => f.path).sort()).toEqual(['datapackage.json', 'expenditure.csv', 'indicators.csv', 'summaries.csv']);
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(['expenditure.csv', 'indicators.csv', 'summaries.csv']);
    for (const resource of descriptor.resources) {
      const file = files.find((f) => f.path === resource.path);
      expect(resource.bytes).toBe(file?.bytes.byteLength);
      const [header, ...rows] = readCsv(decoder.decode(file?.bytes));
      expect(header, resource.path).toEqual(resource.schema.fields.map((f) => f.name));
      for (const row of rows) {
        resource.schema.fields.forEach((field, i) => {
          const value = row[i] ?? '';
          const where = `${resource.path} ${field.name} «${value}»`;
          if (value === '') {
            expect(field.constraints.required, where).toBe(false);
            return;
          }
          if (field.type === 'number') expect(value, where).toMatch(/^-?\d+(\.\d+)?$/u);
          if (field.type === 'integer') expect(value, where).toMatch(/^-?\d+$/u);
          if (field.type === 'boolean') expect(['true', 'false'], where).toContain(value);
          if (field.type === 'date') expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
          if (field.constraints.enum) expect(field.constraints.enum, where).toContain(value);
        });
      }
      const keys = rows.map((row) => resource.schema.primaryKey.map((k) => row[header?.indexOf(k) ?? -1]).join('|'));
      expect(new Set(keys).size, `${resource.path} primary key is unique`).toBe(keys.length);
    }
  });

  it('says the year, CNY, factor 10000 on the amounts, the framework version, the licence and the producing software', () => {
    expect(descriptor.fiscalYear).toBe(2021);
    expect(descriptor.currency).toBe('CNY');
    expect(descriptor.model.measures.amount).toMatchObject({ source: 'amount', currency: 'CNY', factor: 10000 });
    const amount = descriptor.resources.find((r) => r.name === 'expenditure')?.schema.fields.find((f) => f.name === 'amount');
    expect(amount?.options).toMatchObject({ factor: 10000, currency: 'CNY' });
    expect(descriptor.indicatorFramework.versions).toEqual([{ version: 2, forms: 3 }]);
    expect(descriptor.producer).toEqual({ software: 'jixiao', version: '0.1.0' });
    expect(descriptor.licenses[0]?.name).toBe('CC-BY-4.0');
  });

  it('lists the summaries in ranking order — grade, then total — with the review total where a review was given', () => {
    const summaries = records(files, 'summaries.csv');
    expect(summaries.map((s) => [s['rank'], s['formId'], s['total'], s['grade'], s['gradeLabel']])).toEqual([
      ['1', 'f-seed', '95.77', 'excellent', '优'],
      ['2', 'f-low', '91', 'excellent', '优'],
      ['3', 'f-good', '85.5', 'good', '良'],
    ]);
    const seed = summaries[0];
    expect(seed?.['reviewedIndicators']).toBe('1');
    // The seed's second leaf carries a self-score of 2; the review gives 1.5, so the reviewed total is 0.5 lower.
    const selfScore = leavesOf(seedForm())[1]?.leaf.selfScore ?? 0;
    expect(seed?.['reviewTotal']).toBe(formatFixed(95.77 - selfScore + 1.5, 2).replace(/\.?0+$/u, ''));
    expect(summaries[1]?.['reviewTotal']).toBe('');
    expect(summaries[2]?.['unit']).toBe('番禺区"民政"局, 本级');
    expect(summaries.every((s) => s['state'] === 'published' && s['publishedDate'] === '2022-04-02' && s['templateVersion'] === '2')).toBe(true);
  });

  it('holds every amount exactly as in the form, in 万元, for both phases of every column', () => {
    const rows = records(files, 'expenditure.csv');
    expect(rows).toHaveLength(3 * EXPENDITURE_COLUMNS.length * 2);
    for (const f of input().forms) {
      for (const phase of ['budgeted', 'executed'] as const) {
        for (const column of EXPENDITURE_COLUMNS) {
          const row = rows.find((r) => r['formId'] === f.formId && r['column'] === column && r['phase'] === phase);
          const value = f.document.expenditure[phase][column];
          expect(row?.['amount'], `${f.formId} ${phase} ${column}`).toBe(value === null ? '' : formatFixed(value, 2));
        }
      }
    }
    expect(rows.find((r) => r['formId'] === 'f-good' && r['column'] === 'fiscalAppropriation' && r['phase'] === 'budgeted')?.['amount']).toBe('0.10');
    expect(rows.find((r) => r['formId'] === 'f-seed' && r['column'] === 'fiscalAppropriation' && r['phase'] === 'budgeted')?.['columnLabel']).toBe('财政拨款');
  });

  it('has one row per level-3 indicator with self and review scores, guards formula-like text and keeps line breaks', () => {
    const rows = records(files, 'indicators.csv');
    const leaves = leavesOf(seedForm());
    expect(rows).toHaveLength(3 * leaves.length);
    const seedRows = rows.filter((r) => r['formId'] === 'f-seed');
    leaves.forEach(({ leaf, ancestors }, i) => {
      const row = seedRows[i];
      expect(row?.['level3']).toBe(leaf.name);
      expect(row?.['level1']).toBe(ancestors[0]?.name);
      expect(row?.['weight']).toBe(leaf.weight === null ? '' : String(leaf.weight));
      expect(row?.['selfScore']).toBe(leaf.selfScore === null ? '' : String(leaf.selfScore));
    });
    expect(seedRows[1]?.['reviewScore']).toBe('1.5');
    expect(seedRows[1]?.['reviewComment']).toBe('佐证不足, 扣0.5分');
    const guarded = rows.find((r) => r['formId'] === 'f-good' && r['indicatorId'] === leaves[0]?.leaf.id);
    expect(guarded?.['target']).toBe("'=1+1 多行\n第二行");
    expect(guarded?.['notApplicable']).toBe('true');
  });

  it('zips the same files, at the root, and makes the same bytes for the same data', async () => {
    const zipped = await writeOpenDataZip(input());
    const zip = await JSZip.loadAsync(zipped);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['datapackage.json', 'expenditure.csv', 'indicators.csv', 'summaries.csv']);
    for (const file of files) expect(await zip.file(file.path)?.async('uint8array')).toEqual(file.bytes);
    expect(await writeOpenDataZip(input())).toEqual(zipped);
  });

  it('an empty year is a package with headers only', () => {
    const empty = openDataFiles({ ...input(), forms: [] });
    expect(records(empty, 'summaries.csv')).toEqual([]);
    expect(readCsv(decoder.decode(empty.find((f) => f.path === 'summaries.csv')?.bytes))[0]).toContain('rank');
  });
});

describe('readCsv', () => {
  it('reads quoted commas, quotes and line breaks, with or without a BOM and a last line end', () => {
    expect(readCsv('\uFEFFa,b\r\n"x,1","say ""hi""\r\nthere"\r\n')).toEqual([['a', 'b'], ['x,1', 'say "hi"\r\nthere']]);
    expect(readCsv('a,b\n,""')).toEqual([['a', 'b'], ['', '']]);
  });

  it('refuses what is malformed, saying on which line', () => {
    expect(() => readCsv('a,b\r\n"x,1\r\n')).toThrow(/line 2.*not closed/u);
    expect(() => readCsv('a,b\r\nx"y,1\r\n')).toThrow(/line 2.*unquoted/u);
    expect(() => readCsv('a,b\r\n"x"y,1\r\n')).toThrow(/line 2.*after a closing quote/u);
    expect(() => readCsv('a,b\r\nx\r\n')).toThrow(/line 2: 1 fields/u);
  });
});
