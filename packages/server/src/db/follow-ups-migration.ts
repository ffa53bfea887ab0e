/** Migration '0002-follow-ups': the tables of 整改 (follow-ups) and their history. Portable DDL only. */
import type { Kysely, Migration } from 'kysely';

/** 整改: follow-ups raised from a form's findings or review comments, and every change made to them. */
export const followUps: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_code', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('source_indicator_id', 'text')
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('follow_ups_department_year').on('follow_ups').columns(['department_id', 'year']).execute();
    await db.schema.createIndex('follow_ups_region_year').on('follow_ups').columns(['region_id', 'year']).execute();
    await db.schema.createIndex('follow_ups_form').on('follow_ups').column('form_id').execute();
    await db.schema
      .createTable('follow_up_history')
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('follow_up_history_pk', ['follow_up_id', 'version'])
      .execute();
  },
};
