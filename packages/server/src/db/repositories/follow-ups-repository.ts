/**
 * 整改 (follow-ups) and their history: all the SQL about them. A follow-up row carries its department,
 * region and year (copied from the form it was raised on) so lists filter without joining forms; every
 * change appends a history row keyed by the version it made, so nothing said along the way is lost.
 */
import type { FollowUpSourceKind, FollowUpStatus, Grade, Role } from '@jixiao/core';
import { OPEN_FOLLOW_UP_STATUSES } from '@jixiao/core';
import type { Kysely, Selectable } from 'kysely';
import { readDecimal } from '../decimal.js';
import type { Database, FollowUpTable } from '../schema.js';

/** A follow-up as the services see it, with the names a list shows. */
export interface FollowUpRecord {
  id: string;
  formId: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  sourceKind: FollowUpSourceKind;
  /** The finding's rule code; '' for a review comment. */
  sourceCode: string;
  /** The finding's path, or the reviewed indicator's name path. */
  sourcePath: string;
  sourceIndicatorId: string | null;
  quote: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: FollowUpStatus;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** What a new follow-up stores (names are joined on reading). */
export type NewFollowUp = Omit<FollowUpRecord, 'departmentName' | 'ownerName'>;

/** One field changed by an edit (the owner by user id). */
export interface FollowUpFieldChange {
  field: 'title' | 'ownerId' | 'dueDate';
  before: string;
  after: string;
}

/** One entry of a follow-up's history. */
export interface FollowUpHistoryRecord {
  version: number;
  at: string;
  userId: string;
  userName: string;
  action: string;
  fromStatus: FollowUpStatus | null;
  toStatus: FollowUpStatus;
  note: string;
  changes: FollowUpFieldChange[];
}

type Row = Selectable<FollowUpTable> & { department_name: string; owner_name: string };

function toRecord(row: Row): FollowUpRecord {
  return {
    id: row.id,
    formId: row.form_id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    year: row.year,
    sourceKind: row.source_kind as FollowUpSourceKind,
    sourceCode: row.source_code,
    sourcePath: row.source_path,
    sourceIndicatorId: row.source_indicator_id,
    quote: row.quote,
    title: row.title,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status as FollowUpStatus,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function selectFollowUps(db: Kysely<Database>) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('departments', 'departments.id', 'follow_ups.department_id')
    .innerJoin('users', 'users.id', 'follow_ups.owner_id')
    .selectAll('follow_ups')
    .select(['departments.name as department_name', 'users.display_name as owner_name']);
}

/** Stores a new follow-up. */
export async function insertFollowUp(db: Kysely<Database>, f: NewFollowUp): Promise<void> {
  await db
    .insertInto('follow_ups')
    .values({
      id: f.id,
      form_id: f.formId,
      department_id: f.departmentId,
      region_id: f.regionId,
      year: f.year,
      source_kind: f.sourceKind,
      source_code: f.sourceCode,
      source_path: f.sourcePath,
      source_indicator_id: f.sourceIndicatorId,
      quote: f.quote,
      title: f.title,
      owner_id: f.ownerId,
      due_date: f.dueDate,
      status: f.status,
      version: f.version,
      created_at: f.createdAt,
      created_by: f.createdBy,
      updated_at: f.updatedAt,
      updated_by: f.updatedBy,
    })
    .execute();
}

/** A follow-up by id, or null. */
export async function findFollowUp(db: Kysely<Database>, id: string): Promise<FollowUpRecord | null> {
  const row = await selectFollowUps(db).where('follow_ups.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Which follow-ups a list shows; the scope (region or department) comes from the caller's role. */
export interface FollowUpFilter {
  regionId?: string | undefined;
  departmentId?: string | undefined;
  formId?: string | undefined;
  year?: number | undefined;
  /** Only those raised on a form of this grade (as the form was last saved: its analysis facts row). */
  grade?: Grade | undefined;
  statuses?: readonly FollowUpStatus[] | undefined;
  /** Only those still owed whose due date is before this day (YYYY-MM-DD). */
  overdueOn?: string | undefined;
}

/** The ids of the forms of a grade, as the dashboard's grade filter reads them. */
function formsOfGrade(db: Kysely<Database>, grade: Grade) {
  return db.selectFrom('analysis_forms').select('analysis_forms.form_id').where('analysis_forms.grade', '=', grade);
}

/** Follow-ups matching a filter: soonest due first, then by department and title. */
export async function listFollowUps(db: Kysely<Database>, filter: FollowUpFilter): Promise<FollowUpRecord[]> {
  let query = selectFollowUps(db).orderBy('follow_ups.due_date').orderBy('departments.name').orderBy('follow_ups.created_at').orderBy('follow_ups.id');
  if (filter.regionId !== undefined) query = query.where('follow_ups.region_id', '=', filter.regionId);
  if (filter.departmentId !== undefined) query = query.where('follow_ups.department_id', '=', filter.departmentId);
  if (filter.formId !== undefined) query = query.where('follow_ups.form_id', '=', filter.formId);
  if (filter.year !== undefined) query = query.where('follow_ups.year', '=', filter.year);
  if (filter.grade !== undefined) query = query.where('follow_ups.form_id', 'in', formsOfGrade(db, filter.grade));
  if (filter.statuses !== undefined) query = query.where('follow_ups.status', 'in', [...filter.statuses]);
  if (filter.overdueOn !== undefined) query = query.where('follow_ups.status', 'in', [...OPEN_FOLLOW_UP_STATUSES]).where('follow_ups.due_date', '<', filter.overdueOn);
  return (await query.execute()).map(toRecord);
}

/** How many follow-ups match a filter, by status, and how many of them are overdue on a day. */
export async function countFollowUps(db: Kysely<Database>, filter: Omit<FollowUpFilter, 'overdueOn' | 'statuses'>, today: string): Promise<{ byStatus: Map<FollowUpStatus, number>; overdue: number }> {
  let query = db.selectFrom('follow_ups').select((eb) => ['follow_ups.status', eb.fn.countAll<number | string>().as('n')]).groupBy('follow_ups.status');
  let overdue = db
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('follow_ups.status', 'in', [...OPEN_FOLLOW_UP_STATUSES])
    .where('follow_ups.due_date', '<', today);
  for (const [column, value] of [['follow_ups.region_id', filter.regionId], ['follow_ups.department_id', filter.departmentId], ['follow_ups.form_id', filter.formId], ['follow_ups.year', filter.year]] as const) {
    if (value === undefined) continue;
    query = query.where(column, '=', value);
    overdue = overdue.where(column, '=', value);
  }
  if (filter.grade !== undefined) {
    query = query.where('follow_ups.form_id', 'in', formsOfGrade(db, filter.grade));
    overdue = overdue.where('follow_ups.form_id', 'in', formsOfGrade(db, filter.grade));
  }
  const rows = await query.execute();
  const late = await overdue.executeTakeFirst();
  return { byStatus: new Map(rows.map((r) => [r.status as FollowUpStatus, readDecimal(r.n)])), overdue: readDecimal(late?.n ?? 0) };
}

/** What an update writes. */
export interface FollowUpUpdate {
  status?: FollowUpStatus;
  title?: string;
  ownerId?: string;
  dueDate?: string;
  at: string;
  userId: string;
}

/**
 * Writes the change if the follow-up is still at `expectedVersion`, bumping the version. Returns false when
 * someone else got there first: the caller answers 409, nothing is overwritten.
 */
export async function updateFollowUpIfVersion(db: Kysely<Database>, id: string, expectedVersion: number, change: FollowUpUpdate): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({
      version: expectedVersion + 1,
      updated_at: change.at,
      updated_by: change.userId,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.ownerId !== undefined ? { owner_id: change.ownerId } : {}),
      ...(change.dueDate !== undefined ? { due_date: change.dueDate } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The current version of a follow-up (for a 409's answer). */
export async function currentFollowUpVersion(db: Kysely<Database>, id: string): Promise<number | null> {
  const row = await db.selectFrom('follow_ups').select('version').where('id', '=', id).executeTakeFirst();
  return row?.version ?? null;
}

/** Appends a history entry (its version is the follow-up's version the change made: unique per follow-up). */
export async function appendFollowUpHistory(db: Kysely<Database>, followUpId: string, entry: Omit<FollowUpHistoryRecord, 'userName'>): Promise<void> {
  await db
    .insertInto('follow_up_history')
    .values({
      follow_up_id: followUpId,
      version: entry.version,
      at: entry.at,
      user_id: entry.userId,
      action: entry.action,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      note: entry.note,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}

/** A follow-up's history, oldest first, with the name of who acted. */
export async function listFollowUpHistory(db: Kysely<Database>, followUpId: string): Promise<FollowUpHistoryRecord[]> {
  const rows = await db
    .selectFrom('follow_up_history')
    .leftJoin('users', 'users.id', 'follow_up_history.user_id')
    .selectAll('follow_up_history')
    .select('users.display_name as user_name')
    .where('follow_up_history.follow_up_id', '=', followUpId)
    .orderBy('follow_up_history.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name ?? r.user_id,
    action: r.action,
    fromStatus: r.from_status as FollowUpStatus | null,
    toStatus: r.to_status as FollowUpStatus,
    note: r.note,
    changes: JSON.parse(r.changes) as FollowUpFieldChange[],
  }));
}

/** Someone who may own a follow-up. */
export interface OwnerCandidate {
  id: string;
  displayName: string;
  role: Role;
}

/** The people who may own a department's follow-ups: its heads and editors, and its region's reviewers. */
export async function listOwnerCandidates(db: Kysely<Database>, departmentId: string, regionId: string): Promise<OwnerCandidate[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where((eb) => eb.or([eb.and([eb('department_id', '=', departmentId), eb('role', 'in', ['head', 'editor'])]), eb.and([eb('region_id', '=', regionId), eb('role', '=', 'reviewer')])]))
    .orderBy('role')
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
}
