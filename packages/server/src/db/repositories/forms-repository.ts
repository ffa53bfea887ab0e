/**
 * Forms, their versions and per-indicator reviews: all the SQL about a department's form. The document is
 * stored as JSON text beside indexed summary columns (state, year, total, grade), so lists never parse it.
 */
import type { Finding, FormState, Grade } from '@jixiao/core';
import type { Kysely, RawBuilder, Selectable } from 'kysely';
import { sql, SqliteAdapter } from 'kysely';
import { compiledOnce } from '../compiled-query.js';
import { readDecimal, readNullableDecimal } from '../decimal.js';
import type { FormAnalysisRows } from '../../services/analysis/form-facts.js';
import { refreshReviewFacts, updateAnalysisState, writeFormAnalysis } from './analysis-repository.js';
import type { Database, FormTable } from '../schema.js';

/** The columns a list needs: everything but the document and its findings. */
export interface FormSummary {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  state: FormState;
  version: number;
  unitName: string;
  total: number;
  grade: Grade;
  errorCount: number;
  warningCount: number;
  updatedAt: string;
  /** The deadline (YYYY-MM-DD) of the year's task the form was issued by; null when it has none (imported, made by hand). */
  deadline: string | null;
}

/** A whole form row: the summary, the document as stored JSON text and its findings. */
export interface FormRecord extends FormSummary {
  taskId: string | null;
  documentJson: string;
  findings: Finding[];
  reviewComment: string;
}

/** What a save writes: the document with its computed summary. */
export interface FormContent {
  documentJson: string;
  findingsJson: string;
  unitName: string;
  total: number;
  grade: Grade;
  errorCount: number;
  warningCount: number;
  /** The rows the analysis keeps of the document (written with it, in the same transaction). */
  analysis: FormAnalysisRows;
}

/** Runs in the caller's transaction, or in one of its own: a form and its analysis rows change together. */
async function atomically<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

// `deadline` is a text column on both dialects: it needs no mapping (unlike the decimals in decimal.ts).
type Row = Selectable<FormTable> & { department_name: string; deadline: string | null };

function toSummary(row: Omit<Row, 'document' | 'findings' | 'task_id' | 'review_comment' | 'audit_seq' | 'created_at'>): FormSummary {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    year: row.year,
    state: row.state as FormState,
    version: row.version,
    unitName: row.unit_name,
    total: readDecimal(row.total),
    grade: row.grade as Grade,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    updatedAt: row.updated_at,
    deadline: row.deadline,
  };
}

/** A form row as read to be answered: the document as its stored UTF-8 bytes, never decoded into a string. */
export interface StoredForm extends Omit<FormRecord, 'documentJson'> {
  documentUtf8: Buffer;
}

/**
 * The document column as UTF-8 bytes. Decoding 20 KB of Chinese into a JavaScript string and encoding it
 * back for the answer cost more than the rest of a GET; the bytes go into the answer as they are stored.
 */
function documentBytes(db: Kysely<Database>): RawBuilder<Buffer> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sql<Buffer>`cast("forms"."document" as blob)` : sql<Buffer>`convert_to("forms"."document", 'UTF8')`;
}

/** A form row with its department's name and its task's deadline; the caller adds the document column it wants. */
function formRowQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('forms')
    .innerJoin('departments', 'departments.id', 'forms.department_id')
    .leftJoin('tasks', 'tasks.id', 'forms.task_id')
    .select([
      'forms.id', 'forms.department_id', 'forms.region_id', 'forms.year', 'forms.task_id', 'forms.state', 'forms.version', 'forms.findings',
      'forms.unit_name', 'forms.total', 'forms.grade', 'forms.error_count', 'forms.warning_count', 'forms.review_comment', 'forms.updated_at',
      'departments.name as department_name', 'tasks.deadline as deadline',
    ])
    .where('forms.id', '=', id);
}

/** A form row's record without its document (each reader adds the document as it read it). */
function recordOf(row: Omit<Row, 'document' | 'audit_seq' | 'created_at'>): Omit<FormRecord, 'documentJson'> {
  return { ...toSummary(row), taskId: row.task_id, findings: JSON.parse(row.findings) as Finding[], reviewComment: row.review_comment };
}

const formRow = compiledOnce((db, id: string) => formRowQuery(db, id).select('forms.document'));

/** A form by id, or null. */
export async function findForm(db: Kysely<Database>, id: string): Promise<FormRecord | null> {
  const [row] = await formRow(db, id);
  return row ? { ...recordOf(row), documentJson: row.document } : null;
}

const storedFormRow = compiledOnce((db, id: string) => formRowQuery(db, id).select(documentBytes(db).as('document_utf8')));

/** A form by id with its document as stored bytes (to be answered), or null. */
export async function findStoredForm(db: Kysely<Database>, id: string): Promise<StoredForm | null> {
  const [row] = await storedFormRow(db, id);
  return row ? { ...recordOf(row), documentUtf8: row.document_utf8 } : null;
}

/** Which forms a list shows: a year, a region, a department, some states (each optional). */
export interface FormFilter {
  year?: number | undefined;
  regionId?: string | undefined;
  departmentId?: string | undefined;
  states?: readonly FormState[] | undefined;
}

/** Form summaries matching a filter, by department name. */
export async function listForms(db: Kysely<Database>, filter: FormFilter): Promise<FormSummary[]> {
  let query = db
    .selectFrom('forms')
    .innerJoin('departments', 'departments.id', 'forms.department_id')
    .leftJoin('tasks', 'tasks.id', 'forms.task_id')
    .select([
      'forms.id', 'forms.department_id', 'forms.region_id', 'forms.year', 'forms.state', 'forms.version', 'forms.unit_name',
      'forms.total', 'forms.grade', 'forms.error_count', 'forms.warning_count', 'forms.updated_at', 'departments.name as department_name',
      'tasks.deadline as deadline',
    ])
    .orderBy('forms.year', 'desc')
    .orderBy('departments.name');
  if (filter.year !== undefined) query = query.where('forms.year', '=', filter.year);
  if (filter.regionId !== undefined) query = query.where('forms.region_id', '=', filter.regionId);
  if (filter.departmentId !== undefined) query = query.where('forms.department_id', '=', filter.departmentId);
  if (filter.states !== undefined) query = query.where('forms.state', 'in', [...filter.states]);
  return (await query.execute()).map(toSummary);
}

/** The form of a department for a year, if any. */
export async function findFormIdOf(db: Kysely<Database>, departmentId: string, year: number): Promise<string | null> {
  const row = await db.selectFrom('forms').select('id').where('department_id', '=', departmentId).where('year', '=', year).executeTakeFirst();
  return row?.id ?? null;
}

/** Stores a new form at version 1, with its analysis rows. */
export async function insertForm(
  db: Kysely<Database>,
  form: { id: string; departmentId: string; regionId: string; year: number; taskId: string | null; state: FormState; at: string } & FormContent,
): Promise<void> {
  await atomically(db, async (trx) => {
    await insertFormRow(trx, form);
    await writeFormAnalysis(trx, { formId: form.id, departmentId: form.departmentId, regionId: form.regionId, year: form.year, state: form.state }, form.analysis);
  });
}

async function insertFormRow(
  db: Kysely<Database>,
  form: { id: string; departmentId: string; regionId: string; year: number; taskId: string | null; state: FormState; at: string } & FormContent,
): Promise<void> {
  await db
    .insertInto('forms')
    .values({
      id: form.id,
      department_id: form.departmentId,
      region_id: form.regionId,
      year: form.year,
      task_id: form.taskId,
      state: form.state,
      version: 1,
      document: form.documentJson,
      findings: form.findingsJson,
      unit_name: form.unitName,
      total: form.total,
      grade: form.grade,
      error_count: form.errorCount,
      warning_count: form.warningCount,
      review_comment: '',
      created_at: form.at,
      updated_at: form.at,
    })
    .execute();
}

/** What a versioned update changes: the content (with its analysis rows), the state, the review comment. */
export interface FormChange {
  content?: FormContent;
  state?: FormState;
  reviewComment?: string;
  at: string;
}

/**
 * Writes new content and/or state if the form is still at `expectedVersion`, bumping the version; the
 * analysis rows follow in the same transaction. Returns false when someone else got there first: the
 * caller answers 409, nothing is overwritten.
 */
export async function updateFormIfVersion(db: Kysely<Database>, id: string, expectedVersion: number, change: FormChange): Promise<boolean> {
  return (await updateAndFollow(db, id, expectedVersion, change, false)) !== null;
}

/**
 * As `updateFormIfVersion`, and takes the next number of the form's audit log in the same statement (as
 * `nextAuditSeq` would, under the same row lock): returns it, or null when someone else got there first.
 */
export async function updateFormIfVersionForAudit(db: Kysely<Database>, id: string, expectedVersion: number, change: FormChange): Promise<number | null> {
  return updateAndFollow(db, id, expectedVersion, change, true);
}

async function updateAndFollow(db: Kysely<Database>, id: string, expectedVersion: number, change: FormChange, takeAuditSeq: boolean): Promise<number | null> {
  return atomically(db, async (trx) => {
    const place = await updateFormRowIfVersion(trx, id, expectedVersion, change, takeAuditSeq);
    if (place === undefined) return null;
    const state = place.state as FormState;
    if (change.content) await writeFormAnalysis(trx, { formId: id, departmentId: place.department_id, regionId: place.region_id, year: place.year, state }, change.content.analysis);
    else if (change.state !== undefined) await updateAnalysisState(trx, id, state);
    return place.audit_seq;
  });
}

async function updateFormRowIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  change: FormChange,
  takeAuditSeq: boolean,
): Promise<{ department_id: string; region_id: string; year: number; state: string; audit_seq: number } | undefined> {
  const { content } = change;
  return db
    .updateTable('forms')
    .set((eb) => ({
      version: expectedVersion + 1,
      updated_at: change.at,
      ...(takeAuditSeq ? { audit_seq: eb('audit_seq', '+', 1) } : {}),
      ...(change.state !== undefined ? { state: change.state } : {}),
      ...(change.reviewComment !== undefined ? { review_comment: change.reviewComment } : {}),
      ...(content
        ? {
            document: content.documentJson,
            findings: content.findingsJson,
            unit_name: content.unitName,
            total: content.total,
            grade: content.grade,
            error_count: content.errorCount,
            warning_count: content.warningCount,
          }
        : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(['department_id', 'region_id', 'year', 'state', 'audit_seq'])
    .executeTakeFirst();
}

/** The current version of a form (for a 409's answer). */
export async function currentVersion(db: Kysely<Database>, id: string): Promise<number | null> {
  const row = await db.selectFrom('forms').select('version').where('id', '=', id).executeTakeFirst();
  return row?.version ?? null;
}

/** Stores the document of a version, so that any two versions can be compared. */
export async function insertVersion(db: Kysely<Database>, v: { formId: string; version: number; documentJson: string; state: FormState; at: string; userId: string }): Promise<void> {
  await db
    .insertInto('form_versions')
    .values({ form_id: v.formId, version: v.version, document: v.documentJson, state: v.state, created_at: v.at, created_by: v.userId })
    .execute();
}

/** The document of one version. */
export async function findVersionDocument(db: Kysely<Database>, formId: string, version: number): Promise<string | null> {
  const row = await db.selectFrom('form_versions').select('document').where('form_id', '=', formId).where('version', '=', version).executeTakeFirst();
  return row?.document ?? null;
}

/** A reviewer's score and comment on one indicator, beside the self-score. */
export interface Review {
  indicatorId: string;
  score: number | null;
  comment: string;
  reviewerId: string;
  updatedAt: string;
}

/** Stores (or replaces) the review of one indicator. */
export async function upsertReview(db: Kysely<Database>, formId: string, review: Review): Promise<void> {
  await atomically(db, async (trx) => {
    await trx
      .insertInto('reviews')
      .values({ form_id: formId, indicator_id: review.indicatorId, score: review.score, comment: review.comment, reviewer_id: review.reviewerId, updated_at: review.updatedAt })
      .onConflict((oc) => oc.columns(['form_id', 'indicator_id']).doUpdateSet({ score: review.score, comment: review.comment, reviewer_id: review.reviewerId, updated_at: review.updatedAt }))
      .execute();
    await refreshReviewFacts(trx, [formId]);
  });
}

const reviewRows = compiledOnce((db, formId: string) => db.selectFrom('reviews').selectAll().where('form_id', '=', formId).orderBy('indicator_id'));

/** Every review of a form. */
export async function listReviews(db: Kysely<Database>, formId: string): Promise<Review[]> {
  const rows = await reviewRows(db, formId);
  return rows.map((r) => ({ indicatorId: r.indicator_id, score: readNullableDecimal(r.score), comment: r.comment, reviewerId: r.reviewer_id, updatedAt: r.updated_at }));
}

/** Rows per multi-row INSERT of the batched writers: well under either database's limit on parameters. */
const BATCH_ROWS = 1000;

/** Stores many versions at once (the generator's batches; a save stores one with `insertVersion`). */
export async function insertVersions(db: Kysely<Database>, versions: readonly { formId: string; version: number; documentJson: string; state: FormState; at: string; userId: string }[]): Promise<void> {
  for (let i = 0; i < versions.length; i += BATCH_ROWS) {
    await db
      .insertInto('form_versions')
      .values(versions.slice(i, i + BATCH_ROWS).map((v) => ({ form_id: v.formId, version: v.version, document: v.documentJson, state: v.state, created_at: v.at, created_by: v.userId })))
      .execute();
  }
}

/** Stores many reviews of forms that have none yet (the generator's batches; a reviewer's change goes through `upsertReview`). */
export async function insertReviews(db: Kysely<Database>, reviews: readonly ({ formId: string } & Review)[]): Promise<void> {
  await atomically(db, async (trx) => {
    for (let i = 0; i < reviews.length; i += BATCH_ROWS) {
      await trx
        .insertInto('reviews')
        .values(reviews.slice(i, i + BATCH_ROWS).map((r) => ({ form_id: r.formId, indicator_id: r.indicatorId, score: r.score, comment: r.comment, reviewer_id: r.reviewerId, updated_at: r.updatedAt })))
        .execute();
    }
    await refreshReviewFacts(trx, reviews.map((r) => r.formId));
  });
}
