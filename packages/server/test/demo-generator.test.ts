/**
 * `jixiao demo generate` at a small size on both databases: the same seed stores the same district; every
 * stored form is a valid document whose total, grade and findings are what core computes from it; the
 * workflow states and the reviewers' gaps are there; every planted anomaly is found by its check; a second
 * run (or production) is refused with nothing written. The plan itself is checked without a database at a
 * larger size: regions, unique names, grades spread, anomalies planted and found, clean forms free of errors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDocument, FormState, Grade } from '@jixiao/core';
import { checkForm, FORM_STATES, GRADES } from '@jixiao/core';
import { formDocumentSchema } from '@jixiao/core/schema';
import { importFormText } from '@jixiao/io';
import type { AnomalyKind, GenerateOptions, GenerateSummary, ServiceContext } from '@jixiao/server';
import { generateDistrict, PLANTED_ANOMALIES, plannedDepartments, planOf } from '@jixiao/server';
import { BACKUP_TABLES, countRows } from '../src/db/backup-tables.js';
import { listAudit } from '../src/db/repositories/audit-repository.js';
import { findForm, listForms, listReviews } from '../src/db/repositories/forms-repository.js';
import { announceSkippedDialects, DIALECTS } from './helpers/dialects.js';
import type { TestApp } from './helpers/test-app.js';
import { createTestApp } from './helpers/test-app.js';

announceSkippedDialects();

const SEED_TEXT = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const SEED_FORM = importFormText(SEED_TEXT).value as FormDocument;
const OPTIONS: GenerateOptions = { departments: 20, years: 2, firstYear: 2022, region: null, seed: 7 };

/** Everything stored about one form, keyed by department and year, without ids. */
interface StoredForm {
  key: string;
  state: FormState;
  total: number;
  grade: Grade;
  documentJson: string;
  findingsJson: string;
  reviewComment: string;
  version: number;
  reviews: { indicatorId: string; score: number | null; comment: string }[];
}

async function storedForms(ctx: ServiceContext): Promise<Map<string, StoredForm>> {
  const out = new Map<string, StoredForm>();
  for (const summary of await listForms(ctx.db, {})) {
    const form = await findForm(ctx.db, summary.id);
    if (!form) throw new Error(`form ${summary.id} vanished`);
    const reviews = (await listReviews(ctx.db, form.id)).map((r) => ({ indicatorId: r.indicatorId, score: r.score, comment: r.comment }));
    const key = `${form.departmentName}/${form.year}`;
    out.set(key, { key, state: form.state, total: form.total, grade: form.grade, documentJson: form.documentJson, findingsJson: JSON.stringify(form.findings), reviewComment: form.reviewComment, version: form.version, reviews });
  }
  return out;
}

const tableCount = async (ctx: ServiceContext, name: string): Promise<number> => {
  const table = BACKUP_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return countRows(ctx.db, table);
};

describe('the generated district, without a database', () => {
  const plan = planOf({ departments: 250, region: null, seed: 3 });
  const departments = [...plannedDepartments(SEED_FORM, plan, { years: 2, firstYear: 2022, seed: 3 })];
  const forms = departments.flatMap((d) => d.forms.map((f) => ({ ...f, check: checkForm(f.document) })));

  it('spreads departments over districts, about a hundred each, with names unique in each region', () => {
    expect(plan.map((r) => [r.name, r.departments.length])).toEqual([['番禺区', 100], ['海珠区', 100], ['天河区', 50]]);
    for (const region of plan) expect(new Set(region.departments.map((d) => d.name)).size).toBe(region.departments.length);
    expect(plan[0]?.departments[0]?.name).toBe('广州市番禺区教育局');
    expect(plan[0]?.departments.some((d) => d.name.endsWith('街道办事处'))).toBe(true);
  });

  it('plants every kind of anomaly, and each is found by its check; forms without any have no errors', () => {
    const planted = new Map<AnomalyKind, number>();
    for (const form of forms) {
      const codes = new Set(form.check.findings.map((f) => f.code));
      for (const kind of form.anomalies) {
        planted.set(kind, (planted.get(kind) ?? 0) + 1);
        expect(codes, `${form.document.unit.name} ${form.year}: ${kind}`).toContain(PLANTED_ANOMALIES[kind]);
      }
      if (form.anomalies.length === 0) expect(form.check.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    for (const kind of Object.keys(PLANTED_ANOMALIES) as AnomalyKind[]) expect(planted.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it('spreads grades over 优/良/中/差 and varies the duty indicators between departments', () => {
    const grades = new Map<Grade, number>();
    for (const { check } of forms) grades.set(check.score.grade, (grades.get(check.score.grade) ?? 0) + 1);
    for (const grade of GRADES) expect(grades.get(grade) ?? 0, grade).toBeGreaterThanOrEqual(forms.length * 0.02);
    expect(grades.get('excellent') ?? 0).toBeLessThan(forms.length * 0.7);
    const dutyShapes = new Set(forms.map((f) => JSON.stringify(f.document.indicators.find((g) => g.category === 'duty')?.children.map((g) => (g.kind === 'group' ? g.children.map((l) => l.name) : [])))));
    expect(dutyShapes.size).toBeGreaterThan(departments.length * 0.8);
  });

  it('spends plausibly: the breakdowns add up, some departments execute little', () => {
    let low = 0;
    for (const { document } of forms) {
      const { budgeted, executed } = document.expenditure;
      const cents = (n: number | null) => Math.round((n ?? 0) * 100);
      for (const row of [budgeted, executed]) {
        const total = cents(row.fiscalAppropriation) + cents(row.otherFunds);
        expect(cents(row.basicExpenditure) + cents(row.projectExpenditure)).toBe(total);
        expect(cents(row.ownLevelExpenditure) + cents(row.transferPayment)).toBe(total);
      }
      if (cents(executed.fiscalAppropriation) + cents(executed.otherFunds) < 0.8 * (cents(budgeted.fiscalAppropriation) + cents(budgeted.otherFunds))) low++;
    }
    expect(low).toBeGreaterThan(forms.length * 0.03);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`jixiao demo generate on ${dialect.name}`, () => {
    let first: TestApp;
    let second: TestApp;
    let summary: GenerateSummary;
    beforeAll(async () => {
      first = await createTestApp(dialect);
      second = await createTestApp(dialect);
      const outcome = await generateDistrict(first.ctx, SEED_TEXT, OPTIONS, false);
      if (outcome.kind !== 'generated') throw new Error(`refused: ${JSON.stringify(outcome)}`);
      summary = outcome.summary;
    }, 120_000);
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    it('stores the same district for the same seed', async () => {
      const again = await generateDistrict(second.ctx, SEED_TEXT, OPTIONS, false);
      expect(again.kind).toBe('generated');
      const a = await storedForms(first.ctx);
      const b = await storedForms(second.ctx);
      expect(a.size).toBe(40);
      expect([...b.values()]).toEqual([...a.values()]);
    }, 120_000);

    it('stores valid documents whose total, grade and findings are what core computes from them', async () => {
      const forms = await storedForms(first.ctx);
      expect(summary).toMatchObject({ regions: 1, departments: 20, forms: 40 });
      // Stored through the repository's insert, every form has its analysis facts: the dashboard sees it.
      expect(await tableCount(first.ctx, 'analysis_forms')).toBe(40);
      // Each department's 单位数 counts itself and its subordinate units, each stored by name.
      const unitCounts = planOf(OPTIONS).flatMap((r) => r.departments.map((d) => d.unitCount));
      expect(await tableCount(first.ctx, 'units')).toBe(unitCounts.reduce((a, b) => a + b, 0));
      expect(Math.max(...unitCounts)).toBeGreaterThan(1);
      for (const form of forms.values()) {
        const document: unknown = JSON.parse(form.documentJson);
        expect(formDocumentSchema.safeParse(document).success, form.key).toBe(true);
        const check = checkForm(document as FormDocument);
        expect({ total: form.total, grade: form.grade, findings: JSON.parse(form.findingsJson) as unknown }, form.key).toEqual({ total: check.score.total, grade: check.score.grade, findings: check.findings });
      }
    });

    it('spreads the forms over the workflow, with reviewers scoring lower than some self-scores', async () => {
      const forms = [...(await storedForms(first.ctx)).values()];
      const states = new Set(forms.map((f) => f.state));
      expect([...states].sort()).toEqual([...FORM_STATES].sort());
      expect(Object.values(summary.byState).reduce((a, b) => a + b, 0)).toBe(40);
      for (const form of forms) if (form.state === 'draft') expect(form.reviews, form.key).toEqual([]);
      const gaps = forms.flatMap((form) => {
        const leaves = new Map<string, number | null>();
        for (const g of (JSON.parse(form.documentJson) as FormDocument).indicators) for (const c of g.children) for (const l of c.kind === 'group' ? c.children : [c]) leaves.set(l.id, l.selfScore);
        return form.reviews.filter((r) => r.score !== null && r.score < (leaves.get(r.indicatorId) ?? 0));
      });
      expect(gaps.length).toBeGreaterThan(0);
      expect(gaps.every((r) => r.comment !== '')).toBe(true);
      const returned = forms.filter((f) => f.state === 'returned');
      expect(returned.length).toBeGreaterThan(0);
      for (const form of returned) {
        expect(form.reviewComment).not.toBe('');
        expect(form.version).toBe(2);
      }
    });

    it('plants anomalies the stored findings show, form by form', async () => {
      const forms = await storedForms(first.ctx);
      const departments = [...plannedDepartments(SEED_FORM, planOf(OPTIONS), OPTIONS)];
      let planted = 0;
      for (const d of departments) {
        for (const f of d.forms) {
          const stored = forms.get(`${d.department.name}/${f.year}`);
          const codes = new Set((JSON.parse(stored?.findingsJson ?? '[]') as { code: string }[]).map((x) => x.code));
          for (const kind of f.anomalies) expect(codes, `${d.department.name} ${f.year}`).toContain(PLANTED_ANOMALIES[kind]);
          planted += f.anomalies.length;
        }
      }
      expect(planted).toBe(Object.values(summary.anomalies).reduce((a, b) => a + b, 0));
      expect(planted).toBeGreaterThan(0);
      expect(summary.findings.error).toBeGreaterThan(0);
    });

    it('keeps each form’s history: the first version, and the return of a returned form', async () => {
      const forms = await listForms(first.ctx.db, { states: ['returned'] });
      const returned = forms[0];
      if (!returned) throw new Error('no returned form');
      const log = await listAudit(first.ctx.db, returned.id);
      expect(log.map((e) => [e.seq, e.version, e.action])).toEqual([
        [1, 1, 'import'],
        [2, 2, 'return'],
      ]);
      expect(log[0]?.comment).toBe('jixiao demo generate --seed 7');
    });

    it('refuses a second run into the same database, and in production, writing nothing', async () => {
      const before = await tableCount(first.ctx, 'forms');
      const again = await generateDistrict(first.ctx, SEED_TEXT, OPTIONS, false);
      expect(again).toEqual({ kind: 'refused', reason: 'exists', region: '番禺区', department: '广州市番禺区教育局' });
      expect(await generateDistrict(first.ctx, SEED_TEXT, { ...OPTIONS, region: '新区' }, true)).toEqual({ kind: 'refused', reason: 'production' });
      expect(await tableCount(first.ctx, 'forms')).toBe(before);
      expect(await tableCount(first.ctx, 'departments')).toBe(20);
    });
  });
}
