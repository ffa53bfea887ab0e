/**
 * 批量导入 end to end in Chromium, on the demo as shipped: the administrator uploads a .zip (three 2019 forms:
 * two departments of the district as text and xlsx, one under a name new to the district) and a file that
 * is no form; the preview matches the two, holds the new name for confirmation and refuses the bad file
 * with its reason; the administrator confirms creating the new department, imports, reads the per-file
 * report, and finds the three forms in the list. A screenshot goes to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFormText, writeForm } from '@jixiao/io';
import { zipArchive } from '../../../../test-support/zip-archive.js';
import type { AppServer } from './harness.js';
import { browserSkipReason, chooseOption, ROOT, screenshot, signIn, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

const seedText = readFileSync(`${ROOT}demo/panyu-kgxj-2021.txt`, 'utf8');
const SEED = '广州市番禺区科技工业商务和信息化局';
const EDUCATION = '广州市番禺区教育局';
const HEALTH = '广州市番禺区卫生健康局';
const NEW_NAME = '广州市番禺区规划和自然资源局';

/** The seed as another department's 2019 form, as printed text. */
const text2019 = (unitName: string): Buffer => Buffer.from(seedText.replace(SEED, unitName).replace('（2021年度）', '（2019年度）'));

async function xlsx2019(unitName: string): Promise<Buffer> {
  const form = importFormText(seedText).value;
  if (!form) throw new Error('the seed did not import');
  form.unit.name = unitName;
  form.unit.year = 2019;
  const written = await writeForm(form, '.xlsx', { lang: 'zh' });
  if (!written.ok) throw new Error(written.problem.code);
  return Buffer.from(written.bytes);
}

describe.skipIf(missing !== null)('bulk import (批量导入) in Chromium', () => {
  const suite = useDemoInBrowser();
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });

  it('the administrator uploads a zip and a bad file, confirms the new department, reads the report and finds the forms in the list', async () => {
    const archive = zipArchive([
      { name: 'forms/education-2019.txt', bytes: text2019(EDUCATION) },
      { name: 'forms/health-2019.xlsx', bytes: await xlsx2019(HEALTH) },
      { name: 'forms/planning-2019.txt', bytes: text2019(NEW_NAME) },
    ]);
    await signIn(page, server.url, 'admin', 'jixiao-demo-admin');
    await page.getByRole('menuitem', { name: '批量导入' }).click();
    await page.getByTestId('bulk-import-page').waitFor();
    // The demo has one district: it is chosen already.
    await expect.poll(() => page.getByTestId('bulk-region').textContent()).toContain('番禺区');
    await page.locator('input[type=file]').setInputFiles([
      { name: 'batch.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要\n这不是自评表\n') },
    ]);
    await expect.poll(() => page.getByTestId('bulk-files').textContent()).toContain('已选 2 个文件');
    await page.getByTestId('bulk-preview').click();

    const table = page.getByTestId('bulk-preview-table');
    await table.locator('tr[data-row-key]').first().waitFor();
    const row = (file: string) => table.locator('tr[data-row-key]').filter({ hasText: file });
    await expect.poll(() => row('education-2019.txt').textContent()).toContain('已对应');
    expect(await row('health-2019.xlsx').textContent()).toContain(HEALTH);
    expect(await row('planning-2019.txt').textContent()).toContain('新名称');
    expect(await row('notes.txt').getByTestId('bulk-refusal').textContent()).toContain('已拒绝：文件无法读取为自评表');
    // … and why: the reader's problem, in words.
    expect(await row('notes.txt').getByTestId('bulk-refusal').textContent()).toContain('这不是部门整体支出绩效自评表的文本');
    // Nothing is imported while a new name waits for its decision.
    expect(await page.getByTestId('bulk-confirm').isDisabled()).toBe(true);
    await chooseOption(page, row('planning-2019.txt').getByTestId('bulk-decision'), `新建部门“${NEW_NAME}”`);
    await expect.poll(() => page.getByTestId('bulk-confirm').isDisabled()).toBe(false);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.waitForTimeout(300);
    await screenshot(page, 'bulk-import-preview');
    await page.getByTestId('bulk-confirm').click();

    const summary = page.getByTestId('bulk-summary');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('共 4 个文件：导入 3（其中有审核问题 3），未变化 0，跳过 0，拒绝 1。');
    const report = page.getByTestId('bulk-report');
    const line = (file: string) => report.locator('tr[data-row-key]').filter({ hasText: file });
    expect(await line('planning-2019.txt').textContent()).toContain(`已新建部门“${NEW_NAME}”`);
    expect(await line('education-2019.txt').locator('[data-outcome]').getAttribute('data-outcome')).toBe('importedWithFindings');
    expect(await line('notes.txt').textContent()).toContain('已拒绝');
    await screenshot(page, 'bulk-import-report');

    await page.getByTestId('bulk-to-list').click();
    await page.getByTestId('work-queue').waitFor();
    for (const name of [EDUCATION, HEALTH, NEW_NAME]) {
      await expect.poll(() => page.locator('tr[data-row-key]').filter({ hasText: name }).filter({ hasText: '2019' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
  });
});
