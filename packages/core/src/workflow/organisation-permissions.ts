/**
 * Who may manage the organisation (地区 regions, 部门 departments and their 单位数), as data: the roles
 * each action allows. Listing is further limited to the actor's scope (a reviewer sees their region, a
 * head or editor their department), the same scope `can()` uses for forms.
 */
import type { Actor, Role } from './roles.js';
import { ROLES } from './roles.js';

/** Actions on regions and departments. */
export const ORGANISATION_ACTIONS = ['listRegions', 'createRegion', 'renameRegion', 'listDepartments', 'createDepartment', 'renameDepartment', 'bulkImport'] as const;

/** One action on regions and departments. */
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

/** The roles each organisation action allows. */
export const ORGANISATION_PERMISSIONS: Readonly<Record<OrganisationAction, readonly Role[]>> = {
  listRegions: ['administrator', 'reviewer'],
  createRegion: ['administrator'],
  renameRegion: ['administrator'],
  listDepartments: ROLES,
  createDepartment: ['administrator'],
  renameDepartment: ['administrator'],
  // 批量导入: the finance bureau's import of many forms into a region (a reviewer only into their own);
  // a name new to the region becomes a department only for those who may createDepartment.
  bulkImport: ['administrator', 'reviewer'],
};

/** Whether the actor may take an organisation action (the public may take none). */
export function canOrganise(actor: Actor | null, action: OrganisationAction): boolean {
  return actor !== null && ORGANISATION_PERMISSIONS[action].includes(actor.role);
}
