/** Regions, departments and their subordinate units. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A department with its region. */
export interface Department {
  id: string;
  regionId: string;
  name: string;
  unitCount: number | null;
}

/** A region (地区). */
export interface Region {
  id: string;
  name: string;
}

function toDepartment(r: { id: string; region_id: string; name: string; unit_count: number | null }): Department {
  return { id: r.id, regionId: r.region_id, name: r.name, unitCount: r.unit_count };
}

/** Stores a region. */
export async function insertRegion(db: Kysely<Database>, region: { id: string; name: string }): Promise<void> {
  await db.insertInto('regions').values(region).execute();
}

/** Stores a department. */
export async function insertDepartment(db: Kysely<Database>, d: Department): Promise<void> {
  await db.insertInto('departments').values({ id: d.id, region_id: d.regionId, name: d.name, unit_count: d.unitCount }).execute();
}

/** Stores a subordinate unit. */
export async function insertUnit(db: Kysely<Database>, unit: { id: string; departmentId: string; name: string }): Promise<void> {
  await db.insertInto('units').values({ id: unit.id, department_id: unit.departmentId, name: unit.name }).execute();
}

/** Stores many subordinate units at once (the generator's batches). */
export async function insertUnits(db: Kysely<Database>, units: readonly { id: string; departmentId: string; name: string }[]): Promise<void> {
  if (units.length === 0) return;
  await db.insertInto('units').values(units.map((u) => ({ id: u.id, department_id: u.departmentId, name: u.name }))).execute();
}

/** Departments by id. */
export async function findDepartments(db: Kysely<Database>, ids: readonly string[]): Promise<Department[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('departments').selectAll().where('id', 'in', [...ids]).execute();
  return rows.map(toDepartment);
}

/** Departments, all or of one region. */
export async function listDepartments(db: Kysely<Database>, regionId: string | null): Promise<Department[]> {
  let query = db.selectFrom('departments').selectAll().orderBy('name');
  if (regionId !== null) query = query.where('region_id', '=', regionId);
  const rows = await query.execute();
  return rows.map(toDepartment);
}

/** A region's id by name. */
export async function findRegionByName(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom('regions').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

/** A department's id by region and name. */
export async function findDepartmentByName(db: Kysely<Database>, regionId: string, name: string): Promise<string | null> {
  const row = await db.selectFrom('departments').select('id').where('region_id', '=', regionId).where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

/** Regions, all or one, by name. */
export async function listRegions(db: Kysely<Database>, regionId: string | null): Promise<Region[]> {
  let query = db.selectFrom('regions').select(['id', 'name']).orderBy('name');
  if (regionId !== null) query = query.where('id', '=', regionId);
  return query.execute();
}

/** A region by id. */
export async function findRegion(db: Kysely<Database>, id: string): Promise<Region | null> {
  return (await db.selectFrom('regions').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Renames a region; false when there is no such region. */
export async function updateRegion(db: Kysely<Database>, id: string, name: string): Promise<boolean> {
  const result = await db.updateTable('regions').set({ name }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Renames a department and sets its 单位数; false when there is no such department. */
export async function updateDepartment(db: Kysely<Database>, id: string, change: { name?: string | undefined; unitCount?: number | null | undefined }): Promise<boolean> {
  const set = { ...(change.name !== undefined ? { name: change.name } : {}), ...(change.unitCount !== undefined ? { unit_count: change.unitCount } : {}) };
  if (Object.keys(set).length === 0) return (await findDepartments(db, [id])).length === 1;
  const result = await db.updateTable('departments').set(set).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
