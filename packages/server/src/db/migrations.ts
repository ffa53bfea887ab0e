/**
 * The schema, as Kysely migrations written in code (no SQL files to ship): portable DDL only — text ids
 * made in code, ISO text times, NUMERIC scores, JSON documents as text. The one type that differs
 * between the dialects (binary) is chosen here.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator, sql } from 'kysely';
import { analysis } from './analysis-migration.js';
import { analysisUnitsIndex } from './analysis-units-index-migration.js';
import { auditGuard } from './audit-guard-migration.js';
import { followUps } from './follow-ups-migration.js';
import type { DialectName } from './database.js';
import { loginThrottle } from './login-throttle-migration.js';
import type { Database } from './schema.js';

function initial(dialect: DialectName): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('regions').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull().unique()).execute();
      await db.schema
        .createTable('departments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_count', 'integer')
        .addUniqueConstraint('departments_region_name', ['region_id', 'name'])
        .execute();
      await db.schema
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('region_id', 'text', (c) => c.references('regions.id'))
        .addColumn('department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('templates_region_year_version', ['region_id', 'year', 'version'])
        .execute();
      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('forms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('audit_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('total', 'numeric(7, 2)', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('error_count', 'integer', (c) => c.notNull())
        .addColumn('warning_count', 'integer', (c) => c.notNull())
        .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('forms_department_year', ['department_id', 'year'])
        .execute();
      await db.schema.createIndex('forms_region_year').on('forms').columns(['region_id', 'year']).execute();
      await db.schema.createIndex('forms_state_year').on('forms').columns(['state', 'year']).execute();
      await db.schema
        .createTable('form_versions')
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_form_seq', ['form_id', 'seq'])
        .execute();
      await db.schema
        .createTable('reviews')
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('score', 'numeric(7, 2)')
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reviews_pk', ['form_id', 'indicator_id'])
        .execute();
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content', sql.raw(binary), (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_form').on('attachments').column('form_id').execute();
      await db.schema
        .createTable('pending_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** Every migration, by name in the order they run. */
function migrations(dialect: DialectName): Record<string, Migration> {
  return { '0001-initial': initial(dialect), '0002-follow-ups': followUps(dialect), '0003-analysis': analysis, '0004-audit-guard': auditGuard(dialect), '0004-login-throttle': loginThrottle, '0005-analysis-units-index': analysisUnitsIndex };
}

/**
 * Brings the database up to the latest schema; returns the names of the migrations it ran. In a
 * PostgreSQL schema of its own, the migrator's bookkeeping tables live there too: Kysely looks for them
 * across all schemas otherwise, and would take another schema's for this one's.
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName, schema?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
