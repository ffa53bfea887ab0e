/**
 * 整改 (follow-ups): a finance reviewer raises one from a finding or a review comment of a form, with a
 * title, an owner and a due date; the department moves it open → in progress → done (with a note), the
 * reviewer may also drop, reopen, retitle, reassign or move its due date. Who may do what is core's
 * `canFollowUp`; every change is checked against the version the caller read (If-Match) and appended to
 * the history in the same transaction.
 */
import type { Actor, FollowUpAction, FollowUpSourceKind, FollowUpStatus, FollowUpSubject, Grade } from '@jixiao/core';
import {
  canFollowUp,
  chinaDate,
  FOLLOW_UP_PERMISSIONS,
  FOLLOW_UP_STATUSES,
  followUpAbilities,
  followUpNextStatuses,
  followUpTransitionBetween,
  isFollowUpOverdue,
  leavesOf,
  mayOwnFollowUp,
  problemMessage,
  ROLE_SCOPE,
} from '@jixiao/core';
import type { FormDocument } from '@jixiao/core';
import type { FollowUpFieldChange, FollowUpFilter, FollowUpHistoryRecord, FollowUpRecord, OwnerCandidate } from '../db/repositories/follow-ups-repository.js';
import {
  appendFollowUpHistory,
  countFollowUps,
  currentFollowUpVersion,
  findFollowUp,
  insertFollowUp,
  listFollowUpHistory,
  listFollowUps,
  listOwnerCandidates,
  updateFollowUpIfVersion,
} from '../db/repositories/follow-ups-repository.js';
import { listReviews } from '../db/repositories/forms-repository.js';
import { findDepartments } from '../db/repositories/organisations-repository.js';
import { displayNames, findUserById } from '../db/repositories/users-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { readableForm } from './form-service.js';

/** A follow-up as read by a caller: the record, whether it is overdue today, and what the caller may do. */
export interface FollowUpView {
  followUp: FollowUpRecord;
  overdue: boolean;
  abilities: FollowUpAction[];
}

/** Where a follow-up comes from, as the caller names it. */
export type FollowUpSourceInput = { kind: 'finding'; code: string; path: string } | { kind: 'review'; indicatorId: string };

/** What raising a follow-up takes. */
export interface NewFollowUpInput {
  source: FollowUpSourceInput;
  title: string;
  ownerId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** What an update may change (each optional; a status change is a move of the transition table). */
export interface FollowUpChange {
  status?: FollowUpStatus | undefined;
  note?: string | undefined;
  title?: string | undefined;
  ownerId?: string | undefined;
  dueDate?: string | undefined;
}

function today(ctx: ServiceContext): string {
  return chinaDate(ctx.clock());
}

function view(ctx: ServiceContext, actor: Actor, followUp: FollowUpRecord, on = today(ctx)): FollowUpView {
  return { followUp, overdue: isFollowUpOverdue(followUp, on), abilities: followUpAbilities(actor, followUp) };
}

/** The follow-up if the caller may read it; otherwise "not found", as for forms. */
async function readableFollowUp(ctx: ServiceContext, actor: Actor, id: string): Promise<FollowUpRecord> {
  const followUp = await findFollowUp(ctx.db, id);
  if (!followUp || !canFollowUp(actor, 'read', followUp)) throw new ApiError('api.notFound');
  return followUp;
}

/** Throws unless the owner may own a follow-up of the department (a 400 naming the owner and department). */
async function checkOwner(ctx: ServiceContext, ownerId: string, place: { departmentId: string; regionId: string; departmentName: string }): Promise<void> {
  const owner = await findUserById(ctx.db, ownerId);
  if (!owner || !mayOwnFollowUp(owner, place)) throw new ApiError('followUp.ownerInvalid', { owner: owner?.displayName ?? ownerId, department: place.departmentName });
}

/** The source as stored: its code, path, indicator and the text it read when the follow-up was raised. */
async function resolveSource(ctx: ServiceContext, form: Awaited<ReturnType<typeof readableForm>>, source: FollowUpSourceInput): Promise<{ kind: FollowUpSourceKind; code: string; path: string; indicatorId: string | null; quote: string }> {
  if (source.kind === 'finding') {
    // The stored findings of the saved version: a follow-up quotes what the record says, not an unsaved screen.
    const finding = form.findings.find((f) => f.code === source.code && f.path === source.path);
    if (!finding) throw new ApiError('followUp.findingMissing', { code: source.code, path: source.path });
    // Quoted in Chinese, the language of the record (the finding's path is the form's own Chinese anyway).
    return { kind: 'finding', code: finding.code, path: finding.path, indicatorId: null, quote: problemMessage(finding, 'zh') };
  }
  const leaf = leavesOf(JSON.parse(form.documentJson) as FormDocument).find((l) => l.leaf.id === source.indicatorId);
  if (!leaf) throw new ApiError('api.unknownIndicator', { indicatorId: source.indicatorId });
  const path = leaf.namePath.join('/');
  const review = (await listReviews(ctx.db, form.id)).find((r) => r.indicatorId === source.indicatorId);
  if (!review || review.comment.trim() === '') throw new ApiError('followUp.reviewMissing', { indicator: path });
  return { kind: 'review', code: '', path, indicatorId: source.indicatorId, quote: review.comment };
}

/** Raises a follow-up from a finding or a review comment of a form the caller may read. */
export async function createFollowUp(ctx: ServiceContext, actor: Actor, formId: string, input: NewFollowUpInput): Promise<FollowUpView> {
  const form = await readableForm(ctx, actor, formId);
  if (!canFollowUp(actor, 'create', { status: 'open', departmentId: form.departmentId, regionId: form.regionId })) throw new ApiError('api.forbidden');
  const source = await resolveSource(ctx, form, input.source);
  await checkOwner(ctx, input.ownerId, form);
  const at = nowIso(ctx);
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertFollowUp(trx, {
      id,
      formId,
      departmentId: form.departmentId,
      regionId: form.regionId,
      year: form.year,
      sourceKind: source.kind,
      sourceCode: source.code,
      sourcePath: source.path,
      sourceIndicatorId: source.indicatorId,
      quote: source.quote,
      title: input.title,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      status: 'open',
      version: 1,
      createdAt: at,
      createdBy: actor.userId,
      updatedAt: at,
      updatedBy: actor.userId,
    });
    await appendFollowUpHistory(trx, id, { version: 1, at, userId: actor.userId, action: 'create', fromStatus: null, toStatus: 'open', note: '', changes: [] });
  });
  const created = await findFollowUp(ctx.db, id);
  if (!created) throw new Error(`follow-up ${id} vanished after its creation`);
  return view(ctx, actor, created);
}

/** What a list asks for, beyond the caller's scope (each narrows it further; none widens it). */
export interface FollowUpQuery {
  regionId?: string | undefined;
  departmentId?: string | undefined;
  formId?: string | undefined;
  year?: number | undefined;
  /** The grade of the form a follow-up was raised on (the dashboard's grade filter). */
  grade?: Grade | undefined;
  status?: FollowUpStatus | undefined;
  overdue?: boolean | undefined;
}

/** The caller's scope as a filter: everything, their region, or their department (null: they see nothing). */
function scopeFilter(actor: Actor): Pick<FollowUpFilter, 'regionId' | 'departmentId'> | null {
  switch (ROLE_SCOPE[actor.role]) {
    case 'all':
      return {};
    case 'region':
      return actor.regionId === null ? null : { regionId: actor.regionId };
    case 'department':
      return actor.departmentId === null ? null : { departmentId: actor.departmentId };
  }
}

function combine(actor: Actor, query: FollowUpQuery): FollowUpFilter | null {
  const scope = scopeFilter(actor);
  if (scope === null) return null;
  // A department or a region outside the caller's scope simply matches nothing.
  if (scope.departmentId !== undefined && query.departmentId !== undefined && query.departmentId !== scope.departmentId) return null;
  if (scope.regionId !== undefined && query.regionId !== undefined && query.regionId !== scope.regionId) return null;
  return {
    ...scope,
    ...(query.departmentId !== undefined ? { departmentId: query.departmentId } : {}),
    // A department's staff keep their department and add the region as one more condition (theirs or none).
    ...(query.regionId !== undefined ? { regionId: query.regionId } : {}),
    formId: query.formId,
    year: query.year,
    grade: query.grade,
  };
}

/** The follow-ups the caller may see, filtered by region, department, form, year, grade, status and overdue. */
export async function listVisibleFollowUps(ctx: ServiceContext, actor: Actor, query: FollowUpQuery): Promise<FollowUpView[]> {
  const filter = combine(actor, query);
  if (filter === null) return [];
  const on = today(ctx);
  const rows = await listFollowUps(ctx.db, { ...filter, ...(query.status !== undefined ? { statuses: [query.status] } : {}), ...(query.overdue === true ? { overdueOn: on } : {}) });
  const views = rows.map((f) => view(ctx, actor, f, on));
  return query.overdue === false ? views.filter((v) => !v.overdue) : views;
}

/** Counts of the follow-ups the caller may see, by status, and how many are overdue (the dashboard's card). */
export async function followUpCounts(ctx: ServiceContext, actor: Actor, query: Pick<FollowUpQuery, 'regionId' | 'departmentId' | 'year' | 'grade'>): Promise<{ byStatus: Record<FollowUpStatus, number>; overdue: number; total: number }> {
  const filter = combine(actor, query);
  const counted = filter === null ? { byStatus: new Map<FollowUpStatus, number>(), overdue: 0 } : await countFollowUps(ctx.db, filter, today(ctx));
  const byStatus = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, counted.byStatus.get(s) ?? 0])) as Record<FollowUpStatus, number>;
  return { byStatus, overdue: counted.overdue, total: FOLLOW_UP_STATUSES.reduce((sum, s) => sum + byStatus[s], 0) };
}

/** One follow-up with the caller's abilities. */
export async function getFollowUp(ctx: ServiceContext, actor: Actor, id: string): Promise<FollowUpView> {
  return view(ctx, actor, await readableFollowUp(ctx, actor, id));
}

function conflict(yourVersion: number, current: number | null): ApiError {
  return new ApiError('followUp.versionConflict', { yourVersion, currentVersion: current ?? '?' }, { currentVersion: current });
}

/** Throws unless the actor may take the action: 403 for a role that never may, 409 when only the status stands in the way. */
function authorize(actor: Actor, action: FollowUpAction, subject: FollowUpSubject, title: string): void {
  if (canFollowUp(actor, action, subject)) return;
  if (!FOLLOW_UP_PERMISSIONS[action].roles.includes(actor.role)) throw new ApiError('api.forbidden');
  throw new ApiError('followUp.closed', { title, status: subject.status });
}

/**
 * Changes a follow-up read at `expectedVersion`: its status (a move of the transition table, with a note
 * where one is required), title, owner or due date. Stale → 409 with the current version; an impossible
 * move → 409 saying what is possible; a move or edit the role may not make → 403.
 */
export async function updateFollowUp(ctx: ServiceContext, actor: Actor, id: string, expectedVersion: number, change: FollowUpChange): Promise<FollowUpView> {
  const current = await readableFollowUp(ctx, actor, id);
  if (current.version !== expectedVersion) throw conflict(expectedVersion, current.version);
  const note = (change.note ?? '').trim();
  let to = current.status;
  let action = 'edit';
  if (change.status !== undefined && change.status !== current.status) {
    const transition = followUpTransitionBetween(current.status, change.status);
    if (!transition) throw new ApiError('followUp.transitionNotAllowed', { title: current.title, from: current.status, to: change.status, allowed: followUpNextStatuses(current.status).join(',') });
    if (!transition.roles.includes(actor.role)) throw new ApiError('api.forbidden');
    if (transition.noteRequired && note === '') throw new ApiError('followUp.noteRequired', { to: transition.to });
    to = transition.to;
    action = transition.action;
  }
  const fields: FollowUpFieldChange[] = [];
  for (const field of ['title', 'ownerId', 'dueDate'] as const) {
    const after = change[field];
    if (after !== undefined && after !== current[field]) fields.push({ field, before: current[field], after });
  }
  if (fields.length > 0) {
    // Edits are judged on the status the follow-up ends in: a reopened one may be reassigned at once.
    authorize(actor, 'edit', { ...current, status: to }, current.title);
    if (change.ownerId !== undefined && change.ownerId !== current.ownerId) {
      const [department] = await findDepartments(ctx.db, [current.departmentId]);
      await checkOwner(ctx, change.ownerId, { ...current, departmentName: department?.name ?? current.departmentName });
    }
  }
  if (to === current.status && fields.length === 0) throw new ApiError('api.badRequest', { detail: 'nothing to change (status, title, ownerId or dueDate)' });
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateFollowUpIfVersion(trx, id, expectedVersion, {
      ...(to !== current.status ? { status: to } : {}),
      ...Object.fromEntries(fields.map((f) => [f.field, f.after])),
      at,
      userId: actor.userId,
    });
    if (!ok) throw conflict(expectedVersion, await currentFollowUpVersion(trx, id));
    await appendFollowUpHistory(trx, id, { version: expectedVersion + 1, at, userId: actor.userId, action, fromStatus: current.status, toStatus: to, note, changes: fields });
  });
  return getFollowUp(ctx, actor, id);
}

/** A change of a history entry with what people read: an owner by name, other fields as they are. */
export interface FollowUpFieldChangeView extends FollowUpFieldChange {
  beforeText: string;
  afterText: string;
}

/** A history entry as read. */
export interface FollowUpHistoryView extends Omit<FollowUpHistoryRecord, 'changes'> {
  changes: FollowUpFieldChangeView[];
}

/** A follow-up's history, oldest first: who, when, from → to, the note and what else changed (owners by name). */
export async function followUpHistory(ctx: ServiceContext, actor: Actor, id: string): Promise<FollowUpHistoryView[]> {
  await readableFollowUp(ctx, actor, id);
  const entries = await listFollowUpHistory(ctx.db, id);
  const owners = entries.flatMap((e) => e.changes.filter((c) => c.field === 'ownerId').flatMap((c) => [c.before, c.after]));
  const names = await displayNames(ctx.db, owners);
  const text = (c: FollowUpFieldChange, value: string): string => (c.field === 'ownerId' ? (names.get(value) ?? value) : value);
  return entries.map((e) => ({ ...e, changes: e.changes.map((c) => ({ ...c, beforeText: text(c, c.before), afterText: text(c, c.after) })) }));
}

/** The people who may own a follow-up of a department, for whoever may raise one there. */
export async function followUpOwnerCandidates(ctx: ServiceContext, actor: Actor, departmentId: string): Promise<OwnerCandidate[]> {
  const [department] = await findDepartments(ctx.db, [departmentId]);
  if (!department) throw new ApiError('api.notFound');
  const place = { status: 'open' as const, departmentId, regionId: department.regionId };
  if (!canFollowUp(actor, 'create', place)) throw new ApiError(canFollowUp(actor, 'read', place) ? 'api.forbidden' : 'api.notFound');
  return listOwnerCandidates(ctx.db, departmentId, department.regionId);
}
