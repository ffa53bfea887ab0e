/**
 * Queries built and compiled once per dialect, then run with each call's parameters. Kysely builds and
 * compiles every query afresh, which on the paths every request takes (its session, the form, its reviews)
 * costs about as much as running it (bench/RESULTS.md, "API"). Repositories use it for a few hot queries.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query run as compiled the first time: `build` receives stand-ins for the parameters, whose places among
 * the compiled parameters are found by identity, so the builder may use them in any order and add constants
 * of its own. Each parameter must be used as one value (`where id = ?`), never as a list or transformed.
 */
export function compiledOnce<P extends readonly string[], O>(build: (db: Kysely<Database>, ...params: P) => Compilable<O>): (db: Kysely<Database>, ...params: P) => Promise<O[]> {
  const byDialect = new Map<unknown, { compiled: CompiledQuery<O>; places: number[] }>();
  return async (db, ...params) => {
    // Transactions share their database's adapter: one compiled query serves both.
    const dialect = db.getExecutor().adapter.constructor;
    let entry = byDialect.get(dialect);
    if (entry === undefined) {
      const standIns = params.map((_, i) => `\u0000compiled-query parameter ${i}\u0000`);
      const compiled = build(db, ...(standIns as unknown as P)).compile();
      const places = compiled.parameters.map((p) => standIns.indexOf(p as string));
      if (standIns.some((s) => !compiled.parameters.includes(s))) throw new Error('compiledOnce: a parameter was not used as one value');
      entry = { compiled, places };
      byDialect.set(dialect, entry);
    }
    const { compiled, places } = entry;
    const parameters = compiled.parameters.map((p, i) => (places[i] === -1 ? p : params[places[i] as number]));
    return (await db.executeQuery<O>({ ...compiled, parameters })).rows;
  };
}
