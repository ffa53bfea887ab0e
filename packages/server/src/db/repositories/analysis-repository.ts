/**
 * The analysis: its rows (written with every form save by forms-repository.ts, in the save's transaction)
 * and the queries of the dashboard and the department page. Every figure is one aggregate over the facts
 * rows (never a parse of a document), limited to the filter's year and region, and bounded (top-N, pages).
 */
import type { ExpenditureColumn, FormState, Grade } from '@jixiao/core';
import { EXPENDITURE_COLUMNS } from '@jixiao/core';
import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { FormAnalysisRows, FormPlace } from '../../services/analysis/form-facts.js';
import { readDecimal, readNullableDecimal } from '../decimal.js';
import type { Database } from '../schema.js';

/** The facts column suffix of each expenditure column. */
const COLUMN_SUFFIX = {
  fiscalAppropriation: 'fiscal_appropriation',
  otherFunds: 'other_funds',
  basicExpenditure: 'basic_expenditure',
  projectExpenditure: 'project_expenditure',
  ownLevelExpenditure: 'own_level_expenditure',
  transferPayment: 'transfer_payment',
} as const satisfies Record<ExpenditureColumn, string>;

type BudgetedColumn = `budgeted_${(typeof COLUMN_SUFFIX)[ExpenditureColumn]}`;
type ExecutedColumn = `executed_${(typeof COLUMN_SUFFIX)[ExpenditureColumn]}`;

const budgetedColumn = (c: ExpenditureColumn): BudgetedColumn => `budgeted_${COLUMN_SUFFIX[c]}`;
const executedColumn = (c: ExpenditureColumn): ExecutedColumn => `executed_${COLUMN_SUFFIX[c]}`;

/** Leaf rows per INSERT: well under PostgreSQL's 65,535 parameters (11 a row). */
const LEAF_BATCH = 1000;

/** Writes a form's analysis rows (replacing any), in the caller's transaction. */
export async function writeFormAnalysis(db: Kysely<Database>, place: FormPlace, rows: FormAnalysisRows): Promise<void> {
  await deleteFormAnalysis(db, place.formId);
  const { facts } = rows;
  const amounts: Record<string, number | null> = {};
  for (const c of EXPENDITURE_COLUMNS) {
    amounts[budgetedColumn(c)] = facts.budgeted[c];
    amounts[executedColumn(c)] = facts.executed[c];
  }
  await db
    .insertInto('analysis_forms')
    .values({
      form_id: place.formId,
      department_id: place.departmentId,
      region_id: place.regionId,
      year: place.year,
      state: place.state,
      grade: facts.grade,
      total_units: facts.totalUnits,
      self_sum_units: facts.selfSumUnits,
      review_delta_units: 0,
      reviewed_leaves: 0,
      ...(amounts as Record<BudgetedColumn | ExecutedColumn, number | null>),
      budgeted_total: facts.budgetedTotal,
      executed_total: facts.executedTotal,
    })
    .execute();
  for (let i = 0; i < rows.leaves.length; i += LEAF_BATCH) {
    await db
      .insertInto('analysis_leaves')
      .values(
        rows.leaves.slice(i, i + LEAF_BATCH).map((l) => ({
          form_id: place.formId,
          position: l.position,
          indicator_id: l.indicatorId,
          name_path: l.namePath,
          category: l.category,
          not_applicable: l.notApplicable ? 1 : 0,
          weight_units: l.weightUnits,
          self_units: l.selfUnits,
          lost_units: l.lostUnits,
          basis: l.basis,
          finding_codes: l.findingCodes,
        })),
      )
      .execute();
  }
  // Reviews outlive a content save (a returned form is edited, its reviews stay): measure them against the new self-scores.
  await refreshReviewFacts(db, [place.formId]);
}

/** Forms per statement when refreshing the review facts of a batch. */
const REFRESH_BATCH = 500;

/**
 * Recomputes the review facts of some forms from their reviews and leaves, in one statement a batch: every
 * writer of reviews (a reviewer's score, the generator's batches) and every content save calls it. A
 * reviewer's score (NUMERIC, two decimals) becomes hundredths exactly by round(score × 100).
 */
export async function refreshReviewFacts(db: Kysely<Database>, formIds: readonly string[]): Promise<void> {
  const scored = (formRef: RawBuilder<unknown>) =>
    sql`from reviews rv join analysis_leaves l on l.form_id = rv.form_id and l.indicator_id = rv.indicator_id where rv.form_id = ${formRef} and rv.score is not null and l.not_applicable = 0`;
  const form = sql.ref('analysis_forms.form_id');
  for (let i = 0; i < formIds.length; i += REFRESH_BATCH) {
    await db
      .updateTable('analysis_forms')
      .set({
        review_delta_units: sql<number>`(select coalesce(sum(cast(round(rv.score * 100) as integer) - coalesce(l.self_units, 0)), 0) ${scored(form)})`,
        reviewed_leaves: sql<number>`(select count(*) ${scored(form)})`,
      })
      .where('form_id', 'in', [...new Set(formIds.slice(i, i + REFRESH_BATCH))])
      .execute();
  }
}

/** Removes a form's analysis rows. */
export async function deleteFormAnalysis(db: Kysely<Database>, formId: string): Promise<void> {
  await db.deleteFrom('analysis_leaves').where('form_id', '=', formId).execute();
  await db.deleteFrom('analysis_forms').where('form_id', '=', formId).execute();
}

/** Follows a form's state change (a transition changes no content). */
export async function updateAnalysisState(db: Kysely<Database>, formId: string, state: FormState): Promise<void> {
  await db.updateTable('analysis_forms').set({ state }).where('form_id', '=', formId).execute();
}

/** Which forms a figure covers: a year, a region (null: every region), a grade (null: any), some states. */
export interface AnalysisScope {
  year: number;
  regionId: string | null;
  grade: Grade | null;
  states: readonly FormState[];
}

/** The facts rows of a scope (alias `af`). */
function factsOf(db: Kysely<Database>, scope: AnalysisScope, options: { year?: boolean } = {}) {
  let query = db.selectFrom('analysis_forms as af').where('af.state', 'in', [...scope.states]);
  if (options.year !== false) query = query.where('af.year', '=', scope.year);
  if (scope.regionId !== null) query = query.where('af.region_id', '=', scope.regionId);
  if (scope.grade !== null) query = query.where('af.grade', '=', scope.grade);
  return query;
}

const count = (value: string | number | bigint | null | undefined): number => (value === null || value === undefined ? 0 : readDecimal(value));

// 1. Submission status ------------------------------------------------------------------------------

/** A department's form of the year, or none (未填报). */
export interface StatusRow {
  departmentId: string;
  departmentName: string;
  regionName: string;
  formId: string | null;
  state: FormState | null;
  totalUnits: number | null;
  grade: Grade | null;
}

/** Departments per state of their form of the year (null: no form), and one page of the departments by name. */
export async function submissionStatus(
  db: Kysely<Database>,
  scope: Pick<AnalysisScope, 'year' | 'regionId' | 'grade'>,
  page: { limit: number; offset: number },
): Promise<{ counts: { state: FormState | null; departments: number }[]; rows: StatusRow[]; departmentCount: number }> {
  let base = db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.id', 'd.region_id')
    .leftJoin('analysis_forms as af', (join) => join.onRef('af.department_id', '=', 'd.id').on('af.year', '=', scope.year));
  if (scope.regionId !== null) base = base.where('d.region_id', '=', scope.regionId);
  if (scope.grade !== null) base = base.where('af.grade', '=', scope.grade);
  const counts = await base.select((eb) => ['af.state', eb.fn.countAll<number | string>().as('n')]).groupBy('af.state').execute();
  const rows = await base
    .select(['d.id', 'd.name', 'r.name as region_name', 'af.form_id', 'af.state', 'af.total_units', 'af.grade'])
    .orderBy('d.name')
    .orderBy('d.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    counts: counts.map((c) => ({ state: (c.state ?? null) as FormState | null, departments: count(c.n) })),
    departmentCount: counts.reduce((sum, c) => sum + count(c.n), 0),
    rows: rows.map((r) => ({
      departmentId: r.id,
      departmentName: r.name,
      regionName: r.region_name,
      formId: r.form_id ?? null,
      state: (r.state ?? null) as FormState | null,
      totalUnits: r.total_units ?? null,
      grade: (r.grade ?? null) as Grade | null,
    })),
  };
}

// 2. Totals and grades ------------------------------------------------------------------------------

/** Forms and the sum of their totals per grade, with the lowest, the highest and the middle total(s). */
export async function totalsByGrade(
  db: Kysely<Database>,
  scope: AnalysisScope,
): Promise<{ grades: { grade: Grade; forms: number; totalUnitsSum: number }[]; minUnits: number | null; maxUnits: number | null; middleUnits: number[] }> {
  const grades = await factsOf(db, scope)
    .select((eb) => ['af.grade', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('af.total_units').as('s'), eb.fn.min('af.total_units').as('lo'), eb.fn.max('af.total_units').as('hi')])
    .groupBy('af.grade')
    .execute();
  const forms = grades.reduce((sum, g) => sum + count(g.n), 0);
  // The median: the middle one or two totals, read by offset (portable; no percentile function in SQLite).
  const middle = forms === 0 ? [] : await factsOf(db, scope).select('af.total_units').orderBy('af.total_units').limit(forms % 2 === 0 ? 2 : 1).offset(Math.floor((forms - 1) / 2)).execute();
  const los = grades.map((g) => count(g.lo));
  const his = grades.map((g) => count(g.hi));
  return {
    grades: grades.map((g) => ({ grade: g.grade as Grade, forms: count(g.n), totalUnitsSum: count(g.s) })),
    minUnits: forms === 0 ? null : Math.min(...los),
    maxUnits: forms === 0 ? null : Math.max(...his),
    middleUnits: middle.map((m) => m.total_units),
  };
}

// 3. Self vs review ---------------------------------------------------------------------------------

/** A reviewed form: its self-score sum and the reviewed total's difference from it. */
export interface ReviewGapRow {
  formId: string;
  departmentId: string;
  departmentName: string;
  selfSumUnits: number;
  /** Σ (review − self) over the applicable leaves the reviewer scored. */
  deltaUnits: number;
  reviewedLeaves: number;
}

/** The reviewed forms of a scope (or of one department in every year), those whose self-scores outrun the review most first, and how many there are. */
export async function reviewGaps(db: Kysely<Database>, scope: AnalysisScope, limit: number, departmentId?: string): Promise<{ rows: ReviewGapRow[]; reviewedForms: number }> {
  let reviewed = factsOf(db, scope, { year: departmentId === undefined }).innerJoin('departments as d', 'd.id', 'af.department_id').where('af.reviewed_leaves', '>', 0);
  if (departmentId !== undefined) reviewed = reviewed.where('af.department_id', '=', departmentId);
  const rows = await reviewed
    .select(['af.form_id', 'af.department_id', 'd.name', 'af.self_sum_units', 'af.review_delta_units', 'af.reviewed_leaves', sql<number | string>`count(*) over ()`.as('forms')])
    .orderBy('af.review_delta_units')
    .orderBy('d.name')
    .orderBy('af.form_id')
    .limit(limit)
    .execute();
  return {
    rows: rows.map((r) => ({ formId: r.form_id, departmentId: r.department_id, departmentName: r.name, selfSumUnits: r.self_sum_units, deltaUnits: r.review_delta_units, reviewedLeaves: r.reviewed_leaves })),
    reviewedForms: rows.length === 0 ? 0 : count(rows[0]?.forms),
  };
}

// 4. Expenditure execution ----------------------------------------------------------------------------

/** One expenditure column (or the overall pair) summed over the forms that fill both its cells. */
export interface ExecutionSums {
  /** The six columns, then 'total' for the overall pair. */
  column: ExpenditureColumn | 'total';
  forms: number;
  budgetedUnits: number;
  executedUnits: number;
  /** Forms whose own overall rate is below the threshold ('total' only; null for a column). */
  lowForms: number | null;
}

/**
 * Budgeted and executed per column and overall, exact (分), with the forms whose overall rate is below
 * `lowPercent`. The cells are stored as pairs (both or neither), so counting one counts forms with both.
 */
export async function executionByColumn(db: Kysely<Database>, scope: AnalysisScope, lowPercent: number): Promise<ExecutionSums[]> {
  const pairs = [...EXPENDITURE_COLUMNS.map((c) => ({ column: c as ExpenditureColumn | 'total', b: budgetedColumn(c) as string, e: executedColumn(c) as string })), { column: 'total' as const, b: 'budgeted_total', e: 'executed_total' }];
  const low = sql<number | string | null>`count(case when ${sql.ref('af.budgeted_total')} > 0 and ${sql.ref('af.executed_total')} * 100 < ${sql.ref('af.budgeted_total')} * ${lowPercent} then 1 end)`;
  const row = await factsOf(db, scope)
    .select([
      ...pairs.flatMap(({ b, e }, i) => [
        sql<number | string | null>`count(${sql.ref(`af.${b}`)})`.as(`n${i}`),
        sql<number | string | null>`sum(${sql.ref(`af.${b}`)})`.as(`b${i}`),
        sql<number | string | null>`sum(${sql.ref(`af.${e}`)})`.as(`e${i}`),
      ]),
      low.as('low'),
    ])
    .executeTakeFirst();
  const read = (key: string): number => count((row as Record<string, string | number | null> | undefined)?.[key]);
  return pairs.map(({ column }, i) => ({ column, forms: read(`n${i}`), budgetedUnits: read(`b${i}`), executedUnits: read(`e${i}`), lowForms: column === 'total' ? read('low') : null }));
}

// 5. Points lost ------------------------------------------------------------------------------------

/** An indicator (by name path) that loses points. */
export interface LostPointsRow {
  namePath: string;
  category: string;
  /** Forms that score it (applicable, weight and self-score given). */
  forms: number;
  /** Forms that lose points on it. */
  losingForms: number;
  lostUnits: number;
}

/** The indicators that most often lose points (most forms losing, then most points), top `limit`. */
export async function lostPoints(db: Kysely<Database>, scope: AnalysisScope, limit: number): Promise<LostPointsRow[]> {
  const losing = sql<number | string>`sum(case when ${sql.ref('l.lost_units')} > 0 then 1 else 0 end)`;
  const lost = sql<number | string>`sum(case when ${sql.ref('l.lost_units')} > 0 then ${sql.ref('l.lost_units')} else 0 end)`;
  const rows = await factsOf(db, scope)
    .innerJoin('analysis_leaves as l', 'l.form_id', 'af.form_id')
    .where('l.lost_units', 'is not', null)
    .select((eb) => ['l.name_path', eb.fn.min('l.category').as('category'), eb.fn.countAll<number | string>().as('n'), losing.as('losing'), lost.as('lost')])
    .groupBy('l.name_path')
    .having(losing, '>', 0)
    .orderBy(losing, 'desc')
    .orderBy(lost, 'desc')
    .orderBy('l.name_path')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ namePath: r.name_path, category: r.category, forms: count(r.n), losingForms: count(r.losing), lostUnits: count(r.lost) }));
}

/**
 * Why points were lost on some indicators: the forms losing points there grouped by their reason (评分依据…)
 * and finding codes together, in one pass; the caller counts each reason and each code.
 */
export async function lostPointReasons(
  db: Kysely<Database>,
  scope: AnalysisScope,
  namePaths: readonly string[],
): Promise<{ namePath: string; basis: string; findingCodes: string; forms: number }[]> {
  if (namePaths.length === 0) return [];
  const rows = await factsOf(db, scope)
    .innerJoin('analysis_leaves as l', 'l.form_id', 'af.form_id')
    .where('l.lost_units', '>', 0)
    .where('l.name_path', 'in', [...namePaths])
    .select((eb) => ['l.name_path', 'l.basis', 'l.finding_codes', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['l.name_path', 'l.basis', 'l.finding_codes'])
    .execute();
  return rows.map((r) => ({ namePath: r.name_path, basis: r.basis, findingCodes: r.finding_codes, forms: count(r.n) }));
}

// 6. High marks, low spending -------------------------------------------------------------------------

/** A form with its total and overall budgeted/executed (分). */
export interface SpendingRow {
  formId: string;
  departmentId: string;
  departmentName: string;
  year: number;
  state: FormState;
  totalUnits: number;
  grade: Grade;
  budgetedUnits: number | null;
  executedUnits: number | null;
}

const spendingColumns = ['af.form_id', 'af.department_id', 'd.name', 'af.year', 'af.state', 'af.total_units', 'af.grade', 'af.budgeted_total', 'af.executed_total'] as const;

function spendingRow(r: { form_id: string; department_id: string; name: string; year: number; state: string; total_units: number; grade: string; budgeted_total: string | number | null; executed_total: string | number | null }): SpendingRow {
  return {
    formId: r.form_id,
    departmentId: r.department_id,
    departmentName: r.name,
    year: r.year,
    state: r.state as FormState,
    totalUnits: r.total_units,
    grade: r.grade as Grade,
    budgetedUnits: readNullableDecimal(r.budgeted_total),
    executedUnits: readNullableDecimal(r.executed_total),
  };
}

/**
 * Forms with a total of at least `minTotalUnits` whose overall execution rate is below `lowPercent`,
 * the widest gap between score and spending first (top `limit`), and how many there are.
 */
export async function highMarksLowSpending(
  db: Kysely<Database>,
  scope: AnalysisScope,
  thresholds: { minTotalUnits: number; lowPercent: number },
  limit: number,
): Promise<{ rows: SpendingRow[]; forms: number }> {
  const matching = factsOf(db, scope)
    .innerJoin('departments as d', 'd.id', 'af.department_id')
    .where('af.total_units', '>=', thresholds.minTotalUnits)
    .where('af.budgeted_total', '>', 0)
    .where(sql<boolean>`${sql.ref('af.executed_total')} * 100 < ${sql.ref('af.budgeted_total')} * ${thresholds.lowPercent}`);
  // The order only: score points minus the rate in percent, as a double (the figures are recomputed exactly).
  const gap = sql`cast(${sql.ref('af.total_units')} as double precision) / 100 - cast(${sql.ref('af.executed_total')} as double precision) * 100 / cast(${sql.ref('af.budgeted_total')} as double precision)`;
  const rows = await matching.select([...spendingColumns, sql<number | string>`count(*) over ()`.as('forms')]).orderBy(gap, 'desc').orderBy('d.name').limit(limit).execute();
  return { rows: rows.map(spendingRow), forms: rows.length === 0 ? 0 : count(rows[0]?.forms) };
}

// 7. Year over year ---------------------------------------------------------------------------------

/** Per year of a region (every year, not only the filter's): forms, the sum of totals, and the overall pairs summed. */
export async function yearSeries(
  db: Kysely<Database>,
  scope: AnalysisScope,
): Promise<{ year: number; forms: number; totalUnitsSum: number; spendingForms: number; budgetedUnits: number; executedUnits: number }[]> {
  const both = sql`${sql.ref('af.budgeted_total')} is not null and ${sql.ref('af.executed_total')} is not null`;
  const rows = await factsOf(db, scope, { year: false })
    .select((eb) => [
      'af.year',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('af.total_units').as('s'),
      sql<number | string | null>`sum(case when ${both} then 1 else 0 end)`.as('sn'),
      sql<number | string | null>`sum(case when ${both} then ${sql.ref('af.budgeted_total')} end)`.as('b'),
      sql<number | string | null>`sum(case when ${both} then ${sql.ref('af.executed_total')} end)`.as('e'),
    ])
    .groupBy('af.year')
    .orderBy('af.year')
    .execute();
  return rows.map((r) => ({ year: r.year, forms: count(r.n), totalUnitsSum: count(r.s), spendingForms: count(r.sn), budgetedUnits: count(r.b), executedUnits: count(r.e) }));
}

/** One page (by name) of the departments with a form in the scope's year, and how many there are. */
export async function departmentsOfYear(db: Kysely<Database>, scope: AnalysisScope, page: { limit: number; offset: number }): Promise<{ ids: string[]; departments: number }> {
  const base = factsOf(db, scope).innerJoin('departments as d', 'd.id', 'af.department_id');
  const rows = await base.select(['d.id']).orderBy('d.name').orderBy('d.id').limit(page.limit).offset(page.offset).execute();
  const total = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return { ids: rows.map((r) => r.id), departments: count(total?.n) };
}

/** Every form (in the given states) of some departments, across years, by department name then year. */
export async function formsOfDepartments(db: Kysely<Database>, departmentIds: readonly string[], states: readonly FormState[]): Promise<SpendingRow[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('analysis_forms as af')
    .innerJoin('departments as d', 'd.id', 'af.department_id')
    .where('af.department_id', 'in', [...departmentIds])
    .where('af.state', 'in', [...states])
    .select([...spendingColumns])
    .orderBy('d.name')
    .orderBy('af.department_id')
    .orderBy('af.year')
    .execute();
  return rows.map(spendingRow);
}

/** The years that have forms (in some states, if given) in a region (or anywhere), newest first. */
export async function analysisYears(db: Kysely<Database>, regionId: string | null, states?: readonly FormState[]): Promise<number[]> {
  let query = db.selectFrom('analysis_forms').select('year').distinct().orderBy('year', 'desc');
  if (regionId !== null) query = query.where('region_id', '=', regionId);
  if (states !== undefined) query = query.where('state', 'in', [...states]);
  return (await query.execute()).map((r) => r.year);
}
