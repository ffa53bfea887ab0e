/**
 * The demo's follow-ups (整改): two on the seed department's 2021 form, raised by the region's reviewer from
 * its findings and owned by the department's head — one long overdue, one in progress — so the 整改 page,
 * the department's list and the dashboard's counts have something to show on first start.
 */
import type { Actor } from '@jixiao/core';
import { chinaDate } from '@jixiao/core';
import { findForm } from '../db/repositories/forms-repository.js';
import type { ServiceContext } from './context.js';
import { createFollowUp, updateFollowUp } from './follow-up-service.js';

/** Raises the demo's follow-ups on the seed form (the reviewer acting, the head owning). */
export async function loadDemoFollowUps(ctx: ServiceContext, reviewer: Actor, seedFormId: string, headId: string): Promise<void> {
  const form = await findForm(ctx.db, seedFormId);
  const asset = form?.findings.find((f) => f.code === 'score-above-weight');
  const warning = form?.findings.find((f) => f.severity === 'warning');
  if (!asset || !warning) throw new Error('the demo form lost the findings its follow-ups quote');
  await createFollowUp(ctx, reviewer, seedFormId, { source: { kind: 'finding', code: asset.code, path: asset.path }, title: '完善资产管理制度，并按分值据实自评', ownerId: headId, dueDate: '2022-06-30' });
  const started = await createFollowUp(ctx, reviewer, seedFormId, {
    source: { kind: 'finding', code: warning.code, path: warning.path },
    title: '补充评分依据并说明未达标原因',
    ownerId: headId,
    dueDate: chinaDate(new Date(ctx.clock().getTime() + 60 * 86_400_000)),
  });
  await updateFollowUp(ctx, reviewer, started.followUp.id, started.followUp.version, { status: 'inProgress', note: '已通知部门，正在整理佐证材料' });
}
