/** Follow-ups in any status, made through the same service and repository the app uses. */
import type { Actor, FollowUpStatus } from '@jixiao/core';
import type { ServiceContext } from '@jixiao/server';
import { updateFollowUpIfVersion } from '../../src/db/repositories/follow-ups-repository.js';
import { findForm } from '../../src/db/repositories/forms-repository.js';
import { findUserByUsername } from '../../src/db/repositories/users-repository.js';
import { createFollowUp } from '../../src/services/follow-up-service.js';
import type { World } from './factories.js';
import { buildForm } from './factories.js';

/** The administrator as an actor (for factories only). */
const SYSTEM_ADMIN: Actor = { userId: 'factory', role: 'administrator', regionId: null, departmentId: null };

/**
 * A follow-up of a department in a status, raised from the first finding of a fresh form, owned by the
 * region's reviewer; its title is a marker no refused answer may contain.
 */
export async function buildFollowUp(
  ctx: ServiceContext,
  world: World,
  departmentId: string,
  status: FollowUpStatus,
  options: { dueDate?: string; year?: number } = {},
): Promise<{ id: string; formId: string; marker: string; version: number }> {
  const form = await buildForm(ctx, world, departmentId, 'submitted', options.year);
  const record = await findForm(ctx.db, form.id);
  const finding = record?.findings[0];
  if (!finding) throw new Error('the seed form has no finding');
  const regionId = world.regionOf[departmentId] ?? '';
  const ownerName = regionId === world.regions.r1 ? 'reviewer1' : 'reviewer2';
  const owner = await findUserByUsername(ctx.db, ownerName);
  if (!owner) throw new Error(`no user ${ownerName}`);
  const marker = `机密整改${ctx.newId()}`;
  const view = await createFollowUp(ctx, SYSTEM_ADMIN, form.id, { source: { kind: 'finding', code: finding.code, path: finding.path }, title: marker, ownerId: owner.id, dueDate: options.dueDate ?? '2030-12-31' });
  let version = view.followUp.version;
  if (status !== 'open') {
    if (!(await updateFollowUpIfVersion(ctx.db, view.followUp.id, version, { status, at: new Date(0).toISOString(), userId: 'factory' }))) throw new Error('could not set the status');
    version += 1;
  }
  return { id: view.followUp.id, formId: form.id, marker, version };
}
