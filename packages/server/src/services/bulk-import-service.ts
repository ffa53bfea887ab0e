/**
 * Bulk import (批量导入): the finance bureau loads many forms of one region and year at once. Each file is
 * matched to its department by the form's unit name (compared by core's `matchKey`), and each is all or
 * nothing: one transaction per file, so an interrupted run leaves whole files behind and can be re-run. A
 * file whose document is already stored is "unchanged"; a changed one replaces a draft as a new version and
 * is refused once the form has left the department's hands. New or ambiguous names are never created
 * silently: they wait for the operator's confirmation (`createDepartments`).
 */
import type { FormDocument, MessageParams, Problem } from '@jixiao/core';
import { documentChanges, EDITABLE_STATES, hasErrors, matchKey } from '@jixiao/core';
import { readForm } from '@jixiao/io';
import { appendAudit, nextAuditSeq } from '../db/repositories/audit-repository.js';
import { findForm, findFormIdOf, insertVersion, updateFormIfVersion } from '../db/repositories/forms-repository.js';
import type { Department } from '../db/repositories/organisations-repository.js';
import { insertDepartment, listDepartments } from '../db/repositories/organisations-repository.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { FORM_UPLOAD_EXTENSIONS } from './file-service.js';
import { formContent } from './form-content.js';
import { createFormRow } from './task-service.js';

/** One file to import: its name (for the report and to choose the reader) and its bytes. */
export interface BulkImportFile {
  name: string;
  bytes: Uint8Array;
}

/** What became of a file, from best to worst. */
export const BULK_IMPORT_OUTCOMES = ['imported', 'importedWithFindings', 'updated', 'unchanged', 'needsConfirmation', 'refused'] as const;
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
  year: number;
  files: readonly BulkImportFile[];
  /** Create the departments whose names are new to the region (the operator's confirmation). */
  createDepartments: boolean;
  /** Who is named in the forms' history (the operator at the command line: 'system'). */
  userId: string;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number, entry: BulkImportEntry) => void;
}

/** An entry before the database is touched (problems found while reading). */
function entry(file: string, outcome: BulkImportOutcome, code: string, params: MessageParams, rest: Partial<BulkImportEntry> = {}): BulkImportEntry {
  return { file, outcome, code, params, departmentName: null, departmentCreated: false, formId: null, problems: [], errorCount: 0, warningCount: 0, ...rest };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** The region's departments by match key (several under one key make the name ambiguous). */
function departmentIndex(departments: readonly Department[]): Map<string, Department[]> {
  const index = new Map<string, Department[]>();
  for (const d of departments) {
    const key = matchKey(d.name);
    index.set(key, [...(index.get(key) ?? []), d]);
  }
  return index;
}

/** Imports the files one by one, each in its own transaction, and reports on every one. */
export async function bulkImport(ctx: ServiceContext, input: BulkImportInput): Promise<BulkImportReport> {
  const index = departmentIndex(await listDepartments(ctx.db, input.regionId));
  const entries: BulkImportEntry[] = [];
  for (const file of input.files) {
    const result = await importOne(ctx, input, index, file);
    entries.push(result);
    input.onProgress?.(entries.length, input.files.length, result);
  }
  const counts = Object.fromEntries(BULK_IMPORT_OUTCOMES.map((o) => [o, entries.filter((e) => e.outcome === o).length])) as Record<BulkImportOutcome, number>;
  return { entries, counts };
}

async function importOne(ctx: ServiceContext, input: BulkImportInput, index: Map<string, Department[]>, file: BulkImportFile): Promise<BulkImportEntry> {
  const extension = extensionOf(file.name);
  if (!(FORM_UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    return entry(file.name, 'refused', 'bulkImport.fileType', { extension, supported: FORM_UPLOAD_EXTENSIONS.join(' ') });
  }
  const { value, problems } = await readForm({ fileName: file.name, bytes: file.bytes });
  if (value === null || hasErrors(problems)) return entry(file.name, 'refused', 'bulkImport.unreadable', {}, { problems });
  const document: FormDocument = value;
  const name = document.unit.name.trim();
  if (name === '') return entry(file.name, 'refused', 'bulkImport.noUnitName', {}, { problems });
  // A form that names no year takes the run's; one that names another year is not silently moved.
  if (document.unit.year !== null && document.unit.year !== input.year) {
    return entry(file.name, 'refused', 'bulkImport.yearMismatch', { formYear: document.unit.year, year: input.year }, { problems });
  }
  document.unit.year = input.year;
  const key = matchKey(name);
  const candidates = index.get(key) ?? [];
  if (candidates.length > 1) {
    return entry(file.name, 'needsConfirmation', 'bulkImport.ambiguousDepartment', { name, candidates: candidates.map((d) => d.name).join('、') }, { problems });
  }
  if (candidates.length === 0 && !input.createDepartments) return entry(file.name, 'needsConfirmation', 'bulkImport.newDepartment', { name }, { problems });

  const { content, check } = formContent(document);
  const counts = { errorCount: content.errorCount, warningCount: content.warningCount };
  const at = nowIso(ctx);
  const newDepartment: Department | null = candidates[0] ? null : { id: ctx.newId(), regionId: input.regionId, name, unitCount: document.unit.unitCount };
  const department = candidates[0] ?? newDepartment;
  if (!department) throw new Error('unreachable: a department was either matched or made');
  const base = { departmentName: department.name, departmentCreated: newDepartment !== null, problems, ...counts };
  const params = { department: department.name, year: input.year, errors: content.errorCount, warnings: content.warningCount };

  const result = await ctx.db.transaction().execute(async (trx): Promise<BulkImportEntry> => {
    if (newDepartment) await insertDepartment(trx, newDepartment);
    const existingId = await findFormIdOf(trx, department.id, input.year);
    const existing = existingId === null ? null : await findForm(trx, existingId);
    if (!existing) {
      const formId = await createFormRow(ctx, trx, input.userId, { departmentId: department.id, regionId: input.regionId, year: input.year, taskId: null, document, action: 'import' });
      const withFindings = check.findings.some((f) => f.severity !== 'info');
      return entry(file.name, withFindings ? 'importedWithFindings' : 'imported', withFindings ? 'bulkImport.importedWithFindings' : 'bulkImport.imported', params, { ...base, formId });
    }
    if (existing.documentJson === content.documentJson) return entry(file.name, 'unchanged', 'bulkImport.unchanged', params, { ...base, formId: existing.id });
    if (!EDITABLE_STATES.includes(existing.state)) return entry(file.name, 'refused', 'bulkImport.locked', { ...params, state: existing.state }, { ...base, formId: existing.id });
    const version = existing.version + 1;
    // Under the version check as any save: a concurrent edit makes this file fail whole, to be re-run.
    if (!(await updateFormIfVersion(trx, existing.id, existing.version, { content, at }))) throw new Error(`form ${existing.id} changed during the import`);
    await insertVersion(trx, { formId: existing.id, version, documentJson: content.documentJson, state: existing.state, at, userId: input.userId });
    await appendAudit(trx, ctx.newId(), existing.id, { seq: await nextAuditSeq(trx, existing.id), version, at, userId: input.userId, action: 'import', comment: file.name, changes: documentChanges(JSON.parse(existing.documentJson) as FormDocument, JSON.parse(content.documentJson) as FormDocument) });
    return entry(file.name, 'updated', 'bulkImport.updated', { ...params, version }, { ...base, formId: existing.id });
  });
  // Only once committed does the new department join the index (a later file of the run may name it too).
  if (newDepartment) index.set(key, [newDepartment]);
  return result;
}
