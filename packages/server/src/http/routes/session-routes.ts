/** Signing in and out, the current session, password change. */
import { z } from 'zod';
import { changePassword, login, logout } from '../../services/auth-service.js';
import type { App, RouteDeps } from '../app.js';
import { presentUser } from '../presenters.js';
import { requireSession, SESSION_COOKIE } from '../request-auth.js';

const credentials = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1_000) });

function usernameOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'username' in body && typeof body.username === 'string' ? body.username : '';
}

/** POST/GET/DELETE /api/session, PUT /api/session/password. */
export function registerSessionRoutes(app: App, { ctx, secureCookie }: RouteDeps, loginRateLimit: number): void {
  app.post(
    '/api/session',
    {
      schema: { tags: ['session'], summary: 'Sign in: sets the session cookie, returns the CSRF token for X-CSRF-Token', body: credentials },
      config: {
        csrf: false,
        // Per address and username, counted after the body is read: guessing one account's password is
        // throttled, while colleagues behind one office address can still sign in.
        rateLimit: { max: loginRateLimit, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (request) => `${request.ip}|${usernameOf(request.body)}` },
      },
    },
    async (request, reply) => {
      const { token, session } = await login(ctx, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(request.protocol),
        path: '/',
        maxAge: Math.floor(ctx.sessionTtlMs / 1000),
      });
      return { user: presentUser(session.user), csrfToken: session.csrfToken };
    },
  );

  app.get('/api/session', { schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token' } }, async (request) => {
    const session = requireSession(request);
    return { user: presentUser(session.user), csrfToken: session.csrfToken };
  });

  app.delete('/api/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (request, reply) => {
    await logout(ctx, requireSession(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.put(
    '/api/session/password',
    { schema: { tags: ['session'], summary: 'Change the password (ends the other sessions)', body: z.object({ currentPassword: z.string().min(1).max(1_000), newPassword: z.string().max(1_000) }) } },
    async (request, reply) => {
      await changePassword(ctx, requireSession(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );
}
