/** What every service needs, passed first: the database, the clock, the id generator, the password hasher. */
import type { Kysely } from 'kysely';
import type { Clock, IdGenerator } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PasswordHasher } from './passwords.js';

/** The dependencies of the services (no HTTP in here). */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  newId: IdGenerator;
  passwords: PasswordHasher;
  /** How long a session lives without signing in again. */
  sessionTtlMs: number;
}

/** The clock's now as stored (ISO-8601). */
export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock().toISOString();
}
