/**
 * Migration 0004-audit-guard: the audit log is append-only in the database itself, not only by the code's
 * habit. Triggers refuse every UPDATE and DELETE of audit_log (and TRUNCATE on PostgreSQL), so neither a
 * bug nor a hand-typed statement can rewrite history; backup restore only inserts, which stays allowed.
 */
import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from './database.js';

/** The text the database's refusal carries (tests and operators look for it). */
export const AUDIT_GUARD_MESSAGE = 'audit_log is append-only: entries cannot be changed or deleted';

export function auditGuard(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') {
        for (const event of ['update', 'delete'] as const) {
          await sql
            .raw(`create trigger audit_log_no_${event} before ${event} on audit_log begin select raise(abort, '${AUDIT_GUARD_MESSAGE}'); end`)
            .execute(db);
        }
        return;
      }
      await sql
        .raw(
          `create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception '${AUDIT_GUARD_MESSAGE}' using errcode = 'restrict_violation'; end $$`,
        )
        .execute(db);
      await sql.raw('create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()').execute(db);
      await sql.raw('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()').execute(db);
    },
  };
}
