/**
 * Templates (a year's indicator framework, versioned) and yearly tasks: the finance reviewer issues a
 * year's task with a deadline to chosen departments, which creates each department's draft.
 */
import type { Actor, FormDocument, FormState } from '@jixiao/core';
import { canIssueTasks } from '@jixiao/core';
import { findDepartments, findRegion } from '../db/repositories/organisations-repository.js';
import { findForm, findFormIdOf, insertForm, insertVersion } from '../db/repositories/forms-repository.js';
import type { FormContent } from '../db/repositories/forms-repository.js';
import type { TaskRecord, TemplateRecord } from '../db/repositories/templates-repository.js';
import { findLatestTemplate, insertTask, insertTemplate, listTasks, listTemplates } from '../db/repositories/templates-repository.js';
import { appendAudit, nextAuditSeq } from '../db/repositories/audit-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import type { TemplateDocument } from './draft-document.js';
import { draftDocument } from './draft-document.js';
import { formContent } from './form-content.js';

/** Stores a new version of a region's template for a year. */
export async function saveTemplate(ctx: ServiceContext, actor: Actor, regionId: string, year: number, template: TemplateDocument): Promise<TemplateRecord> {
  if (!canIssueTasks(actor, regionId)) throw new ApiError('api.forbidden');
  if (!(await findRegion(ctx.db, regionId))) throw new ApiError('api.notFound');
  const latest = await findLatestTemplate(ctx.db, regionId, year);
  const record: TemplateRecord = { id: ctx.newId(), regionId, year, version: (latest?.version ?? 0) + 1, documentJson: JSON.stringify(template), createdAt: nowIso(ctx) };
  await insertTemplate(ctx.db, { ...record, createdBy: actor.userId });
  return record;
}

/** Templates the caller may see (reviewers: their region). */
export async function visibleTemplates(ctx: ServiceContext, actor: Actor): Promise<TemplateRecord[]> {
  if (actor.role === 'administrator') return listTemplates(ctx.db, null);
  if (actor.role === 'reviewer' && actor.regionId !== null) return listTemplates(ctx.db, actor.regionId);
  throw new ApiError('api.forbidden');
}

/** Tasks the caller may see. */
export async function visibleTasks(ctx: ServiceContext, actor: Actor): Promise<TaskRecord[]> {
  if (actor.role === 'administrator') return listTasks(ctx.db, null);
  if (actor.role === 'reviewer' && actor.regionId !== null) return listTasks(ctx.db, actor.regionId);
  throw new ApiError('api.forbidden');
}

/** What issuing a task did, department by department. */
export interface IssuedTask {
  task: TaskRecord;
  created: { departmentId: string; formId: string }[];
  /** Departments that already had a form for the year (left as they are). */
  existing: { departmentId: string; formId: string }[];
}

/** Issues a year's task to departments of the region, creating each one's draft. */
export async function issueTask(ctx: ServiceContext, actor: Actor, input: { regionId: string; year: number; deadline: string; departmentIds: readonly string[] }): Promise<IssuedTask> {
  if (!canIssueTasks(actor, input.regionId)) throw new ApiError('api.forbidden');
  const template = await findLatestTemplate(ctx.db, input.regionId, input.year);
  if (!template) throw new ApiError('api.badRequest', { detail: `no template for ${input.year}` });
  const departments = await findDepartments(ctx.db, input.departmentIds);
  if (departments.length !== new Set(input.departmentIds).size || departments.some((d) => d.regionId !== input.regionId)) throw new ApiError('api.notFound');
  const at = nowIso(ctx);
  const task: TaskRecord = { id: ctx.newId(), regionId: input.regionId, year: input.year, deadline: input.deadline, templateId: template.id, createdAt: at };
  const result: IssuedTask = { task, created: [], existing: [] };
  const templateDocument = JSON.parse(template.documentJson) as TemplateDocument;
  await ctx.db.transaction().execute(async (trx) => {
    await insertTask(trx, { ...task, createdBy: actor.userId });
    for (const department of departments) {
      const existingId = await findFormIdOf(trx, department.id, input.year);
      if (existingId !== null) {
        result.existing.push({ departmentId: department.id, formId: existingId });
        continue;
      }
      const lastYearId = await findFormIdOf(trx, department.id, input.year - 1);
      const lastYear = lastYearId === null ? null : await findForm(trx, lastYearId);
      const document = draftDocument(templateDocument, department.name, department.unitCount, input.year, lastYear ? (JSON.parse(lastYear.documentJson) as FormDocument) : null);
      const formId = await createFormRow(ctx, trx, actor.userId, { departmentId: department.id, regionId: department.regionId, year: input.year, taskId: task.id, document, action: 'create' });
      result.created.push({ departmentId: department.id, formId });
    }
  });
  return result;
}

/** Inserts a form at version 1 with its first version and audit entry (used by tasks, uploads and demo data). */
export async function createFormRow(
  ctx: ServiceContext,
  db: ServiceContext['db'],
  userId: string,
  input: { departmentId: string; regionId: string; year: number; taskId: string | null; document: FormDocument; action: string; state?: FormState; content?: FormContent },
): Promise<string> {
  const id = ctx.newId();
  const at = nowIso(ctx);
  const state = input.state ?? 'draft';
  // The caller may have scored and checked the document already (bulk import): not done twice.
  const content = input.content ?? formContent(input.document).content;
  await insertForm(db, { id, departmentId: input.departmentId, regionId: input.regionId, year: input.year, taskId: input.taskId, state, at, ...content });
  await insertVersion(db, { formId: id, version: 1, documentJson: content.documentJson, state, at, userId });
  const seq = await nextAuditSeq(db, id);
  await appendAudit(db, ctx.newId(), id, { seq, version: 1, at, userId, action: input.action, comment: '', changes: [] });
  return id;
}
