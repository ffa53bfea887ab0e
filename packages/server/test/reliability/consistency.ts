/**
 * Is the database whole? The engine's own check (SQLite's integrity and foreign-key checks; PostgreSQL's
 * amcheck over every B-tree index), then jixiao's invariants form by form: the form row, its versions and
 * its audit log tell one story, and nothing points at a row that is not there. Used after crashes, after
 * load and on restored backups; returns the problems found (none when whole).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';

/** Audit actions that do not make a new version (a reviewer's score sits beside the current one). */
const NON_VERSION_ACTIONS = new Set(['review']);

async function engineProblems(database: OpenDatabase): Promise<string[]> {
  const problems: string[] = [];
  if (database.dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(database.db);
    const verdict = integrity.rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
    const foreign = await sql<Record<string, unknown>>`PRAGMA foreign_key_check`.execute(database.db);
    for (const row of foreign.rows) problems.push(`foreign_key_check: ${JSON.stringify(row)}`);
    return problems;
  }
  await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(database.db);
  const indexes = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.amname = 'btree' AND n.nspname = current_schema()`.execute(database.db);
  for (const { name } of indexes.rows) {
    try {
      // heapallindexed: every table row is found through the index, not just the index's own order.
      await sql`SELECT bt_index_check(${name}::regclass, true)`.execute(database.db);
    } catch (error) {
      problems.push(`amcheck ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (indexes.rows.length === 0) problems.push('amcheck: no index found to check');
  return problems;
}

async function orphanProblems(db: Kysely<Database>): Promise<string[]> {
  const checks: [string, string, string, string][] = [
    ['form_versions', 'form_id', 'forms', 'id'],
    ['audit_log', 'form_id', 'forms', 'id'],
    ['reviews', 'form_id', 'forms', 'id'],
    ['attachments', 'form_id', 'forms', 'id'],
    ['forms', 'department_id', 'departments', 'id'],
    ['sessions', 'user_id', 'users', 'id'],
    ['audit_log', 'user_id', 'users', 'id'],
  ];
  const problems: string[] = [];
  for (const [table, column, parent, key] of checks) {
    const orphans = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)} t WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(parent)} p WHERE p.${sql.ref(key)} = t.${sql.ref(column)})`.execute(db);
    const n = Number(orphans.rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${n} ${table} row(s) whose ${column} names no ${parent}`);
  }
  return problems;
}

async function formProblems(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  const forms = await db.selectFrom('forms').select(['id', 'version', 'state', 'document', 'audit_seq']).orderBy('id').execute();
  const versions = await db.selectFrom('form_versions').select(['form_id', 'version', 'state', 'document']).orderBy('form_id').orderBy('version').execute();
  const audit = await db.selectFrom('audit_log').select(['form_id', 'seq', 'version', 'action', 'changes']).orderBy('form_id').orderBy('seq').execute();
  const byForm = <T extends { form_id: string }>(rows: T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.form_id, [...(map.get(r.form_id) ?? []), r]);
    return map;
  };
  const versionsOf = byForm(versions);
  const auditOf = byForm(audit);
  for (const form of forms) {
    const say = (what: string): void => void problems.push(`form ${form.id} (version ${form.version}, ${form.state}): ${what}`);
    const vs = versionsOf.get(form.id) ?? [];
    const numbers = vs.map((v) => v.version);
    if (numbers.join() !== Array.from({ length: form.version }, (_, i) => i + 1).join()) say(`versions stored are ${numbers.join(',')}, expected 1..${form.version}`);
    const latest = vs.at(-1);
    if (latest?.document !== form.document) say('the row\'s document is not its latest version\'s');
    if (latest?.state !== form.state) say(`the row's state is not its latest version's (${latest?.state})`);
    const entries = auditOf.get(form.id) ?? [];
    const seqs = entries.map((e) => e.seq);
    if (seqs.join() !== Array.from({ length: form.audit_seq }, (_, i) => i + 1).join()) say(`audit seqs are ${seqs.join(',')}, the counter says ${form.audit_seq}`);
    for (let v = 1; v <= form.version; v++) {
      const made = entries.filter((e) => e.version === v && !NON_VERSION_ACTIONS.has(e.action));
      if (made.length !== 1) say(`version ${v} is made by ${made.length} audit entries (${made.map((e) => e.action).join(',')})`);
    }
    for (const e of entries) {
      if (e.version > form.version) say(`audit entry ${e.seq} names version ${e.version}, beyond the row's`);
      const stateChange = (JSON.parse(e.changes) as { path: string; after: unknown }[]).find((c) => c.path === 'state');
      if (stateChange && vs.find((v) => v.version === e.version)?.state !== stateChange.after) say(`audit entry ${e.seq} (${e.action}) moved to ${String(stateChange.after)} but version ${e.version} is not in that state`);
    }
  }
  return problems;
}

/** Every problem found in the database at `url` (an empty list when it is whole). */
export async function consistencyProblems(url: string): Promise<string[]> {
  const database = openDatabase(url, { poolSize: 2 });
  try {
    const engine = await engineProblems(database);
    // One snapshot for all the reads: a commit a killed server sent just before it died may still land
    // while the check runs, and must not show as a form whose row and versions disagree.
    const snapshot = database.dialect === 'postgres' ? database.db.transaction().setIsolationLevel('repeatable read') : database.db.transaction();
    const rest = await snapshot.execute(async (trx) => [...(await orphanProblems(trx)), ...(await formProblems(trx))]);
    return [...engine, ...rest];
  } finally {
    await database.close();
  }
}
