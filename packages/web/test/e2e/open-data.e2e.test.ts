/**
 * End to end in Chromium: an anonymous visitor opens the demo's public index, picks a year, sees the
 * published departments ranked grade first and then by total, downloads the year's open-data package,
 * and the test unzips it and reads its CSV files back, checking them against the public API's figures.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { EXPENDITURE_COLUMNS, formatFixed, gradeLabel, leavesOf } from '@jixiao/core';
import { readCsv } from '@jixiao/io';
import type { AppServer } from './harness.js';
import { browserSkipReason, screenshot, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

interface RankingAnswer {
  year: number | null;
  forms: { id: string; rank: number; departmentName: string; total: number; grade: 'excellent' | 'good' | 'fair' | 'poor' }[];
}

/** Records of a CSV, keyed by header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ''])));
}

describe.skipIf(missing !== null)('the public index and its open data in Chromium', () => {
  const suite = useDemoInBrowser();
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });
  const api = async <T,>(path: string): Promise<T> => (await (await fetch(`${server.url}${path}`)).json()) as T;

  it('an anonymous visitor picks a year, sees the ranking, downloads the package and its CSVs hold the published figures', async () => {
    await page.goto(`${server.url}/public`);
    // The demo publishes its sister departments' 2020 forms; the latest published year shows first.
    const years = await api<{ years: { year: number; count: number }[] }>('/api/public/years');
    expect(years.years.map((y) => y.year)).toContain(2020);
    await page.getByTestId('public-form-card').first().waitFor();

    await page.getByTestId('public-year').click();
    await page.getByTitle('2020 年度（3 个部门）').click();
    await page.waitForURL(/\/public\/2020$/u);
    const ranking = await api<RankingAnswer>('/api/public/ranking?year=2020');
    expect(ranking.forms).toHaveLength(3);
    const rows = page.getByTestId('public-form-card');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain(ranking.forms[0]?.departmentName ?? '?');
    // What the visitor reads, row by row: rank, grade, department and total, in the API's ranking order.
    for (const [i, f] of ranking.forms.entries()) {
      const text = (await rows.nth(i).textContent()) ?? '';
      expect(text).toBe(`${f.rank}${gradeLabel(f.grade)}${f.departmentName}${formatFixed(f.total, 2)}`);
      expect(await rows.nth(i).getByRole('link').getAttribute('href')).toBe(`/public/forms/${f.id}`);
    }
    // Grade first, then total: no row outranks the one above it.
    const order = ['excellent', 'good', 'fair', 'poor'];
    for (let i = 1; i < ranking.forms.length; i++) {
      const [above, below] = [ranking.forms[i - 1], ranking.forms[i]];
      if (!above || !below) throw new Error('missing row');
      const gradeStep = order.indexOf(below.grade) - order.indexOf(above.grade);
      expect(gradeStep > 0 || (gradeStep === 0 && below.total <= above.total), `${above.departmentName} before ${below.departmentName}`).toBe(true);
    }
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await screenshot(page, 'public-ranking');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-open-data').click()]);
    expect(download.suggestedFilename()).toBe('jixiao-open-data-2020.zip');
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    expect(Object.keys(zip.files).sort()).toEqual(['datapackage.json', 'expenditure.csv', 'indicators.csv', 'summaries.csv']);
    const file = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';

    const summaries = records(await file('summaries.csv'));
    expect(summaries.map((r) => [r['rank'], r['formId'], r['department'], r['total'], r['grade'], r['state'], r['year']])).toEqual(
      ranking.forms.map((f) => [String(f.rank), f.id, f.departmentName, formatFixed(f.total, 2).replace(/\.?0+$/u, ''), f.grade, 'published', '2020']),
    );
    const expenditure = records(await file('expenditure.csv'));
    const indicators = records(await file('indicators.csv'));
    for (const f of ranking.forms) {
      const { document } = await api<{ document: FormDocument }>(`/api/public/forms/${f.id}`);
      for (const phase of ['budgeted', 'executed'] as const) {
        for (const column of EXPENDITURE_COLUMNS) {
          const value = document.expenditure[phase][column];
          const amount = expenditure.filter((r) => r['formId'] === f.id && r['phase'] === phase && r['column'] === column).map((r) => r['amount']);
          expect(amount, `${f.departmentName} ${phase} ${column}`).toEqual([value === null ? '' : formatFixed(value, 2)]);
        }
      }
      expect(indicators.filter((r) => r['formId'] === f.id).map((r) => [r['level3'], r['selfScore']])).toEqual(
        leavesOf(document).map(({ leaf }) => [leaf.name, leaf.selfScore === null ? '' : String(leaf.selfScore)]),
      );
    }
    const descriptor = JSON.parse(await file('datapackage.json')) as { fiscalYear: number; currency: string; resources: { path: string; schema: { fields: { name: string }[] } }[] };
    expect([descriptor.fiscalYear, descriptor.currency]).toEqual([2020, 'CNY']);
    for (const resource of descriptor.resources) expect(readCsv(await file(resource.path))[0], resource.path).toEqual(resource.schema.fields.map((f) => f.name));
  }, 90_000);

  it('speaks English when asked, and a form opens from its row', async () => {
    await page.goto(`${server.url}/public/2020`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('download-open-data').filter({ hasText: 'Download open data' }).waitFor();
    await page.getByRole('columnheader', { name: 'Rank' }).waitFor();
    // The grade chart loads lazily and moves the table down when it lands: click only once the page is still.
    await page.getByTestId('grade-chart').waitFor();
    const first = page.getByTestId('public-form-card').first();
    const name = (await api<RankingAnswer>('/api/public/ranking?year=2020')).forms[0]?.departmentName ?? '?';
    await first.getByRole('link', { name }).click();
    await page.waitForURL(/\/public\/forms\//u);
    await page.getByText(name).first().waitFor();
    await page.getByRole('button', { name: '中文' }).click();
  }, 60_000);
});
