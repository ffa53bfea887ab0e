/** The caller of a request: resolved once from the session cookie, read by routes through these helpers. */
import type { Actor } from '@jixiao/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../services/api-error.js';
import type { Session } from '../services/auth-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session; null for the public. */
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** False for the one state-changing route that cannot carry a CSRF token yet: signing in. */
    csrf?: boolean;
  }
}

/** The name of the session cookie. */
export const SESSION_COOKIE = 'jixiao_session';
/** The header carrying the CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** The caller's session, or 401. */
export function requireSession(request: FastifyRequest): Session {
  if (request.session === null) throw new ApiError('api.unauthenticated');
  return request.session;
}

/** The caller as an actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  return requireSession(request).actor;
}

/** The caller as an actor, or null for the public. */
export function optionalActor(request: FastifyRequest): Actor | null {
  return request.session?.actor ?? null;
}

/** The version an If-Match header names (`3`, `"3"`, `W/"3"`), or 428 when missing. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/u.exec(header.trim()) : null;
  if (!match?.[1]) throw new ApiError('api.preconditionRequired');
  return Number(match[1]);
}
