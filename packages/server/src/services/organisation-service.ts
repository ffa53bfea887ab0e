/**
 * Organisations: regions (地区), departments (部门) and their subordinate units (单位数). Administrators
 * create and rename them; everyone lists what lies in their scope. `actor` 'system' is the operator at the
 * command line (`jixiao org …`), who may do everything.
 */
import type { Actor, OrganisationAction } from '@jixiao/core';
import { canOrganise, inScope } from '@jixiao/core';
import type { Department, Region } from '../db/repositories/organisations-repository.js';
import {
  findDepartmentByName,
  findDepartments,
  findRegion,
  findRegionByName,
  insertDepartment,
  insertRegion,
  listDepartments,
  listRegions,
  updateDepartment,
  updateRegion,
} from '../db/repositories/organisations-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';

/** Who manages the organisation: a signed-in actor, or the operator at the command line. */
export type Organiser = Actor | 'system';

function authorize(actor: Organiser, action: OrganisationAction): void {
  if (actor !== 'system' && !canOrganise(actor, action)) throw new ApiError('api.forbidden');
}

/** The region the actor works in, or null for everything (administrators and the operator). */
function regionFilter(actor: Organiser): string | null {
  return actor === 'system' || actor.role === 'administrator' ? null : actor.regionId;
}

function visible(actor: Organiser, place: { regionId: string; departmentId: string }): boolean {
  return actor === 'system' || inScope(actor, place);
}

/** Creates a region; its name is unique. */
export async function createRegion(ctx: ServiceContext, actor: Organiser, name: string): Promise<Region> {
  authorize(actor, 'createRegion');
  if ((await findRegionByName(ctx.db, name)) !== null) throw new ApiError('api.conflict', { detail: name });
  const region: Region = { id: ctx.newId(), name };
  await insertRegion(ctx.db, region);
  return region;
}

/** Renames a region; the new name must be free. Its departments, forms and people stay where they are. */
export async function renameRegion(ctx: ServiceContext, actor: Organiser, id: string, name: string): Promise<Region> {
  authorize(actor, 'renameRegion');
  const current = await findRegion(ctx.db, id);
  if (current === null) throw new ApiError('api.notFound');
  const holder = await findRegionByName(ctx.db, name);
  if (holder !== null && holder !== id) throw new ApiError('api.conflict', { detail: name });
  if (!(await updateRegion(ctx.db, id, name))) throw new ApiError('api.notFound');
  return { id, name };
}

/** The regions the actor may see (a reviewer: their own). */
export async function visibleRegions(ctx: ServiceContext, actor: Organiser): Promise<Region[]> {
  authorize(actor, 'listRegions');
  const regions = await listRegions(ctx.db, regionFilter(actor));
  return regions.filter((r) => visible(actor, { regionId: r.id, departmentId: '' }));
}

/** Creates a department of a region with its 单位数; its name is unique within the region. */
export async function createDepartment(ctx: ServiceContext, actor: Organiser, input: { regionId: string; name: string; unitCount: number | null }): Promise<Department> {
  authorize(actor, 'createDepartment');
  if ((await findRegion(ctx.db, input.regionId)) === null) throw new ApiError('api.notFound');
  if ((await findDepartmentByName(ctx.db, input.regionId, input.name)) !== null) throw new ApiError('api.conflict', { detail: input.name });
  const department: Department = { id: ctx.newId(), regionId: input.regionId, name: input.name, unitCount: input.unitCount };
  await insertDepartment(ctx.db, department);
  return department;
}

/** The departments the actor may see (a reviewer: their region's; a head or editor: their own). */
export async function visibleDepartments(ctx: ServiceContext, actor: Organiser): Promise<Department[]> {
  authorize(actor, 'listDepartments');
  const departments = await listDepartments(ctx.db, regionFilter(actor));
  return departments.filter((d) => visible(actor, { regionId: d.regionId, departmentId: d.id }));
}

/** Renames a department and/or sets its 单位数; the new name must be free within its region. */
export async function changeDepartment(ctx: ServiceContext, actor: Organiser, id: string, change: { name?: string | undefined; unitCount?: number | null | undefined }): Promise<Department> {
  authorize(actor, 'renameDepartment');
  const [current] = await findDepartments(ctx.db, [id]);
  if (!current) throw new ApiError('api.notFound');
  if (change.name !== undefined && change.name !== current.name && (await findDepartmentByName(ctx.db, current.regionId, change.name)) !== null) {
    throw new ApiError('api.conflict', { detail: change.name });
  }
  if (!(await updateDepartment(ctx.db, id, change))) throw new ApiError('api.notFound');
  return { ...current, ...(change.name !== undefined ? { name: change.name } : {}), ...(change.unitCount !== undefined ? { unitCount: change.unitCount } : {}) };
}
