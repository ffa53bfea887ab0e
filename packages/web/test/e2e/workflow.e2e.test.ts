/**
 * End to end in Chromium, as people do it: the editor fills in the seed department's 2021 form and sees
 * the score, grade and findings move as they type; the head submits; the reviewer returns it with a
 * comment; the editor fixes it and the head resubmits; the reviewer approves and publishes; an anonymous
 * visitor reads it; another department's editor cannot open it. Screenshots go to docs/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness.js';
import { browserSkipReason, chooseUserMenu, ROOT, screenshot, signIn, signOut, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

const XSS = '<img src=x onerror=alert(1)>';
const SEED = '广州市番禺区科技工业商务和信息化局';
const ACCOUNTS = {
  editor: ['editor', 'jixiao-demo-editor'],
  head: ['head', 'jixiao-demo-head'],
  reviewer: ['reviewer', 'jixiao-demo-reviewer'],
  admin: ['admin', 'jixiao-demo-admin'],
} as const;

/** The cell input of an indicator's column, found by the accessible label "<indicator> <column>". */
const cell = (page: Page, indicator: string, column: string) => page.getByLabel(`${indicator} ${column}`, { exact: true });

describe.skipIf(missing !== null)('the web app in Chromium', () => {
  const suite = useDemoInBrowser();
  const { dialogs } = suite;
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });
  let formId = '';

  /** The department head opens the form and submits it to the finance bureau. */
  async function headSubmits(): Promise<void> {
    await signIn(page, server.url, ...ACCOUNTS.head);
    await page.goto(`${server.url}/forms/${formId}`);
    await page.getByTestId('action-submit').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('form-state').textContent()).toBe('已提交');
    await signOut(page);
  }

  it('the editor sees 95.77 优, watches total, grade and findings move while typing, fixes the error and saves', async () => {
    await page.goto(server.url);
    await screenshot(page, 'login');
    await signIn(page, server.url, ...ACCOUNTS.editor);
    await page.getByTestId('work-queue').waitFor();
    await page.getByTestId('work-queue').getByTestId('open-2021').waitFor();
    await screenshot(page, 'work-queue');
    await page.getByTestId('work-queue').getByTestId('open-2021').click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('95.77');
    expect(await page.getByTestId('grade').textContent()).toBe('优');
    formId = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect(formId).not.toBe('');
    await screenshot(page, 'editor');

    const warningsBefore = await page.getByTestId('count-warning').textContent();
    const exports = '1.完成区人大下达的外贸出口增长目标';
    const imports = '2.完成市下达的外贸进出口增长目标';
    await cell(page, exports, '得分/自评分').fill('0');
    expect(await page.getByTestId('save-status').getAttribute('data-status')).toBe('dirty');
    await cell(page, imports, '得分/自评分').fill('3');
    // Recomputed in the browser before anything is saved.
    expect(await page.getByTestId('total').textContent()).toBe('88.77');
    expect(await page.getByTestId('grade').textContent()).toBe('良');
    expect(await page.getByTestId('count-warning').textContent()).not.toBe(warningsBefore);
    await expect.poll(() => page.getByTestId('findings').getByText(exports, { exact: false }).count()).toBeGreaterThan(0);
    await cell(page, exports, '得分/自评分').fill('5');
    await cell(page, imports, '得分/自评分').fill('5');
    expect(await page.getByTestId('total').textContent()).toBe('95.77');

    // The 资产管理制度健全性 error: a click on the finding takes the editor to the cell.
    await page.locator('[data-code="score-above-weight"]').click();
    const asset = cell(page, '资产管理制度健全性', '得分/自评分');
    await expect.poll(() => asset.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'editor-finding-jump');
    await asset.fill('1');
    await cell(page, '资产管理制度健全性', '评分依据、未达标原因、改进措施').fill(XSS);
    expect(await page.locator('[data-code="score-above-weight"]').count()).toBe(0);
    expect(await page.getByTestId('total').textContent()).toBe('94.77');
    await page.getByTestId('use-computed').click();
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await page.reload();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('94.77');
    expect(await cell(page, '资产管理制度健全性', '评分依据、未达标原因、改进措施').inputValue()).toBe(XSS);
    await signOut(page);
  }, 120_000);

  it('the head submits', async () => {
    await headSubmits();
  }, 60_000);

  it('the reviewer re-scores beside the self-score and returns it with a comment', async () => {
    await signIn(page, server.url, ...ACCOUNTS.reviewer);
    await expect.poll(() => page.getByTestId('work-queue').getByText(SEED).count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/forms/${formId}`);
    expect(await page.getByTestId('action-submit').count()).toBe(0);
    await cell(page, '预算完成率', '复核得分').fill('1.9');
    await cell(page, '预算完成率', '复核意见').fill('执行率按 98.27% 计，请补充评分依据');
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toContain('-0.07');
    await screenshot(page, 'review');
    await page.getByTestId('action-return').click();
    await page.getByTestId('return-comment').fill('请补充预算完成率的评分依据后重新提交。');
    await page.getByRole('button', { name: '退回' }).last().click();
    await expect.poll(() => page.getByTestId('form-state').textContent()).toBe('已退回');
    await signOut(page);
  }, 60_000);

  it('the editor sees the comments and fixes the form; the head resubmits', async () => {
    await signIn(page, server.url, ...ACCOUNTS.editor);
    await expect.poll(() => page.getByTestId('work-queue').getByText('已退回，待修改').count()).toBe(1);
    await page.goto(`${server.url}/forms/${formId}`);
    await expect.poll(() => page.getByTestId('review-comment').textContent()).toBe('请补充预算完成率的评分依据后重新提交。');
    expect(await page.getByTestId('findings').textContent()).toBeTruthy();
    expect(await page.locator('[data-testid^="review-comment-"]').filter({ hasText: '请补充评分依据' }).count()).toBe(1);
    await cell(page, '预算完成率', '评分依据、未达标原因、改进措施').fill('预算完成率 98.27%，按比例计 1.97 分。');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await screenshot(page, 'editor-returned');
    await signOut(page);
    await headSubmits();
  }, 90_000);

  it('the reviewer approves and publishes, and can compare two versions', async () => {
    await signIn(page, server.url, ...ACCOUNTS.reviewer);
    await page.goto(`${server.url}/forms/${formId}`);
    await page.getByTestId('action-approve').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('form-state').textContent()).toBe('已审核通过');
    await page.getByTestId('action-publish').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('form-state').textContent()).toBe('已公开');
    await page.goto(`${server.url}/forms/${formId}/history`);
    // Version 1 against the latest: the fixed score, from 2 to 1.
    const fixedRow = page.getByRole('row').filter({ hasText: '管理效能/资产管理/资产管理制度健全性.selfScore' }).last();
    await fixedRow.waitFor();
    expect(await fixedRow.textContent()).toMatch(/selfScore\s*2\s*1$/u);
    await screenshot(page, 'history');
    await signOut(page);
  }, 60_000);

  it('an anonymous visitor reads it, typed markup shown as text and never run', async () => {
    await page.goto(`${server.url}/public`);
    const card = page.getByTestId('public-form-card').filter({ hasText: SEED });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('94.77');
    await screenshot(page, 'public-list');
    await card.click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('94.77');
    await page.getByText(XSS, { exact: true }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'public-form');
    expect(dialogs).toEqual([]);
  }, 60_000);

  it("another department's editor cannot open it: the page says so and the API refuses", async () => {
    const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ACCOUNTS.admin[0], password: ACCOUNTS.admin[1] }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { departments } = (await (await fetch(`${server.url}/api/departments`, { headers: { cookie } })).json()) as { departments: { id: string; name: string }[] };
    const other = departments.find((d) => d.name.includes('教育局'));
    expect(other).toBeDefined();
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username: 'edu-editor', displayName: '教育局 填报人', password: 'edu-editor-password', role: 'editor', departmentId: other?.id ?? null }),
    });
    expect(created.status).toBe(201);

    await signIn(page, server.url, 'edu-editor', 'edu-editor-password');
    // The seed form itself: the signed-in API answers only for one's own department (the public pages are apart).
    await page.goto(`${server.url}/forms/${formId}`);
    await expect.poll(() => page.getByTestId('form-refused').textContent()).toBe('找不到该自评表，或您无权查看。');
    expect((await page.request.get(`${server.url}/api/forms/${formId}`)).status()).toBe(404);
    expect((await page.request.get(`${server.url}/api/forms/${formId}/history`)).status()).toBe(404);

    // And its unpublished 2022 draft, which nobody outside the department may even learn exists.
    const { forms } = (await (await fetch(`${server.url}/api/forms?year=2022`, { headers: { cookie } })).json()) as { forms: { id: string; departmentName: string; state: string }[] };
    const seed2022 = forms.find((f) => f.departmentName === SEED);
    expect(seed2022?.state).toBe('draft');
    await page.goto(`${server.url}/forms/${seed2022?.id ?? ''}`);
    await expect.poll(() => page.getByTestId('form-refused').textContent()).toBe('找不到该自评表，或您无权查看。');
    await screenshot(page, 'refused');
    const api = await page.request.get(`${server.url}/api/forms/${seed2022?.id ?? ''}`);
    expect(api.status()).toBe(404);
    const write = await page.request.put(`${server.url}/api/forms/${seed2022?.id ?? ''}`, { headers: { 'if-match': '"1"' }, data: {} });
    expect([400, 403, 404]).toContain(write.status());

    // They change their password; the old one no longer opens a session.
    await chooseUserMenu(page, '修改密码');
    await page.getByLabel('当前密码').fill('edu-editor-password');
    await page.getByLabel('新密码').fill('edu-editor-new-password');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).or(page.getByRole('dialog').getByRole('button', { name: '确定' })).click();
    await page.getByText('密码已修改').waitFor();
    await signOut(page);
    const old = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'edu-editor', password: 'edu-editor-password' }) });
    expect(old.status).toBe(401);
    await signIn(page, server.url, 'edu-editor', 'edu-editor-new-password');
    await signOut(page);
  }, 60_000);

  it('the grid moves like a spreadsheet, takes a column pasted from Excel, and a stale save asks before overwriting', async () => {
    await signIn(page, server.url, ...ACCOUNTS.editor);
    await page.getByTestId('work-queue').getByTestId('open-2022').click();
    await page.getByTestId('total').waitFor();
    const first = page.locator('#indicator-grid input[data-field="selfScore"]:not([disabled])').first();
    await first.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('basis');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const active = await page.evaluate(() => [document.activeElement?.getAttribute('data-field'), document.activeElement?.getAttribute('data-row')]);
    expect(active).toEqual(['selfScore', '1']);

    // Three scores copied from an Excel column, pasted into the first score cell.
    await first.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '2\r\n3\r\n2\r\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const scores = page.locator('#indicator-grid input[data-field="selfScore"]');
    expect([await scores.nth(0).inputValue(), await scores.nth(1).inputValue(), await scores.nth(2).inputValue()]).toEqual(['2', '3', '2']);
    expect(await page.getByTestId('total').textContent()).toBe('7.00');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');

    // Someone else (a second tab) saves first; this tab's save is refused and the user chooses.
    const url = page.url();
    const other = await suite.context.newPage();
    await other.goto(url);
    await other.getByTestId('total').waitFor();
    await other.locator('#indicator-grid input[data-field="selfScore"]').nth(0).fill('1');
    await other.getByTestId('save').click();
    await expect.poll(() => other.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await other.close();
    await scores.nth(0).fill('0');
    await page.getByTestId('save').click();
    await page.getByRole('dialog').getByText('表单已被他人修改', { exact: true }).waitFor();
    await screenshot(page, 'save-conflict');
    await page.getByRole('button', { name: '采用对方版本' }).click();
    expect(await scores.nth(0).inputValue()).toBe('1');
    expect(await page.getByTestId('total').textContent()).toBe('6.00');

    // Evidence for an indicator: attached, listed, downloaded as it was.
    const evidence = page.getByTestId('attachments');
    await evidence.locator('.ant-select').click();
    await page.keyboard.type('资产管理制度健全性');
    await page.keyboard.press('Enter');
    await evidence.locator('input[type="file"]').setInputFiles({ name: '资产管理制度.txt', mimeType: 'text/plain', buffer: Buffer.from('资产管理制度（2021年修订）') });
    const link = evidence.getByRole('link', { name: '资产管理制度.txt' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const download = await page.request.get(`${server.url}${href ?? ''}`);
    expect(await download.text()).toBe('资产管理制度（2021年修订）');
  }, 90_000);

  it('the import wizard shows the parsed form and its findings before anything is saved; print view; English', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('input[type="file"]').setInputFiles(join(ROOT, 'demo', 'panyu-kgxj-2021.txt'));
    await page.getByTestId('import-save').waitFor();
    expect(await page.getByText('资产管理制度健全性：得分 2 超过分值 1。').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-preview');
    await page.goto(`${server.url}/public/forms/${formId}/print`);
    await page.getByText('部门整体支出绩效自评表').first().waitFor();
    await screenshot(page, 'print-view');
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Work queue').first().waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('待办').first().waitFor();
    await signOut(page);
  }, 60_000);
});
