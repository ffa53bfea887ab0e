/**
 * Group commit on SQLite: changes that reach the database in the same turn of the event loop share one
 * transaction, hence one fsync, each in its own savepoint. SQLite commits at `synchronous=FULL` (decisions.md)
 * and one fsync here takes about 2 ms, during which better-sqlite3 holds the whole process: alone, it caps
 * saves at a few hundred a second whatever else is done. Nothing is answered before the shared COMMIT has
 * returned, so every acknowledged change is on disk as before; a change that fails (409, 403…) rolls back
 * to its savepoint and fails alone; a COMMIT that fails fails every change of the group, none of which was
 * acknowledged. PostgreSQL groups commits itself: there each change is its own transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql, SqliteAdapter } from 'kysely';
import type { Database } from './schema.js';

interface Waiting {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Group {
  waiting: Waiting[];
  scheduled: boolean;
}

const groups = new WeakMap<Kysely<Database>, Group>();

/**
 * Runs `work` in a transaction that may be shared with other changes of the same moment (SQLite), and
 * resolves once it is committed. `work` must use only the transaction it is given.
 */
export function groupCommitted<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(work);
  let group = groups.get(db);
  if (group === undefined) {
    group = { waiting: [], scheduled: false };
    groups.set(db, group);
  }
  const joined = group;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!joined.scheduled) {
      joined.scheduled = true;
      // After the requests read in this turn of the event loop have queued their changes.
      setImmediate(() => void commitGroup(db, joined));
    }
  });
}

async function commitGroup(db: Kysely<Database>, group: Group): Promise<void> {
  const batch = group.waiting.splice(0);
  group.scheduled = false;
  const settled: (() => void)[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const change of batch) {
        await sql`savepoint grouped_change`.execute(trx);
        try {
          const value = await change.work(trx);
          await sql`release grouped_change`.execute(trx);
          settled.push(() => change.resolve(value));
        } catch (error) {
          await sql`rollback to grouped_change`.execute(trx);
          await sql`release grouped_change`.execute(trx);
          settled.push(() => change.reject(error));
        }
      }
    });
  } catch (error) {
    // Nothing of the group was committed: every change fails, none having been acknowledged.
    for (const change of batch) change.reject(error);
    return;
  }
  for (const settle of settled) settle();
}
