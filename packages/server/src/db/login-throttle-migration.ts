/**
 * Migration 0004-login-throttle: consecutive failed sign-ins per account name, kept in the database so that
 * every app server in front of it counts the same attempts (the rate limit in memory is per process).
 */
import type { Kysely, Migration } from 'kysely';

export const loginThrottle: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('login_failures')
      .addColumn('account', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .execute();
  },
};
