/**
 * Bulk import (批量导入): the finance bureau loads many forms of one region at once (one year, or each form's own). Each file is
 * matched to its department by the form's unit name (compared by core's `matchKey`), and each is all or
 * nothing: one transaction per file, so an interrupted run leaves whole files behind and can be re-run. A
 * file whose document is already stored is "unchanged"; a changed one replaces a draft as a new version and
 * is refused once the form has left the department's hands. New or ambiguous names are never created
 * silently: they wait for the operator's confirmation (`createDepartments`).
 */
import type { CheckResult, FormDocument, MessageParams, Problem } from '@jixiao/core';
import { documentChanges, EDITABLE_STATES, hasErrors, matchKey } from '@jixiao/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { FormContent } from '../db/repositories/forms-repository.js';
import { appendAudit, nextAuditSeq } from '../db/repositories/audit-repository.js';
import { findForm, findFormIdOf, insertVersion, updateFormIfVersion } from '../db/repositories/forms-repository.js';
import type { Department } from '../db/repositories/organisations-repository.js';
import { insertDepartment, listDepartments } from '../db/repositories/organisations-repository.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { FORM_UPLOAD_EXTENSIONS } from './file-service.js';
import { readFormInWorker } from './format-workers/format-pool.js';
import { readAhead } from './format-workers/read-ahead.js';
import { formContent } from './form-content.js';
import { createFormRow } from './task-service.js';

/** One file to import: its name (for the report and to choose the reader) and its bytes. */
export interface BulkImportFile {
  name: string;
  bytes: Uint8Array;
}

/** What became of a file, from best to worst. */
export const BULK_IMPORT_OUTCOMES = ['imported', 'importedWithFindings', 'updated', 'unchanged', 'needsConfirmation', 'skipped', 'refused'] as const;
export type BulkImportOutcome = (typeof BULK_IMPORT_OUTCOMES)[number];

/** One line of the report. */
export interface BulkImportEntry {
  file: string;
  outcome: BulkImportOutcome;
  /** Why, as a message code of core's messages module (`bulkImport.*`) and its params. */
  code: string;
  params: MessageParams;
  /** The department matched or created; null when none was. */
  departmentName: string | null;
  departmentCreated: boolean;
  formId: string | null;
  /** What reading the file found (for a refused file, why it could not be read). */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

/** The whole report, file by file in the order given. */
export interface BulkImportReport {
  entries: BulkImportEntry[];
  counts: Record<BulkImportOutcome, number>;
}

/** What to import where. */
export interface BulkImportInput {
  regionId: string;
  /** The year every form goes to; null: each form's own year (a form naming none is refused). */
  year: number | null;
  files: readonly BulkImportFile[];
  /** Create the departments whose names are new to the region (the operator's confirmation). */
  createDepartments: boolean;
  /** Who is named in the forms' history (the operator at the command line: 'system'). */
  userId: string;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number, entry: BulkImportEntry) => void;
}

/** An entry before the database is touched (problems found while reading). */
export function bulkEntry(file: string, outcome: BulkImportOutcome, code: string, params: MessageParams, rest: Partial<BulkImportEntry> = {}): BulkImportEntry {
  return { file, outcome, code, params, departmentName: null, departmentCreated: false, formId: null, problems: [], errorCount: 0, warningCount: 0, ...rest };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** The report's counts by outcome. */
export function countOutcomes(entries: readonly BulkImportEntry[]): Record<BulkImportOutcome, number> {
  return Object.fromEntries(BULK_IMPORT_OUTCOMES.map((o) => [o, entries.filter((e) => e.outcome === o).length])) as Record<BulkImportOutcome, number>;
}

/** A region's departments by match key (several under one key make the name ambiguous). */
export type DepartmentIndex = Map<string, Department[]>;

/** The region's departments by match key. */
export async function departmentIndex(db: Kysely<Database>, regionId: string): Promise<DepartmentIndex> {
  const index: DepartmentIndex = new Map();
  for (const d of await listDepartments(db, regionId)) {
    const key = matchKey(d.name);
    index.set(key, [...(index.get(key) ?? []), d]);
  }
  return index;
}

/** A file read and ready to store: its document (year settled), what reading found, and its content. */
export interface ReadBulkFile {
  file: string;
  document: FormDocument;
  unitName: string;
  year: number;
  problems: Problem[];
  content: FormContent;
  check: CheckResult;
}

/**
 * Reads one file into a form without touching the database: refused (with the entry saying why) when the
 * type is not a form's, it cannot be read, it names no unit, or its year is not the run's.
 */
export async function readBulkFile(file: BulkImportFile, year: number | null): Promise<{ ok: true; read: ReadBulkFile } | { ok: false; entry: BulkImportEntry }> {
  const refuse = (code: string, params: MessageParams, problems: Problem[] = []) => ({ ok: false as const, entry: bulkEntry(file.name, 'refused', code, params, { problems }) });
  const extension = extensionOf(file.name);
  if (!(FORM_UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) return refuse('bulkImport.fileType', { extension, supported: FORM_UPLOAD_EXTENSIONS.join(' ') });
  if (file.bytes.byteLength === 0) return refuse('bulkImport.empty', {});
  const { value, problems } = await readFormInWorker({ fileName: file.name, bytes: file.bytes });
  if (value === null || hasErrors(problems)) return refuse('bulkImport.unreadable', {}, problems);
  const document: FormDocument = value;
  const unitName = document.unit.name.trim();
  if (unitName === '') return refuse('bulkImport.noUnitName', {}, problems);
  // A form that names no year takes the run's; one that names another year is not silently moved.
  if (year !== null && document.unit.year !== null && document.unit.year !== year) return refuse('bulkImport.yearMismatch', { formYear: document.unit.year, year }, problems);
  const formYear = year ?? document.unit.year;
  if (formYear === null) return refuse('bulkImport.noYear', {}, problems);
  document.unit.year = formYear;
  const { content, check } = formContent(document);
  return { ok: true, read: { file: file.name, document, unitName, year: formYear, problems, content, check } };
}

/** How a unit name meets the region's departments. */
export type DepartmentMatch = { kind: 'matched'; department: Department } | { kind: 'new' } | { kind: 'ambiguous'; candidates: Department[] };

/** Matches a unit name to the region's departments by match key. */
export function matchDepartment(index: DepartmentIndex, unitName: string): DepartmentMatch {
  const candidates = index.get(matchKey(unitName)) ?? [];
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  const [department] = candidates;
  return department ? { kind: 'matched', department } : { kind: 'new' };
}

/** The report's entry of a file held back for the operator's confirmation. */
export function confirmationEntry(read: ReadBulkFile, match: Exclude<DepartmentMatch, { kind: 'matched' }>): BulkImportEntry {
  const counts = { problems: read.problems, errorCount: read.content.errorCount, warningCount: read.content.warningCount };
  return match.kind === 'ambiguous'
    ? bulkEntry(read.file, 'needsConfirmation', 'bulkImport.ambiguousDepartment', { name: read.unitName, candidates: match.candidates.map((d) => d.name).join('、') }, counts)
    : bulkEntry(read.file, 'needsConfirmation', 'bulkImport.newDepartment', { name: read.unitName }, counts);
}

/** Where a read file goes: an existing department of the region, or a new one under the form's unit name. */
export type BulkTarget = { department: Department } | { createIn: string; unitCount: number | null };

/**
 * Stores one read file in its own transaction (all or nothing): creates the department if asked, then
 * creates the form, or replaces a draft holding another document, or leaves an identical one unchanged.
 * `claim` runs first inside the transaction (the web's pending upload is taken there, so a failed file
 * keeps it).
 */
export async function storeBulkFile(ctx: ServiceContext, userId: string, read: ReadBulkFile, target: BulkTarget, claim?: (trx: Transaction<Database>) => Promise<void>): Promise<BulkImportEntry> {
  const { content, check, document, year } = read;
  const counts = { errorCount: content.errorCount, warningCount: content.warningCount };
  const at = nowIso(ctx);
  const newDepartment: Department | null = 'department' in target ? null : { id: ctx.newId(), regionId: target.createIn, name: read.unitName, unitCount: target.unitCount };
  const department = 'department' in target ? target.department : newDepartment;
  if (!department) throw new Error('unreachable: a department was either matched or made');
  const base = { departmentName: department.name, departmentCreated: newDepartment !== null, problems: read.problems, ...counts };
  const params = { department: department.name, year, errors: content.errorCount, warnings: content.warningCount };

  return ctx.db.transaction().execute(async (trx): Promise<BulkImportEntry> => {
    await claim?.(trx);
    if (newDepartment) await insertDepartment(trx, newDepartment);
    const existingId = await findFormIdOf(trx, department.id, year);
    const existing = existingId === null ? null : await findForm(trx, existingId);
    if (!existing) {
      const formId = await createFormRow(ctx, trx, userId, { departmentId: department.id, regionId: department.regionId, year, taskId: null, document, action: 'import', content });
      const withFindings = check.findings.some((f) => f.severity !== 'info');
      return bulkEntry(read.file, withFindings ? 'importedWithFindings' : 'imported', withFindings ? 'bulkImport.importedWithFindings' : 'bulkImport.imported', params, { ...base, formId });
    }
    if (existing.documentJson === content.documentJson) return bulkEntry(read.file, 'unchanged', 'bulkImport.unchanged', params, { ...base, formId: existing.id });
    if (!EDITABLE_STATES.includes(existing.state)) return bulkEntry(read.file, 'refused', 'bulkImport.locked', { ...params, state: existing.state }, { ...base, formId: existing.id });
    const version = existing.version + 1;
    // Under the version check as any save: a concurrent edit makes this file fail whole, to be re-run.
    if (!(await updateFormIfVersion(trx, existing.id, existing.version, { content, at }))) throw new Error(`form ${existing.id} changed during the import`);
    await insertVersion(trx, { formId: existing.id, version, documentJson: content.documentJson, state: existing.state, at, userId });
    await appendAudit(trx, ctx.newId(), existing.id, { seq: await nextAuditSeq(trx, existing.id), version, at, userId, action: 'import', comment: read.file, changes: documentChanges(JSON.parse(existing.documentJson) as FormDocument, JSON.parse(content.documentJson) as FormDocument) });
    return bulkEntry(read.file, 'updated', 'bulkImport.updated', { ...params, version }, { ...base, formId: existing.id });
  });
}

/** Imports the files one by one, each in its own transaction, and reports on every one. */
export async function bulkImport(ctx: ServiceContext, input: BulkImportInput): Promise<BulkImportReport> {
  const index = await departmentIndex(ctx.db, input.regionId);
  const entries: BulkImportEntry[] = [];
  // Files are read ahead in the format workers while earlier ones are stored; still stored one by one, in order.
  for await (const read of readAhead(input.files, (file) => readBulkFile(file, input.year))) {
    const result = await importRead(ctx, input, index, read);
    entries.push(result);
    input.onProgress?.(entries.length, input.files.length, result);
  }
  return { entries, counts: countOutcomes(entries) };
}

/** What reading one file gives: the form read, or the file's entry in the report when it was refused. */
type BulkRead = Awaited<ReturnType<typeof readBulkFile>>;

async function importRead(ctx: ServiceContext, input: BulkImportInput, index: DepartmentIndex, readResult: BulkRead): Promise<BulkImportEntry> {
  if (!readResult.ok) return readResult.entry;
  const { read } = readResult;
  const match = matchDepartment(index, read.unitName);
  if (match.kind === 'ambiguous' || (match.kind === 'new' && !input.createDepartments)) return confirmationEntry(read, match);
  const entry = await storeBulkFile(ctx, input.userId, read, match.kind === 'matched' ? { department: match.department } : { createIn: input.regionId, unitCount: read.document.unit.unitCount });
  // Only once committed does a new department join the index (a later file of the run may name it too).
  if (entry.departmentCreated) await refreshDepartmentIndex(ctx.db, input.regionId, index);
  return entry;
}

/** Reads the region's departments into an index again (after a file of the run created one). */
export async function refreshDepartmentIndex(db: Kysely<Database>, regionId: string, index: DepartmentIndex): Promise<void> {
  const fresh = await departmentIndex(db, regionId);
  index.clear();
  for (const [key, value] of fresh) index.set(key, value);
}
