/**
 * The dashboard's figures against figures computed here, independently, from the same form documents with
 * core's functions (scoreForm, reviewedTotal, overallExpenditure, executionRate, leavesOf), never through the
 * analysis SQL: a set of varied forms (states, years, regions, grades, spending, 不适用, reviews, an edit and
 * a transition after creation) on SQLite and PostgreSQL. The .xlsx of a table is read back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FormDocument, FormState, Grade } from '@jixiao/core';
import type { Dashboard, DepartmentHistoryFigure } from '@jixiao/server';
import {
  add,
  checkForm,
  compare,
  div,
  exact,
  EXPENDITURE_COLUMNS,
  GRADES,
  leavesOf,
  LOW_RATE_PERCENT,
  mul,
  overallExpenditure,
  reviewedTotal,
  roundHalfUp,
  seededRandom,
  sub,
  ZERO,
} from '@jixiao/core';
import type { Exact, Random } from '@jixiao/core';
import { insertDepartment } from '../src/db/repositories/organisations-repository.js';
import { findForm, updateFormIfVersion, upsertReview } from '../src/db/repositories/forms-repository.js';
import { formContent } from '../src/services/form-content.js';
import { createFormRow } from '../src/services/task-service.js';
import { DIALECTS } from './helpers/dialects.js';
import type { Client } from './helpers/factories.js';
import { as, seedForm, signIn } from './helpers/factories.js';
import { worldSuite } from './helpers/test-app.js';

/** A form as the test made it: its department, year, state, document and reviews. */
interface Made {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  state: FormState;
  document: FormDocument;
  reviews: { indicatorId: string; score: number | null }[];
}

const COUNTED: readonly FormState[] = ['submitted', 'approved', 'published'];
const STATES: readonly FormState[] = ['draft', 'submitted', 'returned', 'approved', 'published', 'published', 'approved', 'submitted'];

const pct = (e: Exact, b: Exact): number => roundHalfUp(mul(div(e, b), exact(100)), 2);

/** A department's variation of the seed: scores lowered with reasons, spending scaled, some 不适用. */
function variedForm(random: Random, name: string): FormDocument {
  const form = seedForm();
  form.unit.name = name;
  const budgetScale = 0.2 + random.int(0, 29) / 10;
  const spend = 0.6 + random.int(0, 44) / 100;
  for (const c of EXPENDITURE_COLUMNS) {
    const b = form.expenditure.budgeted[c];
    if (b !== null) form.expenditure.budgeted[c] = roundHalfUp(b * budgetScale, 2);
    const budgeted = form.expenditure.budgeted[c];
    form.expenditure.executed[c] = budgeted === null ? null : roundHalfUp(budgeted * spend, 2);
  }
  if (random.next() < 0.2) form.expenditure.executed.otherFunds = null;
  const lowered = random.int(0, 3) * 0.1;
  for (const { leaf, category } of leavesOf(form)) {
    if (category === 'adjustment' || leaf.weight === null) continue;
    const roll = random.next();
    if (roll < lowered) {
      leaf.selfScore = roundHalfUp(Math.max(0, leaf.weight - 0.5 - random.int(0, 7) * 0.75), 2);
      leaf.basis = ['未按时完成', '资料不全', '部分指标未完成，已分析原因并制定整改措施。'][random.int(0, 2)] ?? '';
    } else if (roll > 0.95) {
      leaf.notApplicable = true;
    }
  }
  if (random.next() < 0.15) form.expenditure.budgeted.basicExpenditure = null;
  const { score } = checkForm(form);
  form.printedTotal = score.total;
  form.printedGrade = score.grade;
  return form;
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`analysis on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);
    let admin: Client;
    let reviewer1: Client;
    const made: Made[] = [];
    const names = new Map<string, string>();
    const regionOfDepartment = new Map<string, string>();

    beforeAll(async () => {
      const random = seededRandom(20_260_127);
      const departments: { id: string; name: string; regionId: string }[] = [
        { id: s.world.departments.d1, name: '甲区科技局', regionId: s.world.regions.r1 },
        { id: s.world.departments.d2, name: '甲区教育局', regionId: s.world.regions.r1 },
        { id: s.world.departments.d3, name: '乙区民政局', regionId: s.world.regions.r2 },
      ];
      for (let i = 0; i < 9; i++) {
        const regionId = i < 6 ? s.world.regions.r1 : s.world.regions.r2;
        const d = { id: s.t.ctx.newId(), name: `${i < 6 ? '甲' : '乙'}区部门${String(i).padStart(2, '0')}`, regionId };
        await insertDepartment(s.t.ctx.db, { id: d.id, regionId, name: d.name, unitCount: 1 });
        departments.push(d);
      }
      for (const d of departments) {
        names.set(d.id, d.name);
        regionOfDepartment.set(d.id, d.regionId);
      }
      let n = 0;
      for (const year of [2020, 2021]) {
        for (const d of departments) {
          // Two departments have no 2021 form (未填报); one has none in 2020.
          if ((year === 2021 && (d.name === '甲区部门05' || d.name === '乙区部门08')) || (year === 2020 && d.name === '甲区部门00')) continue;
          const state = STATES[n++ % STATES.length] ?? 'draft';
          const document = variedForm(random, d.name);
          const id = await createFormRow(s.t.ctx, s.t.ctx.db, 'factory', { departmentId: d.id, regionId: d.regionId, year, taskId: null, document, action: 'create', state });
          made.push({ id, departmentId: d.id, departmentName: d.name, regionId: d.regionId, year, state, document, reviews: [] });
        }
      }
      // A 2022 draft: a year with forms but none counted yet.
      const draft2022 = variedForm(random, '甲区科技局');
      const draftId = await createFormRow(s.t.ctx, s.t.ctx.db, 'factory', { departmentId: s.world.departments.d1, regionId: s.world.regions.r1, year: 2022, taskId: null, document: draft2022, action: 'create', state: 'draft' });
      made.push({ id: draftId, departmentId: s.world.departments.d1, departmentName: '甲区科技局', regionId: s.world.regions.r1, year: 2022, state: 'draft', document: draft2022, reviews: [] });
      // Reviews on counted forms: scores below, at and above the self-score, a null score, one on a 不适用 leaf.
      for (const m of made.filter((x) => COUNTED.includes(x.state)).slice(0, 9)) {
        const leaves = leavesOf(m.document);
        for (const [i, { leaf }] of leaves.entries()) {
          if (i % 4 !== 1 && !leaf.notApplicable) continue;
          const base = leaf.selfScore ?? 0;
          const score = i % 12 === 1 ? null : roundHalfUp(Math.max(0, base - (i % 3) * 0.5 + (i % 5 === 0 ? 0.25 : 0)), 2);
          await upsertReview(s.t.ctx.db, m.id, { indicatorId: leaf.id, score, comment: '复核', reviewerId: 'factory', updatedAt: '2024-01-01T00:00:00Z' });
          m.reviews.push({ indicatorId: leaf.id, score });
        }
      }
      // A content edit and a transition after creation: the analysis rows follow both.
      const edited = made.find((m) => m.state === 'approved' && m.year === 2021);
      if (!edited) throw new Error('no approved form of 2021');
      const document = variedForm(random, edited.departmentName);
      const stored = await findForm(s.t.ctx.db, edited.id);
      expect(await updateFormIfVersion(s.t.ctx.db, edited.id, stored?.version ?? 0, { content: formContent(document).content, at: '2024-02-01T00:00:00Z' })).toBe(true);
      edited.document = document;
      const moved = made.find((m) => m.state === 'draft' && m.year === 2021);
      if (!moved) throw new Error('no draft of 2021');
      const movedRow = await findForm(s.t.ctx.db, moved.id);
      expect(await updateFormIfVersion(s.t.ctx.db, moved.id, movedRow?.version ?? 0, { state: 'submitted', at: '2024-02-01T00:00:00Z' })).toBe(true);
      moved.state = 'submitted';
      admin = await signIn(s.t.app, 'admin');
      reviewer1 = await signIn(s.t.app, 'reviewer1');
    });

    const get = async <T = Dashboard>(client: Client, url: string): Promise<T> => {
      const res = await s.t.app.inject({ method: 'GET', url, headers: as(client) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    };
    const counted = (year: number, regionId: string | null, grade: Grade | null = null) =>
      made.filter((m) => m.year === year && COUNTED.includes(m.state) && (regionId === null || m.regionId === regionId) && (grade === null || checkForm(m.document).score.grade === grade));

    it('counts every department of the scope by the state of its form of the year, 未填报 included', async () => {
      const body = await get(admin, '/api/analysis/dashboard?year=2021');
      const status = body.status as { counts: { state: string; departments: number }[]; departments: number; rows: { departmentName: string; state: string | null; total: number | null }[] };
      expect(status.departments).toBe(12);
      const expected: Record<string, number> = { none: 2, draft: 0, submitted: 0, returned: 0, approved: 0, published: 0 };
      for (const m of made.filter((x) => x.year === 2021)) expected[m.state] = (expected[m.state] ?? 0) + 1;
      expect(Object.fromEntries(status.counts.map((c) => [c.state, c.departments]))).toEqual(expected);
      const firstPage = [...names.values()].sort().slice(0, 20);
      expect(status.rows.map((r) => r.departmentName)).toEqual(firstPage);
      const notFiled = status.rows.filter((r) => r.state === null).map((r) => r.departmentName);
      expect(notFiled.sort()).toEqual(['乙区部门08', '甲区部门05']);
      for (const r of status.rows) {
        const m = made.find((x) => x.year === 2021 && x.departmentName === r.departmentName);
        expect(r.total).toBe(m ? checkForm(m.document).score.total : null);
      }
      // A reviewer sees their region only.
      const own = (await get(reviewer1, '/api/analysis/dashboard?year=2021'))['status'] as typeof status;
      expect(own.departments).toBe(8);
      expect(own.rows.every((r) => r.departmentName.startsWith('甲'))).toBe(true);
    });

    for (const filter of [{ regionId: null, grade: null }, { regionId: 'r1', grade: null }, { regionId: null, grade: 'excellent' as Grade }] as const) {
      it(`figures for 2021 ${filter.regionId ?? 'all regions'} ${filter.grade ?? 'any grade'} equal those computed from the documents`, async () => {
        const regionId = filter.regionId === null ? null : s.world.regions[filter.regionId];
        const query = `year=2021${regionId ? `&regionId=${regionId}` : ''}${filter.grade ? `&grade=${filter.grade}` : ''}`;
        const body = await get(admin, `/api/analysis/dashboard?${query}`);
        const forms = counted(2021, regionId, filter.grade);
        expect(forms.length).toBeGreaterThan(2);
        const scores = forms.map((m) => checkForm(m.document).score);

        // 2. grades, average, median
        const grades = body.grades;
        expect(grades.forms).toBe(forms.length);
        for (const g of GRADES) expect(grades.grades.find((x) => x.grade === g)?.forms, g).toBe(scores.filter((score) => score.grade === g).length);
        let sum = ZERO;
        for (const score of scores) sum = add(sum, exact(score.total));
        expect(grades.average).toBe(roundHalfUp(div(sum, exact(forms.length)), 2));
        const sorted = scores.map((score) => score.total).sort((a, b) => a - b);
        const mid = sorted.length % 2 === 1 ? exact(sorted[(sorted.length - 1) / 2] ?? 0) : div(add(exact(sorted[sorted.length / 2 - 1] ?? 0), exact(sorted[sorted.length / 2] ?? 0)), exact(2));
        expect(grades.median).toBe(roundHalfUp(mid, 2));
        expect(grades.min).toBe(sorted[0]);
        expect(grades.max).toBe(sorted[sorted.length - 1]);

        // 3. self vs review: core's reviewedTotal against the self-scores summed the same way
        const reviewed = forms.filter((m) => m.reviews.some((r) => r.score !== null && leavesOf(m.document).some((l) => l.leaf.id === r.indicatorId && !l.leaf.notApplicable)));
        const gaps = reviewed
          .map((m) => {
            const selfTotal = reviewedTotal(m.document, []);
            const review = reviewedTotal(m.document, m.reviews);
            return { departmentName: m.departmentName, selfTotal, reviewedTotal: review, gap: roundHalfUp(sub(exact(selfTotal), exact(review)), 2) };
          })
          .sort((a, b) => b.gap - a.gap || a.departmentName.localeCompare(b.departmentName));
        expect(body.gaps.reviewedForms).toBe(reviewed.length);
        expect(body.gaps.rows.map((r) => ({ departmentName: r.departmentName, selfTotal: r.selfTotal, reviewedTotal: r.reviewedTotal, gap: r.gap }))).toEqual(gaps);
        if (filter.regionId === null && filter.grade === null) expect(gaps.some((g) => g.gap > 0)).toBe(true);

        // 4. execution per column and overall, exact sums, low rates flagged
        for (const column of [...EXPENDITURE_COLUMNS, 'total' as const]) {
          let b = ZERO;
          let e = ZERO;
          let n = 0;
          let low = 0;
          for (const m of forms) {
            const pair = column === 'total' ? overallExpenditure(m.document.expenditure) : (() => {
              const bv = m.document.expenditure.budgeted[column];
              const ev = m.document.expenditure.executed[column];
              return bv === null || ev === null ? null : { budgeted: exact(bv), executed: exact(ev) };
            })();
            if (pair === null) continue;
            n++;
            b = add(b, pair.budgeted);
            e = add(e, pair.executed);
            if (pair.budgeted.num > 0n && compare(mul(div(pair.executed, pair.budgeted), exact(100)), exact(LOW_RATE_PERCENT)) < 0) low++;
          }
          const row = body.execution.rows.find((r) => r.column === column);
          expect(row, column).toMatchObject({ forms: n, budgeted: roundHalfUp(b, 6), executed: roundHalfUp(e, 6), lowForms: column === 'total' ? low : null });
          expect(row?.ratePercent, column).toBe(n === 0 || b.num === 0n ? null : pct(e, b));
          expect(row?.low, column).toBe(b.num > 0n && compare(mul(div(e, b), exact(100)), exact(LOW_RATE_PERCENT)) < 0);
        }
        if (filter.regionId === null && filter.grade === null) expect(body.execution.rows.find((r) => r.column === 'total')?.lowForms).toBeGreaterThan(0);

        // 5. points lost per indicator
        const lost = new Map<string, { forms: number; losing: number; lost: Exact; reasons: Map<string, number>; codes: Map<string, number> }>();
        for (const m of forms) {
          const findings = checkForm(m.document).findings;
          for (const { leaf, category, namePath } of leavesOf(m.document)) {
            if (leaf.notApplicable || category === 'adjustment' || leaf.weight === null || leaf.selfScore === null) continue;
            const key = namePath.join('/');
            const entry = lost.get(key) ?? { forms: 0, losing: 0, lost: ZERO, reasons: new Map(), codes: new Map() };
            entry.forms++;
            const l = sub(exact(leaf.weight), exact(leaf.selfScore));
            if (compare(l, ZERO) > 0) {
              entry.losing++;
              entry.lost = add(entry.lost, l);
              if (leaf.basis !== '') entry.reasons.set(leaf.basis, (entry.reasons.get(leaf.basis) ?? 0) + 1);
              for (const code of new Set(findings.filter((f) => f.path === key).map((f) => f.code))) entry.codes.set(code, (entry.codes.get(code) ?? 0) + 1);
            }
            lost.set(key, entry);
          }
        }
        const ranked = [...lost.entries()]
          .filter(([, v]) => v.losing > 0)
          .sort(([ka, a], [kb, b]) => b.losing - a.losing || compare(b.lost, a.lost) || (ka < kb ? -1 : ka > kb ? 1 : 0))
          .slice(0, 20);
        const lostRows = body.lostPoints.rows;
        expect(lostRows.map((r) => [r.namePath, r.forms, r.losingForms, r.lostPoints, r.averageLost])).toEqual(
          ranked.map(([k, v]) => [k, v.forms, v.losing, roundHalfUp(v.lost, 2), roundHalfUp(div(v.lost, exact(v.losing)), 2)]),
        );
        for (const [k, v] of ranked) {
          const reasons = [...v.reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([text, n]) => ({ text, forms: n }));
          expect(lostRows.find((r) => r.namePath === k)?.reasons, k).toEqual(reasons);
          const codes = [...v.codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([code, n]) => ({ code, forms: n }));
          expect(lostRows.find((r) => r.namePath === k)?.findings, k).toEqual(codes);
        }

        // 6. high marks (≥ 80), low spending (< 90%)
        const high = forms
          .map((m) => ({ m, total: checkForm(m.document).score.total, pair: overallExpenditure(m.document.expenditure) }))
          .filter((x) => x.pair !== null && x.total >= 80 && compare(mul(div(x.pair.executed, x.pair.budgeted), exact(100)), exact(LOW_RATE_PERCENT)) < 0)
          .map((x) => {
            const rate = mul(div(x.pair?.executed ?? ZERO, x.pair?.budgeted ?? exact(1)), exact(100));
            return { departmentName: x.m.departmentName, total: x.total, ratePercent: roundHalfUp(rate, 2), gap: roundHalfUp(sub(exact(x.total), rate), 2) };
          })
          .sort((a, b) => b.gap - a.gap || a.departmentName.localeCompare(b.departmentName));
        expect(body.highMarks.forms).toBe(high.length);
        if (filter.regionId === null && filter.grade === null) expect(high.length).toBeGreaterThan(0);
        expect(lostRows.length).toBeGreaterThan(0);
        if (filter.regionId === null && filter.grade === null) expect(lostRows.some((r) => r.findings.length > 0 && r.reasons.length > 0)).toBe(true);
        expect(body.highMarks.rows.map((r) => ({ departmentName: r.departmentName, total: r.total, ratePercent: r.ratePercent, gap: r.gap }))).toEqual(high);

        // 7. year over year: the series over every year, and the departments of 2021 across years
        const series = body.yearOverYear.years as { year: number; forms: number; averageTotal: number; ratePercent: number | null }[];
        for (const year of [2020, 2021]) {
          const ofYear = counted(year, regionId, filter.grade);
          let total = ZERO;
          let b = ZERO;
          let e = ZERO;
          for (const m of ofYear) {
            total = add(total, exact(checkForm(m.document).score.total));
            const pair = overallExpenditure(m.document.expenditure);
            if (pair) {
              b = add(b, pair.budgeted);
              e = add(e, pair.executed);
            }
          }
          expect(series.find((point) => point.year === year), String(year)).toEqual({ year, forms: ofYear.length, averageTotal: roundHalfUp(div(total, exact(ofYear.length)), 2), ratePercent: pct(e, b) });
        }
        const yoy = body.yearOverYear.rows as { departmentName: string; years: { year: number; total: number; ratePercent: number | null }[] }[];
        const departmentsOf2021 = [...new Set(forms.map((m) => m.departmentName))].sort();
        expect(yoy.map((r) => r.departmentName)).toEqual(departmentsOf2021);
        for (const r of yoy) {
          const own = made.filter((m) => m.departmentName === r.departmentName && COUNTED.includes(m.state)).sort((a, b) => a.year - b.year);
          expect(r.years.map((y) => [y.year, y.total, y.ratePercent])).toEqual(
            own.map((m) => {
              const pair = overallExpenditure(m.document.expenditure);
              return [m.year, checkForm(m.document).score.total, pair === null ? null : pct(pair.executed, pair.budgeted)];
            }),
          );
        }
      });
    }

    it('opens on the latest year with counted forms and offers every year with forms', async () => {
      const body = await get(admin, '/api/analysis/dashboard');
      expect(body.filter.year).toBe(2021);
      expect(body.years).toEqual([2022, 2021, 2020]);
      const draftYear = await get(admin, '/api/analysis/dashboard?year=2022');
      expect(draftYear.grades.forms).toBe(0);
      expect(draftYear.status.counts.find((c) => c.state === 'draft')?.departments).toBe(1);
    });

    it('downloads a table as .xlsx that reads back as the table shown: Chinese headers, numbers as numbers with formats', async () => {
      const shown = await get(admin, '/api/analysis/dashboard?year=2021');
      const res = await s.t.app.inject({ method: 'GET', url: '/api/analysis/tables/execution?year=2021', headers: as(admin) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('预算执行-2021.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      expect(sheet.name).toBe('预算执行');
      const table = shown.tables.execution as { columns: { header: string }[]; rows: (string | number | null)[][] };
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.header));
      expect(table.columns.map((c) => c.header)).toContain('全年预算数（万元）');
      table.rows.forEach((row, i) => {
        // exceljs leaves out a row's trailing blank cells.
        const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        expect(table.columns.map((_, j) => values[j] ?? null)).toEqual(row.map((v) => v ?? null));
      });
      const overall = sheet.getRow(table.rows.length + 1);
      expect(typeof overall.getCell(4).value).toBe('number');
      expect(overall.getCell(4).numFmt).toBe('#,##0.00');
      expect(overall.getCell(6).numFmt).toBe('0.00"%"');
      expect(sheet.rowCount).toBe(table.rows.length + 1);

      // The status table downloads every department, not the page shown.
      const statusRes = await s.t.app.inject({ method: 'GET', url: '/api/analysis/tables/status?year=2021', headers: as(admin) });
      const statusBook = new ExcelJS.Workbook();
      await statusBook.xlsx.load(statusRes.rawPayload as unknown as ArrayBuffer);
      expect(statusBook.worksheets[0]?.rowCount).toBe(13);
      expect(statusBook.worksheets[0]?.getRow(1).getCell(3).value).toBe('状态');
    });

    it('drills into a department: every form across years with total, grade and rate', async () => {
      const d = made.find((m) => m.year === 2021 && m.reviews.length > 0);
      if (!d) throw new Error('no reviewed form');
      const body = await get<DepartmentHistoryFigure>(regionOfDepartment.get(d.departmentId) === s.world.regions.r1 ? reviewer1 : admin, `/api/analysis/departments/${d.departmentId}`);
      expect(body.department.name).toBe(d.departmentName);
      const own = made.filter((m) => m.departmentId === d.departmentId).sort((a, b) => a.year - b.year);
      expect(body.years.map((y: { formId: string; state: string; total: number; grade: string }) => [y.formId, y.state, y.total, y.grade])).toEqual(
        own.map((m) => [m.id, m.state, checkForm(m.document).score.total, checkForm(m.document).score.grade]),
      );
      expect(body.gaps.reviewedForms).toBeGreaterThan(0);
    });
  });
}
