/** Failed sign-ins per account name: all the SQL of the login throttle. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Counts one more attempt against an account name in one atomic statement, starting again from 1 when
 * the last one is older than `since`; returns the count including this attempt. Counting before the
 * password is checked means concurrent guesses on several servers cannot all slip past the limit.
 */
export async function countAttempt(db: Kysely<Database>, account: string, at: string, since: string): Promise<number> {
  const row = await db
    .insertInto('login_failures')
    .values({ account, failures: 1, last_failure_at: at })
    .onConflict((oc) =>
      oc.column('account').doUpdateSet({
        failures: sql<number>`case when login_failures.last_failure_at < ${since} then 1 else login_failures.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** The failures counted against an account name and when the last one was, or null. */
export async function findFailures(db: Kysely<Database>, account: string): Promise<{ failures: number; lastFailureAt: string } | null> {
  const row = await db.selectFrom('login_failures').select(['failures', 'last_failure_at']).where('account', '=', account).executeTakeFirst();
  return row ? { failures: Number(row.failures), lastFailureAt: row.last_failure_at } : null;
}

/** Forgets an account name's failures (after a successful sign-in). */
export async function clearFailures(db: Kysely<Database>, account: string): Promise<void> {
  await db.deleteFrom('login_failures').where('account', '=', account).execute();
}
