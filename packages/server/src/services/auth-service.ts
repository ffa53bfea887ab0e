/** Signing in and out, sessions, password changes and new accounts. */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '@jixiao/core';
import { canAdminister } from '@jixiao/core';
import type { User } from '../db/repositories/users-repository.js';
import {
  deleteOtherSessions,
  deleteSession,
  findLiveSession,
  findUserById,
  findUserByUsername,
  insertSession,
  insertUser,
  updatePasswordHash,
} from '../db/repositories/users-repository.js';
import { ApiError } from './api-error.js';
import type { ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { admitSignIn, signInSucceeded } from './login-throttle.js';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** A signed-in caller: who, under which session, with which CSRF token. */
export interface Session {
  sessionId: string;
  csrfToken: string;
  user: User;
  actor: Actor;
}

/** The actor `can()` judges for a user. */
export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role, regionId: user.regionId, departmentId: user.departmentId };
}

/** Sessions are stored under the hash of their token: the table alone opens nothing. */
function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

let dummyHash: Promise<string> | null = null;

/** Signs in; the token goes into an HTTP-only cookie, the CSRF token to the client. */
export async function login(ctx: ServiceContext, username: string, password: string): Promise<{ token: string; session: Session }> {
  await admitSignIn(ctx, username);
  const user = await findUserByUsername(ctx.db, username);
  if (!user) {
    // Verify against a dummy hash anyway, so the time taken does not tell which usernames exist.
    dummyHash ??= ctx.passwords.hash('not a password of anyone');
    await ctx.passwords.verify(await dummyHash, password);
    throw new ApiError('api.invalidCredentials');
  }
  if (!(await ctx.passwords.verify(user.passwordHash, password))) throw new ApiError('api.invalidCredentials');
  await signInSucceeded(ctx, username);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.clock();
  const sessionId = sessionIdOf(token);
  await insertSession(ctx.db, { id: sessionId, userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ctx.sessionTtlMs).toISOString() });
  const { passwordHash: _hash, ...plain } = user;
  return { token, session: { sessionId, csrfToken, user: plain, actor: actorOf(plain) } };
}

/** The live session a token opens, or null. */
export async function sessionOf(ctx: ServiceContext, token: string): Promise<Session | null> {
  const sessionId = sessionIdOf(token);
  const found = await findLiveSession(ctx.db, sessionId, nowIso(ctx));
  return found ? { sessionId, csrfToken: found.csrfToken, user: found.user, actor: actorOf(found.user) } : null;
}

/** Ends a session. */
export async function logout(ctx: ServiceContext, session: Session): Promise<void> {
  await deleteSession(ctx.db, session.sessionId);
}

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(ctx: ServiceContext, session: Session, current: string, next: string): Promise<void> {
  const user = await findUserById(ctx.db, session.user.id);
  if (!user || !(await ctx.passwords.verify(user.passwordHash, current))) throw new ApiError('api.wrongPassword');
  if (next.length < MIN_PASSWORD_LENGTH) throw new ApiError('api.weakPassword', { min: MIN_PASSWORD_LENGTH });
  await updatePasswordHash(ctx.db, user.id, await ctx.passwords.hash(next));
  await deleteOtherSessions(ctx.db, user.id, session.sessionId);
}

/** A new account's fields. */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionId: string | null;
  departmentId: string | null;
}

/**
 * Creates an account. `actor` null means the operator at the command line (`jixiao user add`); through
 * the API only an administrator may.
 */
export async function addUser(ctx: ServiceContext, actor: Actor | null | 'system', input: NewUser): Promise<User> {
  if (actor !== 'system' && !canAdminister(actor)) throw new ApiError('api.forbidden');
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new ApiError('api.weakPassword', { min: MIN_PASSWORD_LENGTH });
  const needsRegion = input.role === 'reviewer';
  const needsDepartment = input.role === 'head' || input.role === 'editor';
  if (needsRegion !== (input.regionId !== null) || needsDepartment !== (input.departmentId !== null)) {
    throw new ApiError('api.badRequest', { detail: 'reviewer needs regionId; head and editor need departmentId; others neither' });
  }
  if (await findUserByUsername(ctx.db, input.username)) throw new ApiError('api.conflict', { detail: input.username });
  const user: User = { id: ctx.newId(), username: input.username, displayName: input.displayName, role: input.role, regionId: input.regionId, departmentId: input.departmentId };
  await insertUser(ctx.db, { ...user, passwordHash: await ctx.passwords.hash(input.password), createdAt: nowIso(ctx) });
  return user;
}
