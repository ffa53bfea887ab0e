/**
 * The per-account login throttle: after MAX_FAILURES consecutive failed sign-ins on one account name,
 * signing in with that name is paused for PAUSE_MS after the last failure, whatever address the guesses come
 * from; a successful sign-in forgets the failures. Counted in the database, so every app server shares it
 * (the per-address rate limit lives in each process). Names that belong to nobody are counted exactly the
 * same way, so the answers never tell which accounts exist.
 */
import { clearFailures, countAttempt, findFailures } from '../db/repositories/login-failures-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';

/** Consecutive failures allowed before signing in is paused. */
export const MAX_FAILURES = 5;
/** How long signing in stays paused after the last failure (and how long failures are remembered). */
export const PAUSE_MS = 15 * 60 * 1000;

/** The name failures are counted under: case, width and surrounding spaces do not make a new account. */
function accountKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

function paused(until: number, now: number): ApiError {
  return new ApiError('api.signInPaused', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) });
}

/**
 * Admits one sign-in attempt or refuses it (api.signInPaused) without looking at the password. The attempt
 * is counted before the password is checked, so that parallel guesses cannot all get in under the limit;
 * `signInSucceeded` takes the count back.
 */
export async function admitSignIn(ctx: ServiceContext, username: string): Promise<void> {
  const account = accountKey(username);
  const now = ctx.clock().getTime();
  const since = new Date(now - PAUSE_MS).toISOString();
  const previous = await findFailures(ctx.db, account);
  if (previous && previous.failures >= MAX_FAILURES && previous.lastFailureAt >= since) throw paused(Date.parse(previous.lastFailureAt) + PAUSE_MS, now);
  const count = await countAttempt(ctx.db, account, new Date(now).toISOString(), since);
  if (count > MAX_FAILURES) throw paused(now + PAUSE_MS, now);
}

/** Forgets an account name's failures once its password was right. */
export async function signInSucceeded(ctx: ServiceContext, username: string): Promise<void> {
  await clearFailures(ctx.db, accountKey(username));
}
