/**
 * Migration '0003-analysis': the rows the dashboard reads (services/analysis/form-facts.ts) — one facts row
 * per form and one row per 三级指标 — with the indexes of its queries, and the rows of every form already
 * stored (computed from its document, as a save would). Portable DDL only; amounts are bigint (分).
 */
import type { FormDocument, FormState } from '@jixiao/core';
import { checkForm } from '@jixiao/core';
import type { Kysely, Migration } from 'kysely';
import { formAnalysisRows } from '../services/analysis/form-facts.js';
import { refreshReviewFacts, writeFormAnalysis } from './repositories/analysis-repository.js';
import type { Database } from './schema.js';

const AMOUNT_COLUMNS = ['fiscal_appropriation', 'other_funds', 'basic_expenditure', 'project_expenditure', 'own_level_expenditure', 'transfer_payment'];

/** Forms read per page while filling the rows of forms stored before this migration. */
const BACKFILL_PAGE = 200;

export const analysis: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    let facts = db.schema
      .createTable('analysis_forms')
      .addColumn('form_id', 'text', (c) => c.primaryKey().references('forms.id'))
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('total_units', 'integer', (c) => c.notNull())
      .addColumn('self_sum_units', 'integer', (c) => c.notNull())
      .addColumn('review_delta_units', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reviewed_leaves', 'integer', (c) => c.notNull().defaultTo(0));
    for (const row of ['budgeted', 'executed']) for (const column of AMOUNT_COLUMNS) facts = facts.addColumn(`${row}_${column}`, 'bigint');
    await facts.addColumn('budgeted_total', 'bigint').addColumn('executed_total', 'bigint').execute();
    await db.schema.createIndex('analysis_forms_year_region').on('analysis_forms').columns(['year', 'region_id', 'state']).execute();
    await db.schema.createIndex('analysis_forms_department_year').on('analysis_forms').columns(['department_id', 'year']).execute();
    await db.schema
      .createTable('analysis_leaves')
      .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('name_path', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('not_applicable', 'integer', (c) => c.notNull())
      .addColumn('weight_units', 'integer')
      .addColumn('self_units', 'integer')
      .addColumn('lost_units', 'integer')
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('finding_codes', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_leaves_pk', ['form_id', 'position'])
      .execute();
    // Reviews are matched to leaves by id within a form.
    await db.schema.createIndex('analysis_leaves_form_indicator').on('analysis_leaves').columns(['form_id', 'indicator_id']).execute();

    const typed = db as Kysely<Database>;
    for (let offset = 0; ; offset += BACKFILL_PAGE) {
      const page = await typed.selectFrom('forms').select(['id', 'department_id', 'region_id', 'year', 'state', 'document']).orderBy('id').limit(BACKFILL_PAGE).offset(offset).execute();
      for (const form of page) {
        const document = JSON.parse(form.document) as FormDocument;
        const place = { formId: form.id, departmentId: form.department_id, regionId: form.region_id, year: form.year, state: form.state as FormState };
        await writeFormAnalysis(typed, place, formAnalysisRows(document, checkForm(document)));
        await refreshReviewFacts(typed, [form.id]);
      }
      if (page.length < BACKFILL_PAGE) break;
    }
  },
};
