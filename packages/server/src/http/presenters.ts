/** Presenters: what the API answers, made from service results (never database rows). */
import type { DocumentChange, Lang, Problem } from '@jixiao/core';
import { ACTIONS, FORM_STATES, GRADES, problemMessage, SEVERITIES } from '@jixiao/core';
import { formDocumentSchema } from '@jixiao/core/schema';
import { z } from 'zod';
import type { FormSummary } from '../db/repositories/forms-repository.js';
import type { Department, Region } from '../db/repositories/organisations-repository.js';
import type { User } from '../db/repositories/users-repository.js';
import type { FormView, HistoryEntry } from '../services/form-service.js';

/** A problem with its message in the caller's language. */
export function presentProblem(p: Problem, lang: Lang): { severity: string; code: string; path: string; message: string } {
  return { severity: p.severity, code: p.code, path: p.path, message: problemMessage(p, lang) };
}

/** A form in a list, as answered: the response schema of GET /api/forms (validated on the way out, and in OpenAPI). */
export const formSummaryAnswer = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  year: z.number().int(),
  state: z.enum(FORM_STATES),
  version: z.number().int(),
  unitName: z.string(),
  total: z.number(),
  grade: z.enum(GRADES),
  errors: z.number().int(),
  warnings: z.number().int(),
  updatedAt: z.string(),
  deadline: z.iso.date().nullable().describe("The deadline of the year's task the form belongs to; null when it has none"),
});

/** A whole form, as answered: the response schema of GET /api/forms/:id (for OpenAPI; the answer is spliced JSON text). */
export const formAnswer = formSummaryAnswer.extend({
  taskId: z.string().nullable(),
  reviewComment: z.string(),
  findings: z.array(z.object({ severity: z.enum(SEVERITIES), code: z.string(), path: z.string(), message: z.string() })),
  reviews: z.array(z.object({ indicatorId: z.string(), score: z.number().nullable(), comment: z.string(), updatedAt: z.string() })),
  abilities: z.array(z.enum(ACTIONS)),
  document: formDocumentSchema,
});

/** A form in a list. */
export function presentSummary(f: FormSummary): z.infer<typeof formSummaryAnswer> {
  return {
    id: f.id,
    departmentId: f.departmentId,
    departmentName: f.departmentName,
    year: f.year,
    state: f.state,
    version: f.version,
    unitName: f.unitName,
    total: f.total,
    grade: f.grade,
    errors: f.errorCount,
    warnings: f.warningCount,
    updatedAt: f.updatedAt,
    deadline: f.deadline,
  };
}

const CLOSE_BRACE = Buffer.from('}');

/**
 * A whole form as the UTF-8 bytes of its JSON: summary, document, score, findings, reviews and the caller's
 * abilities. The stored document is already canonical JSON: its bytes are spliced into the answer as they
 * are, neither parsed and re-serialised nor decoded and re-encoded.
 */
export function presentFormJson(view: FormView, lang: Lang): Buffer {
  const { form } = view;
  const head = {
    ...presentSummary(form),
    taskId: form.taskId,
    reviewComment: form.reviewComment,
    findings: form.findings.map((f) => presentProblem(f, lang)),
    reviews: view.reviews.map((r) => ({ indicatorId: r.indicatorId, score: r.score, comment: r.comment, updatedAt: r.updatedAt })),
    abilities: view.abilities,
  };
  const json = JSON.stringify(head);
  return Buffer.concat([Buffer.from(`${json.slice(0, -1)},"document":`), form.documentUtf8, CLOSE_BRACE]);
}

/** The signed-in user. */
export function presentUser(u: User): Record<string, unknown> {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionId: u.regionId, departmentId: u.departmentId };
}

/** A form's history. */
export function presentHistory(entries: readonly HistoryEntry[]): Record<string, unknown>[] {
  return entries.map((e) => ({ seq: e.seq, version: e.version, at: e.at, user: { id: e.userId, name: e.userName }, action: e.action, comment: e.comment, changes: e.changes }));
}

/** The changes between two versions. */
export function presentChanges(from: number, to: number, changes: readonly DocumentChange[]): Record<string, unknown> {
  return { from, to, changes };
}

/** A region. */
export function presentRegion(r: Region): Record<string, unknown> {
  return { id: r.id, name: r.name };
}

/** A department with its region and 单位数. */
export function presentDepartment(d: Department): Record<string, unknown> {
  return { id: d.id, regionId: d.regionId, name: d.name, unitCount: d.unitCount };
}
