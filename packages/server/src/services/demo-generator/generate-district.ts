/**
 * `jixiao demo generate`: fills a database with a district's worth of realistic forms — thousands of
 * departments over several years — so the dashboard and the public pages can be tried and measured at
 * scale. Every form is stored as a save stores it: core scores and checks the document (`formContent`), the
 * repository writes the row with its analysis rows, its first version and its audit entry. Departments are
 * written in batches, one transaction each. Refused in production, and refused (nothing written) when any
 * department it would create already exists — which is how a second run into the same database is told.
 */
import type { FormDocument, FormState, Grade, Random } from '@jixiao/core';
import { FORM_STATES, GRADES, seededRandom } from '@jixiao/core';
import { importFormText } from '@jixiao/io';
import type { Kysely } from 'kysely';
import { appendAudit, appendFirstAudits, nextAuditSeq } from '../../db/repositories/audit-repository.js';
import { insertForm, insertReviews, insertVersion, insertVersions, updateFormIfVersion } from '../../db/repositories/forms-repository.js';
import { findRegionByName, insertDepartment, insertRegion, insertUnits, listDepartments } from '../../db/repositories/organisations-repository.js';
import { findLatestTemplate, insertTask, insertTemplate, listTasks } from '../../db/repositories/templates-repository.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../context.js';
import { templateFromForm } from '../draft-document.js';
import { formContent } from '../form-content.js';
import type { RegionPlan } from './district-plan.js';
import { planDistrict } from './district-plan.js';
import type { AnomalyKind, DepartmentProfile } from './generate-form.js';
import { generateForm, PLANTED_ANOMALIES } from './generate-form.js';
import { UNIT_SUFFIXES } from './vocabulary.js';
import type { WorkflowPlan } from './workflow-plan.js';
import { planWorkflow } from './workflow-plan.js';

/** What to generate. */
export interface GenerateOptions {
  departments: number;
  years: number;
  /** The first year generated (the last is `firstYear + years - 1`). */
  firstYear: number;
  /** Put every department in this region (created when missing); null spreads them over districts. */
  region: string | null;
  seed: number;
  /** Called after each batch with the forms written so far. */
  onProgress?: (formsDone: number, formsTotal: number) => void;
}

/** Upper bounds a run is checked against (a typo of a zero should not fill a disk). */
export const GENERATE_LIMITS = { departments: 100_000, years: 20 } as const;

/** Who the generated history names: the command line's operator, as `jixiao import` does. */
const OPERATOR = 'system';

/** Departments written per transaction. */
const DEPARTMENTS_PER_BATCH = 40;

/** Batches written at once (each its own transaction). */
const BATCHES_IN_FLIGHT = 2;

/** What a run made. */
export interface GenerateSummary {
  regions: number;
  departments: number;
  forms: number;
  reviews: number;
  byState: Record<FormState, number>;
  byGrade: Record<Grade, number>;
  /** Findings stored, by severity. */
  findings: { error: number; warning: number; info: number };
  /** Forms with each planted anomaly (each one also found by its check: the tests hold the generator to it). */
  anomalies: Record<AnomalyKind, number>;
  ms: number;
}

/** A run's outcome: done, or refused before anything was written. */
export type GenerateOutcome =
  | { kind: 'generated'; summary: GenerateSummary }
  | { kind: 'refused'; reason: 'production' }
  | { kind: 'refused'; reason: 'exists'; region: string; department: string };

/** The random stream of a department's form of a year: independent of the batch size and of the other departments. */
function formRandom(root: number, regionIndex: number, departmentIndex: number, yearIndex: number): Random {
  return seededRandom(root).fork(regionIndex * 1_000_003 + departmentIndex).fork(yearIndex);
}

/** A stored time in the months after the year, when its forms are filled in and reviewed. */
function timeIn(year: number, random: Random, afterDays = 0): string {
  return new Date(Date.UTC(year + 1, 0, 10 + random.int(0, 50) + afterDays, random.int(1, 9), random.int(0, 59))).toISOString();
}

/** The first department of the plan that already exists, if any (a second run, or a name taken). */
async function firstExisting(db: Kysely<Database>, plan: readonly RegionPlan[]): Promise<{ region: string; department: string } | null> {
  for (const region of plan) {
    const regionId = await findRegionByName(db, region.name);
    if (regionId === null) continue;
    const taken = new Set((await listDepartments(db, regionId)).map((d) => d.name));
    const clash = region.departments.find((d) => taken.has(d.name));
    if (clash) return { region: region.name, department: clash.name };
  }
  return null;
}

/** A region's id (created when missing) and its task of each year (reusing the year's template and task when there are). */
async function prepareRegion(ctx: ServiceContext, name: string, years: readonly number[], template: string): Promise<{ regionId: string; taskOf: Map<number, string> }> {
  let regionId = await findRegionByName(ctx.db, name);
  if (regionId === null) {
    regionId = ctx.newId();
    await insertRegion(ctx.db, { id: regionId, name });
  }
  const tasks = await listTasks(ctx.db, regionId);
  const taskOf = new Map<number, string>();
  for (const year of years) {
    const existing = tasks.find((t) => t.year === year);
    if (existing) {
      taskOf.set(year, existing.id);
      continue;
    }
    const at = new Date(Date.UTC(year, 11, 1)).toISOString();
    let templateId = (await findLatestTemplate(ctx.db, regionId, year))?.id;
    if (templateId === undefined) {
      templateId = ctx.newId();
      await insertTemplate(ctx.db, { id: templateId, regionId, year, version: 1, documentJson: template, createdAt: at, createdBy: OPERATOR });
    }
    const taskId = ctx.newId();
    await insertTask(ctx.db, { id: taskId, regionId, year, deadline: `${year + 1}-03-31`, templateId, createdAt: at, createdBy: OPERATOR });
    taskOf.set(year, taskId);
  }
  return { regionId, taskOf };
}

function emptySummary(): GenerateSummary {
  const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return {
    regions: 0,
    departments: 0,
    forms: 0,
    reviews: 0,
    byState: zeroes(FORM_STATES),
    byGrade: zeroes(GRADES),
    findings: { error: 0, warning: 0, info: 0 },
    anomalies: zeroes(Object.keys(PLANTED_ANOMALIES) as AnomalyKind[]),
    ms: 0,
  };
}

/** What a batch writes after its form rows: first versions, first log entries, reviews, and the returns. */
interface BatchRows {
  versions: Parameters<typeof insertVersions>[1][number][];
  audits: Parameters<typeof appendFirstAudits>[1][number][];
  reviews: Parameters<typeof insertReviews>[1][number][];
  returns: { id: string; documentJson: string; at: string; comment: string }[];
}

/**
 * Stores one form as a save stores it — core's content and the analysis rows, through `insertForm` — and
 * queues the rest of its history for the batch's multi-row inserts.
 */
async function writeForm(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  place: { departmentId: string; regionId: string; taskId: string | null; year: number; comment: string },
  document: FormDocument,
  random: Random,
  plan: WorkflowPlan,
  rows: BatchRows,
  summary: GenerateSummary,
): Promise<void> {
  const { content, check } = formContent(document);
  const id = ctx.newId();
  const at = timeIn(place.year, random);
  // A returned form was submitted first: stored so, then returned with the reviewer's comment (version 2).
  const stored: FormState = plan.state === 'returned' ? 'submitted' : plan.state;
  await insertForm(trx, { id, departmentId: place.departmentId, regionId: place.regionId, year: place.year, taskId: place.taskId, state: stored, at, ...content });
  rows.versions.push({ formId: id, version: 1, documentJson: content.documentJson, state: stored, at, userId: OPERATOR });
  rows.audits.push({ id: ctx.newId(), formId: id, entry: { version: 1, at, userId: OPERATOR, action: 'import', comment: place.comment, changes: [] } });
  const reviewedAt = timeIn(place.year, random, 30);
  for (const r of plan.reviews) rows.reviews.push({ formId: id, indicatorId: r.indicatorId, score: r.score, comment: r.comment, reviewerId: OPERATOR, updatedAt: reviewedAt });
  if (plan.state === 'returned') rows.returns.push({ id, documentJson: content.documentJson, at: reviewedAt, comment: plan.reviewComment });
  summary.forms += 1;
  summary.reviews += plan.reviews.length;
  summary.byState[plan.state] += 1;
  summary.byGrade[check.score.grade] += 1;
  for (const f of check.findings) summary.findings[f.severity] += 1;
}

/** The batch's queued history: multi-row inserts, then each return as the workflow records one (version 2, logged). */
async function writeBatchRows(ctx: ServiceContext, trx: Kysely<Database>, rows: BatchRows): Promise<void> {
  await insertVersions(trx, rows.versions);
  await appendFirstAudits(trx, rows.audits);
  await insertReviews(trx, rows.reviews);
  for (const r of rows.returns) {
    if (!(await updateFormIfVersion(trx, r.id, 1, { state: 'returned', reviewComment: r.comment, at: r.at }))) throw new Error(`generated form ${r.id} changed while it was written`);
    await insertVersion(trx, { formId: r.id, version: 2, documentJson: r.documentJson, state: 'returned', at: r.at, userId: OPERATOR });
    await appendAudit(trx, ctx.newId(), r.id, { seq: await nextAuditSeq(trx, r.id), version: 2, at: r.at, userId: OPERATOR, action: 'return', comment: r.comment, changes: [{ path: 'state', before: 'submitted', after: 'returned' }] });
  }
}

/** A generated department with its form of every year, before anything is stored. */
export interface PlannedDepartment {
  region: string;
  regionIndex: number;
  department: DepartmentProfile;
  forms: { year: number; document: FormDocument; anomalies: AnomalyKind[]; workflow: WorkflowPlan; random: Random }[];
}

/**
 * The district `options` describe, department by department (lazily: 25,000 documents are never held at
 * once). Pure and deterministic for a seed; what the writer stores and what the tests compare it with.
 */
export function* plannedDepartments(seed: FormDocument, plan: readonly RegionPlan[], options: Pick<GenerateOptions, 'years' | 'firstYear' | 'seed'>): Generator<PlannedDepartment> {
  for (const [regionIndex, region] of plan.entries()) {
    for (const [departmentIndex, department] of region.departments.entries()) {
      const forms = Array.from({ length: options.years }, (_, yearIndex) => {
        const year = options.firstYear + yearIndex;
        const random = formRandom(options.seed, regionIndex, departmentIndex, yearIndex);
        const { document, anomalies } = generateForm(seed, department, year, yearIndex, random);
        return { year, document, anomalies, workflow: planWorkflow(document, yearIndex, options.years, random), random };
      });
      yield { region: region.name, regionIndex, department, forms };
    }
  }
}

/** The regions and departments of a run (the plan is drawn from the seed before any form). */
export function planOf(options: Pick<GenerateOptions, 'departments' | 'region' | 'seed'>): RegionPlan[] {
  return planDistrict(options.departments, options.region, seededRandom(options.seed));
}

/** Generates the district `options` describe from the seed form's text. */
export async function generateDistrict(ctx: ServiceContext, seedText: string, options: GenerateOptions, production: boolean): Promise<GenerateOutcome> {
  if (production) return { kind: 'refused', reason: 'production' };
  const started = performance.now();
  const seed = importFormText(seedText).value;
  if (!seed) throw new Error('the seed form did not import');
  const plan = planOf(options);
  const clash = await firstExisting(ctx.db, plan);
  if (clash) return { kind: 'refused', reason: 'exists', ...clash };

  const years = Array.from({ length: options.years }, (_, i) => options.firstYear + i);
  const template = JSON.stringify(templateFromForm(seed));
  const comment = `jixiao demo generate --seed ${options.seed}`;
  const summary = emptySummary();
  const formsTotal = options.departments * options.years;
  const regions = new Map<string, { regionId: string; taskOf: Map<number, string> }>();
  const departments = plannedDepartments(seed, plan, options);
  const inFlight: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  for (let done = false; !done; ) {
    const batch: PlannedDepartment[] = [];
    for (let next = departments.next(); ; next = departments.next()) {
      if (next.done) {
        done = true;
        break;
      }
      batch.push(next.value);
      if (batch.length === DEPARTMENTS_PER_BATCH) break;
    }
    for (const planned of batch) {
      if (!regions.has(planned.region)) {
        regions.set(planned.region, await prepareRegion(ctx, planned.region, years, template));
        summary.regions += 1;
      }
    }
    const written = ctx.db.transaction().execute(async (trx) => {
      const rows: BatchRows = { versions: [], audits: [], reviews: [], returns: [] };
      for (const planned of batch) {
        const region = regions.get(planned.region);
        if (!region) throw new Error('unreachable: every region was prepared');
        await writeDepartment(ctx, trx, region, planned, comment, rows, summary);
      }
      await writeBatchRows(ctx, trx, rows);
    });
    // Caught at once (a rejection nobody awaits yet would end the process) and thrown below.
    inFlight.push(written.then(() => options.onProgress?.(summary.forms, formsTotal)).catch((error: unknown) => void (failure ??= { error })));
    // Two batches at once: on PostgreSQL one is computed while the other waits for the server (SQLite's one
    // connection takes them in turn).
    if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
    if (failure) break;
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  summary.ms = performance.now() - started;
  return { kind: 'generated', summary };
}

/** One department and its form of every year. */
async function writeDepartment(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  region: { regionId: string; taskOf: Map<number, string> },
  planned: PlannedDepartment,
  comment: string,
  rows: BatchRows,
  summary: GenerateSummary,
): Promise<void> {
  const departmentId = ctx.newId();
  const { department } = planned;
  await insertDepartment(trx, { id: departmentId, regionId: region.regionId, name: department.name, unitCount: department.unitCount });
  // 单位数 counts the department itself (本级) and its subordinate units.
  const units = Array.from({ length: department.unitCount }, (_, i) => ({ id: ctx.newId(), departmentId, name: i === 0 ? `${department.name}（本级）` : `${department.name}${UNIT_SUFFIXES[(i - 1) % UNIT_SUFFIXES.length] ?? ''}` }));
  await insertUnits(trx, units);
  summary.departments += 1;
  for (const form of planned.forms) {
    for (const a of form.anomalies) summary.anomalies[a] += 1;
    await writeForm(ctx, trx, { departmentId, regionId: region.regionId, taskId: region.taskOf.get(form.year) ?? null, year: form.year, comment }, form.document, form.random, form.workflow, rows, summary);
  }
}
