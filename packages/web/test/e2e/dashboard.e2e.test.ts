/**
 * End to end in Chromium: the finance reviewer signs in to the demo, opens 分析, filters the dashboard by
 * grade, sees the rows the API gives for that filter (the low-spending department among 高分低执行, the
 * department that has not filed among 未填报 without the filter), downloads one table's .xlsx and the test
 * reads it back against the table on screen, then drills into a department and opens one of its forms.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness.js';
import { browserSkipReason, chooseOption, screenshot, signIn, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

const LOW_SPENDING = '广州市番禺区住房和城乡建设局';
const NOT_FILED = '广州市番禺区司法局';
const REVIEWED = '广州市番禺区卫生健康局';

interface Table {
  title: string;
  columns: { header: string }[];
  rows: (string | number | null)[][];
}
interface DashboardAnswer {
  filter: { year: number };
  status: { rows: { departmentName: string; state: string | null }[] };
  gaps: { rows: { departmentName: string; gap: number }[] };
  highMarks: { rows: { departmentId: string; departmentName: string }[] };
  tables: Record<string, Table>;
}

/** The texts of a figure's table, row by row. */
async function tableTexts(page: Page, name: string): Promise<string[][]> {
  return page.getByTestId(`table-${name}`).locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')));
}

describe.skipIf(missing !== null)('the dashboard in Chromium', () => {
  const suite = useDemoInBrowser();
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });
  /** The API's answer in the reviewer's session (the page's own cookies). */
  const dashboardApi = (query: string): Promise<DashboardAnswer> =>
    page.evaluate(async (q) => (await (await fetch(`/api/analysis/dashboard${q}`, { headers: { 'Accept-Language': 'zh-CN' } })).json()) as DashboardAnswer, query);

  it('a reviewer filters by grade, sees the expected rows, downloads a table and drills into a department', async () => {
    await signIn(page, server.url, 'reviewer', 'jixiao-demo-reviewer');
    await page.getByRole('menuitem', { name: '分析' }).click();
    await page.waitForURL(/\/dashboard$/u);
    await page.getByTestId('table-status').waitFor();

    // Unfiltered: every department of the region, the one without a 2021 form as 未填报.
    const all = await dashboardApi('?year=2021');
    expect(all.filter.year).toBe(2021);
    await expect.poll(() => tableTexts(page, 'status')).toEqual(all.tables['status']?.rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(2) : (c ?? '')))));
    const statusRows = await tableTexts(page, 'status');
    expect(statusRows.find((r) => r[0] === NOT_FILED)?.[2]).toBe('未填报');
    // The approved form the reviewer marked down shows a positive gap.
    expect(all.gaps.rows.find((r) => r.departmentName === REVIEWED)?.gap).toBe(3);

    // Filtered by 优: only departments whose 2021 form is 优; the low spender stands among 高分低执行.
    await chooseOption(page, page.getByTestId('filter-grade'), '优');
    const excellent = await dashboardApi('?year=2021&grade=excellent');
    const expectedNames = excellent.status.rows.map((r) => r.departmentName);
    await expect.poll(async () => (await tableTexts(page, 'status')).map((r) => r[0])).toEqual(expectedNames);
    expect(expectedNames).not.toContain(NOT_FILED);
    expect((await tableTexts(page, 'status')).every((r) => r[4] === '优')).toBe(true);
    const highMarks = await tableTexts(page, 'highMarks');
    expect(highMarks.map((r) => r[0])).toEqual(excellent.highMarks.rows.map((r) => r.departmentName));
    expect(highMarks.map((r) => r[0])).toContain(LOW_SPENDING);
    await page.getByTestId('chart-highMarks').locator('canvas').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard');

    // The high-marks table as .xlsx: Chinese headers, the rows on screen, numbers as numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-highMarks').click()]);
    expect(download.suggestedFilename()).toBe('高分低执行-2021.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(excellent.tables['highMarks']?.columns.map((c) => c.header));
    expect(header).toContain('总分');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows).toEqual(excellent.tables['highMarks']?.rows);
    expect(rows.map((r) => r[0])).toEqual(highMarks.map((r) => r[0]));
    expect(typeof rows[0]?.[1]).toBe('number');

    // Drill into the low spender, then open its form.
    const id = excellent.highMarks.rows.find((r) => r.departmentName === LOW_SPENDING)?.departmentId ?? '';
    await page.getByTestId('table-highMarks').getByRole('link', { name: LOW_SPENDING }).click();
    await page.waitForURL(new RegExp(`/departments/${id}$`, 'u'));
    await page.getByTestId('department-page').getByRole('heading', { name: LOW_SPENDING }).waitFor();
    const years = page.getByTestId('department-years').locator('tbody tr.ant-table-row');
    await expect.poll(() => years.count()).toBe(1);
    expect(await years.first().textContent()).toContain('2021');
    await screenshot(page, 'department');
    await years.first().getByRole('link', { name: '2021' }).click();
    await page.waitForURL(/\/forms\/[^/]+$/u);
    await page.getByTestId('form-state').waitFor();
  }, 120_000);
});
