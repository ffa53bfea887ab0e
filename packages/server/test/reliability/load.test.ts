/**
 * Deadline day: the built server (`jixiao serve --demo`, its own process, loopback only) under 200
 * connections of sign-ins, reads, saves with If-Match and exports, on SQLite and PostgreSQL. No answer is a
 * 5xx, no request times out, and every save the load was told went through is in the audit log exactly once
 * at the version it was told, with its own words; a save answered anything else is not there; the forms'
 * versions add up (the only saves beyond the acknowledged ones are those still in flight when the load
 * stopped, which no client was told about either way).
 *
 * CI size: LOAD_SECONDS=20 per database (2 cores). On demand: LOAD_SECONDS=60 LOAD_CONNECTIONS=200
 * npx vitest run packages/server/test/reliability/load.test.ts
 */
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { DIALECTS } from '../helpers/dialects.js';
import { acknowledgedProblems, MARKER_PATH } from './acknowledged.js';
import { consistencyProblems } from './consistency.js';
import type { DatabasePlace } from './databases.js';
import { freshDatabase } from './databases.js';
import type { Session } from './http-client.js';
import { signIn, visibleForms } from './http-client.js';
import { growForLoad } from './load-world.js';
import type { Ledger, LoadCast } from './load-mix.js';
import { loadMix } from './load-mix.js';
import type { ServerProcess } from './server-process.js';
import { startServerProcess } from './server-process.js';

const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 20);
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 200);
/**
 * Statuses a correct server gives this mix: 409 is a save that lost the race, and is expected; so is an
 * export refused 503 "busy, retry" when the format workers' queue is full (only with api.busy and
 * Retry-After: any other 5xx is a server error, see load-mix.ts busyExport).
 */
const EXPECTED_STATUSES = new Set([200, 204, 409]);
const expectedStatus = (key: string): boolean => key === 'export 503' || EXPECTED_STATUSES.has(Number(key.split(' ')[1]));

async function castOf(base: string, url: string): Promise<LoadCast> {
  // Forty drafts, and heads and editors over every department: the connections still race on each form,
  // and most saves can go through.
  const accounts = await growForLoad(url, 32, 24);
  // The sessions most cycles reuse: four administrators, heads and editors, of different departments.
  const pool: Session[] = [];
  for (const role of ['administrator', 'head', 'editor']) {
    for (const account of accounts.filter((a) => a.role === role).slice(0, 4)) pool.push(await signIn(base, account.username, account.password));
  }
  const all = await visibleForms(base, pool[0] as Session);
  const drafts = all.filter((f) => f.state === 'draft');
  const draftsOf = new Map<string, string[]>();
  for (const f of drafts) draftsOf.set(f.departmentId, [...(draftsOf.get(f.departmentId) ?? []), f.id]);
  const published = all.find((f) => f.state === 'published');
  if (!published || drafts.length === 0) throw new Error('the demo has no published form or no draft');
  // A server that has been up a while has its export libraries and fonts loaded: load them before the rush.
  for (const format of ['xlsx', 'pdf']) {
    const res = await fetch(`${base}/api/public/forms/${published.id}/export/${format}`);
    if (res.status !== 200) throw new Error(`export ${format} before the load: ${res.status}`);
    await res.arrayBuffer();
  }
  return { pool, accounts, drafts: drafts.map((f) => f.id), draftsOf, publishedId: published.id };
}

/** Saves in the log that the ledger cannot account for, and each form's versions against its saves. */
async function ledgerProblems(url: string, ledger: Ledger): Promise<{ problems: string[]; inFlightSaved: number }> {
  const database = openDatabase(url, { poolSize: 2 });
  try {
    const saves = await database.db.selectFrom('audit_log').select(['form_id', 'version', 'changes']).where('action', '=', 'save').execute();
    const forms = await database.db.selectFrom('forms').select(['id', 'version']).execute();
    const problems: string[] = [];
    const savedPerForm = new Map<string, number>();
    let inFlightSaved = 0;
    for (const entry of saves) {
      savedPerForm.set(entry.form_id, (savedPerForm.get(entry.form_id) ?? 0) + 1);
      const marker = (JSON.parse(entry.changes) as { path: string; after: unknown }[]).find((c) => c.path === MARKER_PATH)?.after;
      const sent = typeof marker === 'string' ? ledger.sent.get(marker) : undefined;
      if (sent === undefined) problems.push(`version ${entry.version} of form ${entry.form_id} was saved by no request of the load (${String(marker)})`);
      else if (sent.status === 'pending') inFlightSaved++;
      else if (sent.status !== 200) problems.push(`save ${String(marker)} was answered ${sent.status} yet is in the log`);
    }
    for (const form of forms) {
      const acknowledged = ledger.acknowledged.filter((a) => a.formId === form.id).length;
      const saved = savedPerForm.get(form.id) ?? 0;
      // Every demo form starts at version 1; the load's only version-making action is a save.
      if (form.version !== 1 + saved) problems.push(`form ${form.id} is at version ${form.version} after ${saved} saves`);
      if (saved < acknowledged) problems.push(`form ${form.id}: ${acknowledged} saves acknowledged, ${saved} in the log`);
    }
    if (inFlightSaved > CONNECTIONS) problems.push(`${inFlightSaved} unanswered saves are in the log, more than there were connections`);
    return { problems, inFlightSaved };
  } finally {
    await database.close();
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`load on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let place: DatabasePlace;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      place = await freshDatabase(dialect, 'load');
      // Sign-ins are throttled per address and user; the load signs in thousands of times from one address.
      server = await startServerProcess(place.url, { demo: true, env: { LOGIN_RATE_LIMIT: '1000000', DATABASE_POOL_SIZE: '20' } });
    });
    afterAll(async () => {
      await server?.stop();
      await place?.drop();
    });

    it(`${CONNECTIONS} connections for ${SECONDS} s: no 5xx, no timeout, every acknowledged save in the log once`, async () => {
      if (!server) throw new Error('no server');
      const cast = await castOf(server.base, place.url);
      const ledger: Ledger = { sent: new Map(), acknowledged: [], statuses: new Map(), serverErrors: [], started: new Map() };
      const result = await autocannon({ url: server.base, connections: CONNECTIONS, duration: SECONDS, timeout: 60, requests: loadMix(cast, ledger) });
      const stderr = server.stderr();
      await server.stop();
      server = undefined;

      const { problems, inFlightSaved } = await ledgerProblems(place.url, ledger);
      const statuses = Object.fromEntries([...ledger.statuses].sort(([a], [b]) => a.localeCompare(b)));
      const count = (prefix: string): number => [...ledger.statuses].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
      console.log(
        [
          `load on ${dialect.name}: ${CONNECTIONS} connections, ${result.duration} s, ${result.requests.total} requests (${Math.round(result.requests.average)}/s)`,
          `  latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
          `  sign-ins ${count('login ')}, saves acknowledged ${ledger.acknowledged.length} / sent ${ledger.sent.size} (409: ${ledger.statuses.get('save 409') ?? 0}, unanswered at the stop and saved: ${inFlightSaved}), exports ${count('export 200')} (refused busy: ${count('export 503')})`,
          `  errors ${result.errors}, timeouts ${result.timeouts}, statuses ${JSON.stringify(statuses)}`,
          `  sent ${JSON.stringify(Object.fromEntries([...ledger.started].sort(([a], [b]) => a.localeCompare(b))))}`,
        ].join('\n'),
      );

      // Everything judged at once, so that a run failing one promise still reports on the others.
      expect({
        serverErrors: ledger.serverErrors,
        errors: result.errors,
        timeouts: result.timeouts,
        unexpectedStatuses: [...ledger.statuses.keys()].filter((k) => !expectedStatus(k)),
        ledger: problems,
        acknowledged: await acknowledgedProblems(place.url, ledger.acknowledged),
        database: await consistencyProblems(place.url),
      }, stderr).toEqual({ serverErrors: [], errors: 0, timeouts: 0, unexpectedStatuses: [], ledger: [], acknowledged: [], database: [] });
      // The mix did what it says: users signed in, saved (some racing each other) and exported.
      expect(count('login 200')).toBeGreaterThan(0);
      expect(ledger.acknowledged.length).toBeGreaterThan(0);
      expect(count('export 200')).toBeGreaterThan(0);
    }, (SECONDS + 180) * 1000);
  });
}
