/**
 * Publication on every database: the public index of a year (grade first, then total) and the year's
 * open-data package, read back from the zip as a user of the data would and compared with the forms' own
 * figures through the public API. Every caller — each role in and out of scope, and the public — gets the
 * same bytes, and nothing unpublished ever appears in any of it.
 */
import JSZip from 'jszip';
import { describe, expect, it, beforeAll } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, formatFixed, leavesOf } from '@jixiao/core';
import { readCsv } from '@jixiao/io';
import { upsertReview } from '../src/db/repositories/forms-repository.js';
import { insertTask, insertTemplate } from '../src/db/repositories/templates-repository.js';
import { OpenDataCache } from '../src/services/open-data-cache.js';
import { changeDepartment } from '../src/services/organisation-service.js';
import { createFormRow } from '../src/services/task-service.js';
import { DIALECTS } from './helpers/dialects.js';
import { as, buildForm, CALLERS, seedForm } from './helpers/factories.js';
import { matrixSuite } from './helpers/matrix-suite.js';

/** The seed with some points lost on duty indicators: a 良 form. */
function weakerForm(name: string): FormDocument {
  const form = seedForm();
  form.unit.name = name;
  let lost = 0;
  for (const { leaf, category } of leavesOf(form)) {
    if (category === 'duty' && leaf.selfScore !== null && leaf.selfScore >= 2 && lost < 10) {
      leaf.selfScore -= 2;
      lost += 2;
    }
  }
  form.expenditure.budgeted.fiscalAppropriation = 1234.5;
  form.expenditure.executed.transferPayment = null;
  return form;
}

/** Records of a CSV, keyed by header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ''])));
}

async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await (zip.file(name)?.async('string') ?? ''));
  return out;
}

interface RankingAnswer {
  year: number | null;
  forms: { id: string; rank: number; departmentName: string; total: number; grade: string; state: string }[];
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`publication and open data on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = matrixSuite(dialect);
    const made = { seed: '', weaker: '', unpublished: [] as string[], reviewed: '' };
    const get = (url: string, headers: Record<string, string> = {}) => s.t.app.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      const { ctx } = s.t;
      const { departments, regions } = s.world;
      // d1's 2021 form came from a task of template version 3; d3's (another region) was imported without one.
      const templateId = ctx.newId();
      await insertTemplate(ctx.db, { id: templateId, regionId: regions.r1, year: 2021, version: 3, documentJson: JSON.stringify(seedForm()), createdAt: '2021-01-01T00:00:00Z', createdBy: 'factory' });
      const taskId = ctx.newId();
      await insertTask(ctx.db, { id: taskId, regionId: regions.r1, year: 2021, deadline: '2022-03-31', templateId, createdAt: '2021-01-01T00:00:00Z', createdBy: 'factory' });
      made.seed = await createFormRow(ctx, ctx.db, 'factory', { departmentId: departments.d1, regionId: regions.r1, year: 2021, taskId, document: seedForm(), action: 'create', state: 'published' });
      made.weaker = await createFormRow(ctx, ctx.db, 'factory', { departmentId: departments.d3, regionId: regions.r2, year: 2021, taskId: null, document: weakerForm('乙区民政局'), action: 'create', state: 'published' });
      const reviewed = leavesOf(seedForm())[2]?.leaf;
      if (!reviewed) throw new Error('no leaf');
      made.reviewed = reviewed.id;
      await upsertReview(ctx.db, made.seed, { indicatorId: reviewed.id, score: 1.25, comment: '=佐证材料不全，扣分', reviewerId: 'factory', updatedAt: '2022-04-01T00:00:00Z' });
      // Unpublished forms of the same year and another, with reviews of their own: never to be seen.
      for (const state of ['draft', 'submitted', 'returned', 'approved'] as const) {
        const form = await buildForm(ctx, s.world, departments.d2, state, state === 'approved' ? 2021 : undefined);
        made.unpublished.push(form.marker);
        await upsertReview(ctx.db, form.id, { indicatorId: reviewed.id, score: 0.5, comment: `机密复核${form.id}`, reviewerId: 'factory', updatedAt: '2022-04-01T00:00:00Z' });
        made.unpublished.push(`机密复核${form.id}`);
      }
      // 2020 has one published form; 2019 only a draft.
      await buildForm(ctx, s.world, departments.d2, 'published', 2020);
      made.unpublished.push((await buildForm(ctx, s.world, departments.d1, 'draft', 2019)).marker);
    });

    it('lists the years with published forms, latest first, counting only published forms', async () => {
      const res = await get('/api/public/years');
      expect(res.statusCode).toBe(200);
      const years = (res.json() as { years: { year: number; count: number }[] }).years.filter((y) => y.year < 2100);
      expect(years).toEqual([
        { year: 2021, count: 2 },
        { year: 2020, count: 1 },
      ]);
    });

    it('ranks a year grade first, then total; the latest published year when none is asked; an empty year is an empty list', async () => {
      const ranking = (await get('/api/public/ranking?year=2021')).json() as RankingAnswer;
      expect(ranking.year).toBe(2021);
      expect(ranking.forms.map((f) => [f.rank, f.id, f.grade])).toEqual([
        [1, made.seed, 'excellent'],
        [2, made.weaker, 'good'],
      ]);
      expect(ranking.forms[0]?.total).toBe(95.77);
      expect(ranking.forms.every((f) => f.state === 'published')).toBe(true);
      const latest = (await get('/api/public/ranking')).json() as RankingAnswer;
      expect(latest.year).toBeGreaterThanOrEqual(2021);
      expect(((await get('/api/public/ranking?year=2019')).json() as RankingAnswer).forms).toEqual([]);
    });

    it("the package's figures are the forms': summaries, every amount in 万元 and every score, read back from the zip", async () => {
      const res = await get('/api/public/open-data/2021.zip');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toContain('jixiao-open-data-2021.zip');
      const files = await unzip(res.rawPayload);
      expect([...files.keys()].sort()).toEqual(['datapackage.json', 'expenditure.csv', 'indicators.csv', 'summaries.csv']);

      const ranking = (await get('/api/public/ranking?year=2021')).json() as RankingAnswer;
      const summaries = records(files.get('summaries.csv') ?? '');
      expect(summaries.map((r) => [r['rank'], r['formId'], r['department'], r['total'], r['grade'], r['state']])).toEqual(
        ranking.forms.map((f) => [String(f.rank), f.id, f.departmentName, String(f.total), f.grade, 'published']),
      );
      expect(summaries.map((r) => [r['region'], r['templateVersion'], r['reviewedIndicators']])).toEqual([
        ['甲区', '3', '1'],
        ['乙区', '', '0'],
      ]);

      const expenditure = records(files.get('expenditure.csv') ?? '');
      const indicators = records(files.get('indicators.csv') ?? '');
      for (const f of ranking.forms) {
        const document = ((await get(`/api/public/forms/${f.id}`)).json() as { document: FormDocument }).document;
        for (const phase of ['budgeted', 'executed'] as const) {
          for (const column of EXPENDITURE_COLUMNS) {
            const value = document.expenditure[phase][column];
            const row = expenditure.filter((r) => r['formId'] === f.id && r['column'] === column && r['phase'] === phase);
            expect(row.map((r) => r['amount']), `${f.departmentName} ${phase} ${column}`).toEqual([value === null ? '' : formatFixed(value, 2)]);
          }
        }
        const rows = indicators.filter((r) => r['formId'] === f.id);
        expect(rows.map((r) => [r['indicatorId'], r['level3'], r['weight'], r['selfScore']])).toEqual(
          leavesOf(document).map(({ leaf }) => [leaf.id, leaf.name, leaf.weight === null ? '' : String(leaf.weight), leaf.selfScore === null ? '' : String(leaf.selfScore)]),
        );
      }
      expect(expenditure.find((r) => r['formId'] === made.weaker && r['column'] === 'fiscalAppropriation' && r['phase'] === 'budgeted')?.['amount']).toBe('1234.50');
      const review = indicators.find((r) => r['formId'] === made.seed && r['indicatorId'] === made.reviewed);
      expect([review?.['reviewScore'], review?.['reviewComment']]).toEqual(['1.25', "'=佐证材料不全，扣分"]);

      const descriptor = JSON.parse(files.get('datapackage.json') ?? '{}') as { fiscalYear: number; indicatorFramework: { versions: unknown[] }; resources: { path: string; schema: { fields: { name: string }[] } }[]; sources: { path: string }[] };
      expect(descriptor.fiscalYear).toBe(2021);
      expect(descriptor.indicatorFramework.versions).toEqual([{ version: null, forms: 1 }, { version: 3, forms: 1 }]);
      expect(descriptor.sources[0]?.path).toBe('/public/2021');
      for (const resource of descriptor.resources) expect(readCsv(files.get(resource.path) ?? '')[0], resource.path).toEqual(resource.schema.fields.map((f) => f.name));
    });

    it('serves each file alone, the same bytes as inside the zip', async () => {
      const files = await unzip((await get('/api/public/open-data/2021.zip')).rawPayload);
      for (const file of ['datapackage.json', 'summaries.csv', 'expenditure.csv', 'indicators.csv']) {
        const res = await get(`/api/public/open-data/2021/${file}`);
        expect(res.statusCode, file).toBe(200);
        expect(res.body, file).toBe(files.get(file));
      }
      expect((await get('/api/public/open-data/2021/secrets.csv')).statusCode).toBe(400);
    });

    it('a year with nothing published answers 404 with a message in Chinese or English that names the year', async () => {
      const zh = await get('/api/public/open-data/2019.zip');
      expect(zh.statusCode).toBe(404);
      expect((zh.json() as { error: { code: string; message: string } }).error).toEqual({ code: 'api.nothingPublished', message: expect.stringContaining('2019 年度没有已公开的自评表') as string });
      const en = await get('/api/public/open-data/2019/summaries.csv', { 'accept-language': 'en' });
      expect(en.statusCode).toBe(404);
      expect(en.body).toContain('Nothing is published for 2019');
      expect(en.body).not.toMatch(/机密/u);
      expect((await get('/api/public/open-data/19x.zip')).statusCode).toBe(400);
    });

    it('is in the OpenAPI document', async () => {
      const paths = Object.keys((JSON.parse((await get('/api/docs/json')).body) as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(expect.arrayContaining(['/api/public/years', '/api/public/ranking', '/api/public/open-data/{year}.zip', '/api/public/open-data/{year}/{file}']));
    });

    it('a form published after a download is in the very next download (the kept package is not served stale)', async () => {
      const summariesOf = async () => {
        const res = await get('/api/public/open-data/2022.zip');
        return res.statusCode === 200 ? records((await unzip(res.rawPayload)).get('summaries.csv') ?? '').map((r) => r['unit']).sort() : res.statusCode;
      };
      expect(await summariesOf()).toBe(404);
      const first = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'published', 2022);
      expect(await summariesOf()).toEqual([first.marker]);
      expect((await get('/api/public/open-data/2022/summaries.csv')).body).toContain(first.marker);
      const second = await buildForm(s.t.ctx, s.world, s.world.departments.d3, 'published', 2022);
      expect(await summariesOf()).toEqual([first.marker, second.marker].sort());
      expect((await get('/api/public/open-data/2022/summaries.csv')).body).toContain(second.marker);
    });

    for (const caller of CALLERS) {
      it(`${caller}: the public index and the package are the same for everyone and hold nothing unpublished`, async () => {
        const headers = as(s.client(caller));
        const anonymous = await get('/api/public/open-data/2021.zip');
        const answers = [
          await get('/api/public/years', headers),
          await get('/api/public/ranking?year=2021', headers),
          await get('/api/public/ranking', headers),
          await get('/api/public/open-data/2021.zip', headers),
          ...(await Promise.all(['datapackage.json', 'summaries.csv', 'expenditure.csv', 'indicators.csv'].map((f) => get(`/api/public/open-data/2021/${f}`, headers)))),
        ];
        for (const res of answers) expect(res.statusCode, `${caller} ${res.body.slice(0, 100)}`).toBe(200);
        expect(answers[3]?.rawPayload.equals(anonymous.rawPayload), `${caller} gets the anonymous bytes`).toBe(true);
        const zipped = [...(await unzip(answers[3]?.rawPayload ?? Buffer.alloc(0))).values()].join('\n');
        for (const text of [...answers.map((a) => a.body), zipped]) {
          for (const marker of made.unpublished) expect(text, `${caller} sees ${marker}`).not.toContain(marker);
        }
      });
    }

    it('keeps a package while nothing changed, and makes it afresh after its minute (a renamed department shows)', async () => {
      const cache = new OpenDataCache(10_000);
      const kept = await cache.package(s.t.ctx, 2021, 'https://example.org/public/2021');
      expect(await cache.package(s.t.ctx, 2021, 'https://example.org/public/2021')).toBe(kept);
      await changeDepartment(s.t.ctx, 'system', s.world.departments.d3, { name: '乙区民政局（更名）' });
      // The test clock moves a second a reading: eleven readings are past the ten seconds the package is kept.
      for (let i = 0; i < 11; i++) s.t.ctx.clock();
      const fresh = await cache.package(s.t.ctx, 2021, 'https://example.org/public/2021');
      expect(fresh).not.toBe(kept);
      const summaries = new TextDecoder().decode(fresh.files.find((f) => f.path === 'summaries.csv')?.bytes);
      expect(summaries).toContain('乙区民政局（更名）');
      await changeDepartment(s.t.ctx, 'system', s.world.departments.d3, { name: '乙区民政局' });
    });
  });
}
