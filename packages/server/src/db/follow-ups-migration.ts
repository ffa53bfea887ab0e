/**
 * Migration '0002-follow-ups': the tables of 整改 (follow-ups) and their history. The history is append-only
 * in the database itself, as the audit log is (0004-audit-guard): triggers refuse every UPDATE and DELETE of
 * follow_up_history (and TRUNCATE on PostgreSQL); inserting, as a change or a restore does, stays allowed.
 */
import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from './database.js';

/** The text the database's refusal carries. */
export const FOLLOW_UP_HISTORY_GUARD_MESSAGE = 'follow_up_history is append-only: entries cannot be changed or deleted';

/** 整改: follow-ups raised from a form's findings or review comments, and every change made to them. */
export function followUps(dialect: DialectName): Migration {
  return {
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
      if (dialect === 'sqlite') {
        for (const event of ['update', 'delete'] as const) {
          await sql.raw(`create trigger follow_up_history_no_${event} before ${event} on follow_up_history begin select raise(abort, '${FOLLOW_UP_HISTORY_GUARD_MESSAGE}'); end`).execute(db);
        }
        return;
      }
      await sql
        .raw(`create function follow_up_history_append_only() returns trigger language plpgsql as $$ begin raise exception '${FOLLOW_UP_HISTORY_GUARD_MESSAGE}' using errcode = 'restrict_violation'; end $$`)
        .execute(db);
      await sql.raw('create trigger follow_up_history_no_change before update or delete on follow_up_history for each row execute function follow_up_history_append_only()').execute(db);
      await sql.raw('create trigger follow_up_history_no_truncate before truncate on follow_up_history for each statement execute function follow_up_history_append_only()').execute(db);
    },
  };
}
