/**
 * Forms: listing what the caller may see, reading, saving with optimistic concurrency, workflow
 * transitions, per-indicator reviews, history and comparing versions. Every rule about who may do what
 * comes from core's `can()`; every change goes into the audit log in the same transaction (on SQLite one
 * shared with the changes of the same moment, each in its own savepoint: db/group-commit.ts).
 */
import type { Action, Actor, DocumentChange, FormDocument, FormState, FormSubject, TransitionAction } from '@jixiao/core';
import { abilities, can, documentChanges, leavesOf, ROLE_SCOPE, transitionOf } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { appendAudit, listAudit, nextAuditSeq } from '../db/repositories/audit-repository.js';
import type { FormRecord, FormSummary, Review, StoredForm } from '../db/repositories/forms-repository.js';
import {
  currentVersion,
  findForm,
  findStoredForm,
  findVersionDocument,
  insertVersion,
  listForms,
  listReviews,
  updateFormIfVersionForAudit,
  upsertReview,
} from '../db/repositories/forms-repository.js';
import { groupCommitted } from '../db/group-commit.js';
import { displayNames } from '../db/repositories/users-repository.js';
import type { Database } from '../db/schema.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { formContent } from './form-content.js';

/** A form as read by a caller: the record (its document as stored bytes), the reviews, and what the caller may do with it. */
export interface FormView {
  form: StoredForm;
  reviews: Review[];
  abilities: Action[];
}

/**
 * The form if the caller may read it. A form they may not read is "not found" (404), not "forbidden":
 * its very existence is not theirs to learn.
 */
export async function readableForm(ctx: ServiceContext, actor: Actor | null, id: string): Promise<FormRecord> {
  return readable(actor, await findForm(ctx.db, id));
}

function readable<F extends FormSubject>(actor: Actor | null, form: F | null): F {
  if (!form || !can(actor, 'read', form)) throw new ApiError('api.notFound');
  return form;
}

/** Throws unless the caller may take `action` (having already been allowed to read): 403, or 409 when locked. */
function authorize(actor: Actor | null, action: Action, form: FormSubject): void {
  if (can(actor, action, form)) return;
  if (actor === null) throw new ApiError('api.unauthenticated');
  // Someone who could edit a draft is told the form is locked, not that they lack the right.
  if ((action === 'edit' || action === 'attach') && can(actor, action, { ...form, state: 'draft' })) throw new ApiError('api.locked', { state: form.state });
  throw new ApiError('api.forbidden');
}

/** Reads a form with its reviews and the caller's abilities. */
export async function getForm(ctx: ServiceContext, actor: Actor | null, id: string): Promise<FormView> {
  const form = readable(actor, await findStoredForm(ctx.db, id));
  const reviews = actor === null && form.state !== 'published' ? [] : await listReviews(ctx.db, id);
  return { form, reviews, abilities: abilities(actor, form) };
}

/** The forms a caller may see, optionally of one year: their department's, their region's, or all. */
export async function listVisibleForms(ctx: ServiceContext, actor: Actor, year: number | undefined): Promise<FormSummary[]> {
  switch (ROLE_SCOPE[actor.role]) {
    case 'all':
      return listForms(ctx.db, { year });
    case 'region':
      return actor.regionId === null ? [] : listForms(ctx.db, { year, regionId: actor.regionId });
    case 'department':
      return actor.departmentId === null ? [] : listForms(ctx.db, { year, departmentId: actor.departmentId });
  }
}

/** Appends an audit entry under the form's row lock, numbered `seq` when the versioned update took it. */
async function audit(ctx: ServiceContext, trx: Kysely<Database>, formId: string, entry: { version: number; userId: string; action: string; comment: string; changes: DocumentChange[] }, seq?: number): Promise<void> {
  await appendAudit(trx, ctx.newId(), formId, { ...entry, seq: seq ?? (await nextAuditSeq(trx, formId)), at: nowIso(ctx) });
}

function conflict(yourVersion: number, current: number | null): ApiError {
  return new ApiError('api.versionConflict', { yourVersion, currentVersion: current ?? '?' }, { currentVersion: current });
}

/**
 * Saves a new document if the form is still at `expectedVersion`: returns the new record with its score
 * and findings, or throws 409 with the current version. `action` names the event in the log ('save',
 * 'upload').
 */
export async function saveForm(ctx: ServiceContext, actor: Actor, id: string, expectedVersion: number, document: FormDocument, action = 'save'): Promise<FormView> {
  const form = await readableForm(ctx, actor, id);
  authorize(actor, 'edit', form);
  const { content, check } = formContent(document);
  const after = JSON.parse(content.documentJson) as FormDocument;
  const at = nowIso(ctx);
  const reviews = await groupCommitted(ctx.db, async (trx) => {
    const seq = await updateFormIfVersionForAudit(trx, id, expectedVersion, { content, at });
    if (seq === null) throw conflict(expectedVersion, await currentVersion(trx, id));
    // Changes against the version the client saved over (under the row lock); usually the one read above.
    const before = form.version === expectedVersion ? form.documentJson : await findVersionDocument(trx, id, expectedVersion);
    const changes = documentChanges(before === null ? null : (JSON.parse(before) as FormDocument), after);
    await insertVersion(trx, { formId: id, version: expectedVersion + 1, documentJson: content.documentJson, state: form.state, at, userId: actor.userId });
    await audit(ctx, trx, id, { version: expectedVersion + 1, userId: actor.userId, action, comment: '', changes }, seq);
    return listReviews(trx, id);
  });
  // The saved record as written in the transaction: no second read.
  const { documentJson: _before, ...unchanged } = form;
  const saved: StoredForm = {
    ...unchanged,
    version: expectedVersion + 1,
    updatedAt: at,
    documentUtf8: Buffer.from(content.documentJson),
    findings: check.findings,
    unitName: content.unitName,
    total: content.total,
    grade: content.grade,
    errorCount: content.errorCount,
    warningCount: content.warningCount,
  };
  return { form: saved, reviews, abilities: abilities(actor, saved) };
}

/** A reviewer's comment on one indicator given when returning a form. */
export interface IndicatorComment {
  indicatorId: string;
  comment: string;
}

/** Moves a form along the workflow if the caller may; comments go into the log (and per indicator into the reviews). */
export async function transitionForm(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { action: TransitionAction; comment: string; indicatorComments: readonly IndicatorComment[]; expectedVersion: number | null },
): Promise<FormView> {
  const form = await readableForm(ctx, actor, id);
  const transition = transitionOf(input.action);
  if (!transition.roles.includes(actor.role)) throw new ApiError('api.forbidden');
  if (!transition.from.includes(form.state)) throw new ApiError('api.transitionNotAllowed', { action: input.action, state: form.state });
  authorize(actor, input.action, form);
  if (transition.commentRequired && input.comment.trim() === '' && input.indicatorComments.length === 0) throw new ApiError('api.commentRequired');
  const leafIds = new Set(leavesOf(JSON.parse(form.documentJson) as FormDocument).map((l) => l.leaf.id));
  for (const c of input.indicatorComments) if (!leafIds.has(c.indicatorId)) throw new ApiError('api.unknownIndicator', { indicatorId: c.indicatorId });
  const expected = input.expectedVersion ?? form.version;
  const at = nowIso(ctx);
  const to: FormState = transition.to;
  await groupCommitted(ctx.db, async (trx) => {
    const seq = await updateFormIfVersionForAudit(trx, id, expected, { state: to, at, ...(input.action === 'return' ? { reviewComment: input.comment } : {}) });
    if (seq === null) throw conflict(expected, await currentVersion(trx, id));
    await insertVersion(trx, { formId: id, version: expected + 1, documentJson: form.documentJson, state: to, at, userId: actor.userId });
    const existing = new Map((await listReviews(trx, id)).map((r) => [r.indicatorId, r]));
    for (const c of input.indicatorComments) {
      await upsertReview(trx, id, { indicatorId: c.indicatorId, score: existing.get(c.indicatorId)?.score ?? null, comment: c.comment, reviewerId: actor.userId, updatedAt: at });
    }
    const changes: DocumentChange[] = [{ path: 'state', before: form.state, after: to }, ...input.indicatorComments.map((c) => ({ path: `review:${c.indicatorId}.comment`, before: existing.get(c.indicatorId)?.comment ?? null, after: c.comment }))];
    await audit(ctx, trx, id, { version: expected + 1, userId: actor.userId, action: input.action, comment: input.comment, changes }, seq);
  });
  return getForm(ctx, actor, id);
}

/** Stores the reviewer's score and comment on one indicator, beside the self-score. */
export async function reviewIndicator(ctx: ServiceContext, actor: Actor, id: string, indicatorId: string, review: { score: number | null; comment: string }): Promise<Review> {
  const form = await readableForm(ctx, actor, id);
  authorize(actor, 'review', form);
  const leaf = leavesOf(JSON.parse(form.documentJson) as FormDocument).find((l) => l.leaf.id === indicatorId);
  if (!leaf) throw new ApiError('api.unknownIndicator', { indicatorId });
  const at = nowIso(ctx);
  const stored: Review = { indicatorId, score: review.score, comment: review.comment, reviewerId: actor.userId, updatedAt: at };
  await groupCommitted(ctx.db, async (trx) => {
    const previous = (await listReviews(trx, id)).find((r) => r.indicatorId === indicatorId);
    await upsertReview(trx, id, stored);
    const path = `review:${leaf.namePath.join('/')}`;
    await audit(ctx, trx, id, {
      version: form.version,
      userId: actor.userId,
      action: 'review',
      comment: '',
      changes: [
        { path: `${path}.score`, before: previous?.score ?? null, after: review.score },
        { path: `${path}.comment`, before: previous?.comment ?? null, after: review.comment },
      ].filter((c) => c.before !== c.after),
    });
  });
  return stored;
}

/** One entry of a form's history, with the name of who acted. */
export interface HistoryEntry {
  seq: number;
  version: number;
  at: string;
  userId: string;
  userName: string;
  action: string;
  comment: string;
  changes: DocumentChange[];
}

/** The form's audit log, oldest first. */
export async function formHistory(ctx: ServiceContext, actor: Actor, id: string): Promise<HistoryEntry[]> {
  await readableForm(ctx, actor, id);
  const entries = await listAudit(ctx.db, id);
  const names = await displayNames(ctx.db, entries.map((e) => e.userId));
  return entries.map((e) => ({ ...e, userName: names.get(e.userId) ?? e.userId }));
}

/** What changed between two versions of a form. */
export async function compareVersions(ctx: ServiceContext, actor: Actor, id: string, from: number, to: number): Promise<DocumentChange[]> {
  await readableForm(ctx, actor, id);
  const [a, b] = await Promise.all([findVersionDocument(ctx.db, id, from), findVersionDocument(ctx.db, id, to)]);
  if (a === null || b === null) throw new ApiError('api.notFound');
  return documentChanges(JSON.parse(a) as FormDocument, JSON.parse(b) as FormDocument);
}
