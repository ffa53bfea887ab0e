/**
 * The SQL of publication: which years have published forms, and a year's published forms whole (document,
 * region, template version) with their reviews, for the public index and the open-data package. Every
 * query here filters on state = 'published' itself: nothing unpublished can leave through it.
 */
import type { FormState, Grade } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { readDecimal, readNullableDecimal } from '../decimal.js';
import type { Database } from '../schema.js';

const PUBLISHED: FormState = 'published';

/** A year with how many forms are published in it. */
export interface PublishedYear {
  year: number;
  count: number;
}

/** The years that have published forms, latest first. */
export async function listPublishedYears(db: Kysely<Database>): Promise<PublishedYear[]> {
  const rows = await db
    .selectFrom('forms')
    .select((eb) => ['forms.year', eb.fn.countAll<number | string>().as('n')])
    .where('forms.state', '=', PUBLISHED)
    .groupBy('forms.year')
    .orderBy('forms.year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, count: readDecimal(r.n) }));
}

/** How a year's published forms stand: how many, and their latest change (null when there are none). */
export async function publishedStamp(db: Kysely<Database>, year: number): Promise<{ count: number; lastChange: string | null }> {
  const row = await db
    .selectFrom('forms')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('forms.updated_at').as('last')])
    .where('forms.state', '=', PUBLISHED)
    .where('forms.year', '=', year)
    .executeTakeFirst();
  return { count: readDecimal(row?.n ?? 0), lastChange: row?.last ?? null };
}

/** A published form whole, with where it belongs. */
export interface PublishedFormRecord {
  id: string;
  year: number;
  state: FormState;
  departmentName: string;
  regionName: string;
  total: number;
  grade: Grade;
  /** When the form last changed: a published form is locked, so this is when it was published. */
  updatedAt: string;
  /** The version of the template its task was issued from; null without a task. */
  templateVersion: number | null;
  documentJson: string;
}

/** The published forms of a year. */
export async function listPublishedFormsOfYear(db: Kysely<Database>, year: number): Promise<PublishedFormRecord[]> {
  const rows = await db
    .selectFrom('forms')
    .innerJoin('departments', 'departments.id', 'forms.department_id')
    .innerJoin('regions', 'regions.id', 'forms.region_id')
    .leftJoin('tasks', 'tasks.id', 'forms.task_id')
    .leftJoin('templates', 'templates.id', 'tasks.template_id')
    .select([
      'forms.id', 'forms.year', 'forms.state', 'forms.total', 'forms.grade', 'forms.updated_at', 'forms.document',
      'departments.name as department_name', 'regions.name as region_name', 'templates.version as template_version',
    ])
    .where('forms.state', '=', PUBLISHED)
    .where('forms.year', '=', year)
    .orderBy('forms.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    state: r.state as FormState,
    departmentName: r.department_name,
    regionName: r.region_name,
    total: readDecimal(r.total),
    grade: r.grade as Grade,
    updatedAt: r.updated_at,
    templateVersion: r.template_version,
    documentJson: r.document,
  }));
}

/** A review of one indicator of a published form. */
export interface PublishedReview {
  formId: string;
  indicatorId: string;
  score: number | null;
  comment: string;
}

// Well under the bound-parameter limits of SQLite (32766) and PostgreSQL (65535).
const CHUNK = 1000;

/** The reviews of published forms (forms not published give none). */
export async function listReviewsOfPublishedForms(db: Kysely<Database>, formIds: readonly string[]): Promise<PublishedReview[]> {
  const out: PublishedReview[] = [];
  for (let i = 0; i < formIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('reviews')
      .innerJoin('forms', 'forms.id', 'reviews.form_id')
      .select(['reviews.form_id', 'reviews.indicator_id', 'reviews.score', 'reviews.comment'])
      .where('forms.state', '=', PUBLISHED)
      .where('reviews.form_id', 'in', formIds.slice(i, i + CHUNK))
      .orderBy('reviews.form_id')
      .orderBy('reviews.indicator_id')
      .execute();
    for (const r of rows) out.push({ formId: r.form_id, indicatorId: r.indicator_id, score: readNullableDecimal(r.score), comment: r.comment });
  }
  return out;
}
