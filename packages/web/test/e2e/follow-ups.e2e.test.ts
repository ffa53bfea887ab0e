/**
 * 整改 end to end in Chromium, on the demo as shipped: the finance reviewer filters the dashboard (its
 * follow-up card counts the demo's overdue one), drills into the seed department, opens its 2021 form, raises
 * a follow-up from its 资产管理制度健全性 finding (title prefilled from the finding, the department's head as
 * owner) and sees it listed on the department's page beside the demo's overdue one (highlighted, and alone
 * under "only overdue" on the 整改 page); the head signs in, opens 本部门分析 (no dashboard) to their
 * department's years and follow-ups, finds it and moves it to 整改中 with a note; the reviewer raises
 * another from a review comment on a submitted form. Screenshots go to docs/screenshots/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness.js';
import { browserSkipReason, chooseOption, screenshot, signIn, signOut, useDemoInBrowser } from './harness.js';

const missing = browserSkipReason();

const SEED = '广州市番禺区科技工业商务和信息化局';
const TITLE = '按分值修订资产管理制度自评，并提交制度文件';
const DEMO_OVERDUE = '完善资产管理制度，并按分值据实自评';
const OTHER = '广州市番禺区民政局';
const COMMENT = '预算完成率仅按执行数计算，请补充调整预算的依据。';
const ACCOUNTS = {
  head: ['head', 'jixiao-demo-head'],
  reviewer: ['reviewer', 'jixiao-demo-reviewer'],
} as const;

/** The row of a follow-up in a list, by its title. */
const row = (page: Page, title: string) => page.getByTestId('follow-ups').locator('tr[data-row-key]').filter({ hasText: title });

describe.skipIf(missing !== null)('follow-ups (整改) in Chromium', () => {
  const suite = useDemoInBrowser();
  let server: AppServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = suite);
  });

  it('the reviewer filters the dashboard, drills into the department, raises a follow-up from a finding and sees it listed for the department', async () => {
    await signIn(page, server.url, ...ACCOUNTS.reviewer);
    await page.getByRole('menuitem', { name: '分析' }).click();
    // The dashboard counts the demo's follow-ups (two, one overdue) for the year shown.
    await chooseOption(page, page.getByTestId('filter-year'), '2021');
    const summary = page.getByTestId('follow-up-summary');
    await expect.poll(() => summary.textContent()).toMatch(/已逾期\s*1/u);
    // The card follows the grade filter as the figures do: the overdue one is on a form graded 优.
    await chooseOption(page, page.getByTestId('filter-grade'), '差');
    await expect.poll(() => summary.textContent()).toMatch(/已逾期\s*0/u);
    await chooseOption(page, page.getByTestId('filter-grade'), '优');
    await expect.poll(() => summary.textContent()).toMatch(/已逾期\s*1/u);
    await chooseOption(page, page.getByTestId('filter-grade'), '全部等级');
    // Drill into the seed department from the submission-status table.
    await page.getByTestId('table-status').getByRole('link', { name: SEED }).first().click();
    await page.getByTestId('department-page').waitFor();
    const departmentList = page.getByTestId('department-follow-ups');
    await expect.poll(() => row(page, DEMO_OVERDUE).count()).toBe(1);
    // Its 2021 form, from the department's years.
    await page.getByTestId('department-years').getByRole('link', { name: '2021' }).first().click();
    await expect.poll(() => page.getByTestId('form-title').textContent()).toContain(SEED);

    await page.locator('[data-testid="raise-follow-up"][data-finding="score-above-weight"]').click();
    const title = page.getByTestId('follow-up-title');
    await expect.poll(() => title.inputValue()).toContain('资产管理制度健全性');
    expect(await page.getByTestId('follow-up-quote').textContent()).toContain('资产管理制度健全性');
    // The department's head is offered as the owner.
    await expect.poll(() => page.getByTestId('follow-up-owner').textContent()).toContain('部门负责人');
    await title.fill(TITLE);
    await screenshot(page, 'follow-up-create');
    await page.getByTestId('follow-up-create').click();
    // Listed with the form at once, open.
    await expect.poll(() => row(page, TITLE).getByTestId('follow-up-status').textContent()).toBe('待整改');

    // Back on the department's page: listed there, beside the demo's overdue one (highlighted).
    await page.goBack();
    await departmentList.waitFor();
    await expect.poll(() => departmentList.locator('tr[data-row-key]').filter({ hasText: TITLE }).count()).toBe(1);
    expect(await row(page, TITLE).getAttribute('data-overdue')).toBe('false');
    await expect.poll(() => row(page, DEMO_OVERDUE).getAttribute('data-overdue')).toBe('true');
    expect(await row(page, DEMO_OVERDUE).getByTestId('follow-up-overdue').textContent()).toBe('已逾期');
    await departmentList.scrollIntoViewIfNeeded();
    await screenshot(page, 'follow-ups-department');

    // The 整改 page, filtered to the department and to what is overdue.
    await page.getByRole('menuitem', { name: '整改' }).click();
    await chooseOption(page, page.getByTestId('follow-up-department-filter'), SEED);
    await expect.poll(() => row(page, TITLE).count()).toBe(1);
    await page.keyboard.press('Escape');
    await screenshot(page, 'follow-ups');
    await page.getByTestId('follow-up-overdue-filter').click();
    await expect.poll(() => row(page, TITLE).count()).toBe(0);
    expect(await row(page, DEMO_OVERDUE).count()).toBe(1);
    await signOut(page);
  }, 120_000);

  it('the department’s head finds it and moves it to 整改中 with a note; its history says who did what', async () => {
    await signIn(page, server.url, ...ACCOUNTS.head);
    // No dashboard for the head, but their own department's page from the menu: its years and its follow-ups.
    expect(await page.getByRole('menuitem', { name: '分析', exact: true }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '本部门分析' }).click();
    await page.getByTestId('department-page').getByRole('heading', { name: SEED }).waitFor();
    await expect.poll(() => page.getByTestId('department-years').getByRole('link', { name: '2021' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('department-follow-ups').locator('tr[data-row-key]').filter({ hasText: TITLE }).count()).toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Our department' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: '整改' }).click();
    const mine = row(page, TITLE);
    await mine.waitFor();
    // The head may start it, not drop it.
    expect(await mine.getByTestId('follow-up-drop').count()).toBe(0);
    await mine.getByTestId('follow-up-start').click();
    await page.getByTestId('follow-up-note').fill('已安排资产科修订制度，下月报送');
    await page.getByTestId('follow-up-move-confirm').click();
    await expect.poll(() => mine.getByTestId('follow-up-status').textContent()).toBe('整改中');
    // Now it can be reported done, and the history shows both steps.
    expect(await mine.getByTestId('follow-up-finish').count()).toBe(1);
    await mine.locator('.ant-table-row-expand-icon').click();
    const history = page.getByTestId('follow-up-history').first();
    await expect.poll(() => history.textContent()).toContain('待整改 → 整改中');
    expect(await history.textContent()).toContain('已安排资产科修订制度，下月报送');
    expect(await history.textContent()).toContain('审核人');
    await screenshot(page, 'follow-ups-head');
    await page.reload();
    await expect.poll(() => row(page, TITLE).getByTestId('follow-up-status').textContent()).toBe('整改中');
    await signOut(page);
  }, 120_000);

  it('the reviewer raises one from a review comment of a submitted form; it quotes the comment as saved', async () => {
    await signIn(page, server.url, ...ACCOUNTS.reviewer);
    await page.getByTestId('work-queue').getByRole('row').filter({ hasText: OTHER }).getByTestId('open-2021').click();
    await expect.poll(() => page.getByTestId('form-title').textContent()).toContain(OTHER);
    await page.getByLabel('预算完成率 复核意见', { exact: true }).fill(COMMENT);
    // Raised at once: the comment typed a moment ago is saved before the server quotes it.
    await page.getByTestId('review-comments').getByTestId('raise-follow-up-review').click();
    await expect.poll(() => page.getByTestId('follow-up-title').inputValue()).toBe(COMMENT.replace(/。$/u, ''));
    await expect.poll(() => page.getByTestId('follow-up-owner').textContent()).toContain('审核人');
    await page.getByTestId('follow-up-create').click();
    const raised = row(page, COMMENT.replace(/。$/u, ''));
    await expect.poll(() => raised.getByTestId('follow-up-status').textContent()).toBe('待整改');
    expect(await raised.textContent()).toContain(`复核意见：${COMMENT}`);
  }, 120_000);
});
