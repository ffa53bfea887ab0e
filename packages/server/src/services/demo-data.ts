/**
 * The demo district: 番禺区 with the seed department's 2021 form as a draft to fill in (its editor and head
 * walk it through review with the finance bureau), a few other departments whose 2021 forms are derived from
 * it in other workflow states (one published, for the public pages), their 2020 forms all published (a
 * second year for the public index, with a ranking), a 2022 task with drafts, and one
 * account per role. Refused in production; loading twice changes nothing.
 */
import type { FormDocument, FormState, Role } from '@jixiao/core';
import { checkForm, EXPENDITURE_COLUMNS, leavesOf, roundHalfUp } from '@jixiao/core';
import { importFormText } from '@jixiao/io';
import { upsertReview } from '../db/repositories/forms-repository.js';
import { findRegionByName, insertDepartment, insertRegion } from '../db/repositories/organisations-repository.js';
import { insertTask, insertTemplate } from '../db/repositories/templates-repository.js';
import { addUser } from './auth-service.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { templateFromForm } from './draft-document.js';
import { loadDemoFollowUps } from './follow-up-demo.js';
import { createFormRow, issueTask } from './task-service.js';

/** A demo login, printed at start-up. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

/** The demo accounts (fixed, so they can be printed and typed; demo data never runs in production). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'jixiao-demo-admin', role: 'administrator', displayName: '系统管理员' },
  { username: 'reviewer', password: 'jixiao-demo-reviewer', role: 'reviewer', displayName: '番禺区财政局 审核人' },
  { username: 'head', password: 'jixiao-demo-head', role: 'head', displayName: '科工商信局 部门负责人' },
  { username: 'editor', password: 'jixiao-demo-editor', role: 'editor', displayName: '科工商信局 填报人' },
];

const REGION = '番禺区';
const OTHER_DEPARTMENTS: readonly { name: string; scale: number; scoreLoss: number; state: FormState; scoreLoss2020: number }[] = [
  { name: '广州市番禺区教育局', scale: 3.4, scoreLoss: 1.5, state: 'published', scoreLoss2020: 3 },
  { name: '广州市番禺区卫生健康局', scale: 1.8, scoreLoss: 4, state: 'approved', scoreLoss2020: 0.5 },
  { name: '广州市番禺区民政局', scale: 0.6, scoreLoss: 9, state: 'submitted', scoreLoss2020: 12 },
];

/**
 * Two more departments for the dashboard: one whose 2021 form scores well but spends little (高分低执行),
 * and one that has filed nothing for 2021 (未填报).
 */
const LOW_SPENDING = { name: '广州市番禺区住房和城乡建设局', scale: 2.2, scoreLoss: 2, executedShare: 0.8, state: 'approved' as const };
const NOT_FILED = '广州市番禺区司法局';
/** The approved sister department's 2021 form carries reviewer's scores below some self-scores (自评与复核差异). */
const REVIEWED_DEPARTMENT = '广州市番禺区卫生健康局';

/** A sister department's form: the seed's shape with its own name, scaled spending and some points lost. */
function derivedForm(seed: FormDocument, name: string, scale: number, scoreLoss: number): FormDocument {
  const form = structuredClone(seed);
  form.unit.name = name;
  for (const row of ['budgeted', 'executed'] as const) {
    for (const column of EXPENDITURE_COLUMNS) {
      const value = form.expenditure[row][column];
      form.expenditure[row][column] = value === null ? null : roundHalfUp(value * scale, 2);
    }
  }
  let left = scoreLoss;
  for (const { leaf, category } of leavesOf(form)) {
    if (left <= 0 || category !== 'duty' || leaf.selfScore === null || leaf.selfScore < 1) continue;
    const loss = Math.min(left, 1);
    leaf.selfScore = roundHalfUp(leaf.selfScore - loss, 2);
    leaf.basis = leaf.basis || '部分指标未完成，已分析原因并制定整改措施。';
    left -= loss;
  }
  const { score } = checkForm(form);
  form.printedTotal = score.total;
  form.printedGrade = score.grade;
  return form;
}

/** The low-spending department's form: its executed amounts a share of the budget, the total left high. */
function lowSpendingForm(seed: FormDocument): FormDocument {
  const form = derivedForm(seed, LOW_SPENDING.name, LOW_SPENDING.scale, LOW_SPENDING.scoreLoss);
  for (const column of EXPENDITURE_COLUMNS) {
    const value = form.expenditure.executed[column];
    form.expenditure.executed[column] = value === null ? null : roundHalfUp(value * LOW_SPENDING.executedShare, 2);
  }
  return form;
}

/** The finance reviewer's scores on three duty indicators, a point below the self-scores, with a comment. */
async function reviewLower(ctx: ServiceContext, formId: string, form: FormDocument, reviewerId: string, at: string): Promise<void> {
  const leaves = leavesOf(form).filter(({ leaf, category }) => category === 'duty' && leaf.selfScore !== null && leaf.selfScore >= 1).slice(0, 3);
  for (const { leaf } of leaves) {
    await upsertReview(ctx.db, formId, { indicatorId: leaf.id, score: roundHalfUp((leaf.selfScore ?? 0) - 1, 2), comment: '佐证材料不足，复核扣分。', reviewerId, updatedAt: at });
  }
}

/** What loading the demo made (or found). */
export interface DemoResult {
  loaded: boolean;
  accounts: readonly DemoAccount[];
}

/** Loads the demo data from the seed form's text; refused when `production`. */
export async function loadDemoData(ctx: ServiceContext, seedText: string, production: boolean): Promise<DemoResult> {
  if (production) throw new Error('Demo data is refused in production (NODE_ENV=production).');
  if ((await findRegionByName(ctx.db, REGION)) !== null) return { loaded: false, accounts: DEMO_ACCOUNTS };
  const seed = importFormText(seedText).value;
  if (!seed) throw new Error('the demo form did not import');
  const regionId = ctx.newId();
  await insertRegion(ctx.db, { id: regionId, name: REGION });
  const seedDepartmentId = ctx.newId();
  await insertDepartment(ctx.db, { id: seedDepartmentId, regionId, name: seed.unit.name, unitCount: seed.unit.unitCount });
  const others: { id: string; form: FormDocument; state: FormState; form2020: FormDocument }[] = [];
  for (const d of OTHER_DEPARTMENTS) {
    const id = ctx.newId();
    await insertDepartment(ctx.db, { id, regionId, name: d.name, unitCount: seed.unit.unitCount });
    const form2020 = derivedForm(seed, d.name, d.scale * 0.9, d.scoreLoss2020);
    form2020.unit.year = 2020;
    others.push({ id, form: derivedForm(seed, d.name, d.scale, d.scoreLoss), state: d.state, form2020 });
  }
  const lowSpendingId = ctx.newId();
  await insertDepartment(ctx.db, { id: lowSpendingId, regionId, name: LOW_SPENDING.name, unitCount: seed.unit.unitCount });
  await insertDepartment(ctx.db, { id: ctx.newId(), regionId, name: NOT_FILED, unitCount: 1 });
  const users = new Map<Role, string>();
  for (const account of DEMO_ACCOUNTS) {
    const scoped = { regionId: account.role === 'reviewer' ? regionId : null, departmentId: account.role === 'head' || account.role === 'editor' ? seedDepartmentId : null };
    const user = await addUser(ctx, 'system', { ...account, ...scoped });
    users.set(account.role, user.id);
  }
  const reviewerId = users.get('reviewer') ?? '';
  const at = nowIso(ctx);
  const template = JSON.stringify(templateFromForm(seed));
  const template2021 = ctx.newId();
  for (const year of [2021, 2022]) {
    const id = year === 2021 ? template2021 : ctx.newId();
    await insertTemplate(ctx.db, { id, regionId, year, version: 1, documentJson: template, createdAt: at, createdBy: reviewerId });
  }
  const task2021 = ctx.newId();
  await insertTask(ctx.db, { id: task2021, regionId, year: 2021, deadline: '2022-03-31', templateId: template2021, createdAt: at, createdBy: reviewerId });
  const seedFormId = await createFormRow(ctx, ctx.db, reviewerId, { departmentId: seedDepartmentId, regionId, year: 2021, taskId: task2021, document: seed, action: 'import', state: 'draft' });
  for (const o of others) {
    const formId = await createFormRow(ctx, ctx.db, reviewerId, { departmentId: o.id, regionId, year: 2021, taskId: task2021, document: o.form, action: 'import', state: o.state });
    if (o.form.unit.name === REVIEWED_DEPARTMENT) await reviewLower(ctx, formId, o.form, reviewerId, at);
  }
  await createFormRow(ctx, ctx.db, reviewerId, { departmentId: lowSpendingId, regionId, year: 2021, taskId: task2021, document: lowSpendingForm(seed), action: 'import', state: LOW_SPENDING.state });
  // 2020: the sister departments' forms all published, so the public index has a year to choose and a ranking to show.
  const template2020 = ctx.newId();
  await insertTemplate(ctx.db, { id: template2020, regionId, year: 2020, version: 1, documentJson: template, createdAt: at, createdBy: reviewerId });
  const task2020 = ctx.newId();
  await insertTask(ctx.db, { id: task2020, regionId, year: 2020, deadline: '2021-03-31', templateId: template2020, createdAt: at, createdBy: reviewerId });
  for (const o of others) await createFormRow(ctx, ctx.db, reviewerId, { departmentId: o.id, regionId, year: 2020, taskId: task2020, document: o.form2020, action: 'import', state: 'published' });
  const reviewer = { userId: reviewerId, role: 'reviewer' as const, regionId, departmentId: null };
  await issueTask(ctx, reviewer, { regionId, year: 2022, deadline: '2023-03-31', departmentIds: [seedDepartmentId, ...others.map((o) => o.id)] });
  await loadDemoFollowUps(ctx, reviewer, seedFormId, users.get('head') ?? '');
  return { loaded: true, accounts: DEMO_ACCOUNTS };
}
