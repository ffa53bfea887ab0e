/**
 * Roles of the people who sign in. A finance reviewer (财政局审核人) works for a region; a department head
 * (部门负责人) and a department editor (部门填报人) for a department; an administrator for the whole system.
 * The public is no role: it is the absence of an actor.
 */
export const ROLES = ['administrator', 'reviewer', 'head', 'editor'] as const;

/** A signed-in person's role. */
export type Role = (typeof ROLES)[number];

/** Who is acting: what `can()` needs to know about the caller, and nothing more. */
export interface Actor {
  userId: string;
  role: Role;
  /** The region a reviewer works for; null for the others. */
  regionId: string | null;
  /** The department of a head or editor; null for the others. */
  departmentId: string | null;
}

/** Where a role's powers reach: everything, one region, or one department. */
export const ROLE_SCOPE = {
  administrator: 'all',
  reviewer: 'region',
  head: 'department',
  editor: 'department',
} as const satisfies Record<Role, 'all' | 'region' | 'department'>;
