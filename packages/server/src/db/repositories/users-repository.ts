/** Users and their sessions: all the SQL about who signs in. */
import type { Role } from '@jixiao/core';
import type { Kysely, Selectable } from 'kysely';
import { compiledOnce } from '../compiled-query.js';
import type { Database, UserTable } from '../schema.js';

/** A user as the services see them (never the password hash). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  departmentId: string | null;
}

/** A user with the hash to verify a password against. */
export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: Selectable<UserTable>): UserWithHash {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    regionId: row.region_id,
    departmentId: row.department_id,
    passwordHash: row.password_hash,
  };
}

/** A user by username, with the hash. */
export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** A user by id, with the hash. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Stores a new user. */
export async function insertUser(db: Kysely<Database>, user: User & { passwordHash: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      region_id: user.regionId,
      department_id: user.departmentId,
      created_at: user.createdAt,
    })
    .execute();
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Stores a session (keyed by the hash of its token, so a leaked table opens no sessions). */
export async function insertSession(db: Kysely<Database>, session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, csrf_token: session.csrfToken, created_at: session.createdAt, expires_at: session.expiresAt })
    .execute();
}

const liveSessionRow = compiledOnce((db, id: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'users.id', 'users.username', 'users.display_name', 'users.role', 'users.region_id', 'users.department_id'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now),
);

/** A live session with its user: one query per authenticated request. */
export async function findLiveSession(db: Kysely<Database>, id: string, now: string): Promise<{ csrfToken: string; user: User } | null> {
  const [row] = await liveSessionRow(db, id, now);
  if (!row) return null;
  return {
    csrfToken: row.csrf_token,
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, regionId: row.region_id, departmentId: row.department_id },
  };
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user except one (after a password change). */
export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
}

/** Display names of users by id (for the history). */
export async function displayNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
