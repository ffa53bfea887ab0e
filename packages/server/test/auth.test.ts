/** Signing in and out, sessions in the database, CSRF, the login rate limit, security headers, errors as JSON. */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/dialects.js';
import { as, PASSWORD, signIn } from './helpers/factories.js';
import { worldSuite } from './helpers/test-app.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`accounts and sessions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect, { loginRateLimit: 5 });

    it('signs in with an HTTP-only cookie and a CSRF token; the password is stored as argon2id', async () => {
      const res = await s.t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'editor1', password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'jixiao_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy(); // plain http outside production
      expect(res.json()).toMatchObject({ user: { username: 'editor1', role: 'editor' }, csrfToken: expect.any(String) });
      const row = await s.t.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'editor1').executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
      const sessions = await s.t.ctx.db.selectFrom('sessions').select('id').execute();
      expect(sessions.some((row) => row.id === cookie?.value)).toBe(false); // stored hashed
    });

    it('refuses a wrong password with a stable code, in Chinese or English', async () => {
      const zh = await s.t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'head1', password: 'wrong password' } });
      expect(zh.statusCode).toBe(401);
      expect(zh.json()).toEqual({ error: { code: 'api.invalidCredentials', message: '用户名或密码错误。' } });
      const en = await s.t.app.inject({ method: 'POST', url: '/api/session', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { username: 'nobody', password: 'x' } });
      expect(en.json()).toEqual({ error: { code: 'api.invalidCredentials', message: 'Wrong username or password.' } });
    });

    it('refuses a state-changing request without the CSRF token', async () => {
      const client = await signIn(s.t.app, 'head1');
      const res = await s.t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: client.cookie } });
      expect(res.statusCode).toBe(403);
      expect((res.json() as { error: { code: string } }).error.code).toBe('api.csrf');
      const wrong = await s.t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: client.cookie, 'x-csrf-token': 'forged' } });
      expect(wrong.statusCode).toBe(403);
      expect((await s.t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: client.cookie } })).statusCode).toBe(200);
    });

    it('logs out: the session is gone from the database', async () => {
      const client = await signIn(s.t.app, 'reviewer1');
      expect((await s.t.app.inject({ method: 'DELETE', url: '/api/session', headers: as(client) })).statusCode).toBe(204);
      expect((await s.t.app.inject({ method: 'GET', url: '/api/session', headers: as(client) })).statusCode).toBe(401);
    });

    it('changes the password: the old one stops working, other sessions end', async () => {
      const first = await signIn(s.t.app, 'head2');
      const second = await signIn(s.t.app, 'head2');
      const weak = await s.t.app.inject({ method: 'PUT', url: '/api/session/password', headers: as(first), payload: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(weak.statusCode).toBe(400);
      const wrong = await s.t.app.inject({ method: 'PUT', url: '/api/session/password', headers: as(first), payload: { currentPassword: 'not it', newPassword: 'a much longer password' } });
      expect(wrong.statusCode).toBe(403);
      const ok = await s.t.app.inject({ method: 'PUT', url: '/api/session/password', headers: as(first), payload: { currentPassword: PASSWORD, newPassword: 'a much longer password' } });
      expect(ok.statusCode).toBe(204);
      expect((await s.t.app.inject({ method: 'GET', url: '/api/session', headers: as(first) })).statusCode).toBe(200);
      expect((await s.t.app.inject({ method: 'GET', url: '/api/session', headers: as(second) })).statusCode).toBe(401);
      expect((await s.t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'head2', password: PASSWORD } })).statusCode).toBe(401);
      await signIn(s.t.app, 'head2', 'a much longer password');
    });

    it('rate-limits sign-in attempts', async () => {
      const attempt = () => s.t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.9.8.7', payload: { username: 'editor3', password: 'guess' } });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(((await attempt()).json() as { error: { code: string } }).error.code).toBe('api.rateLimited');
    });

    it('sends security headers, JSON errors for unknown routes, OpenAPI JSON and docs', async () => {
      const health = await s.t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toEqual({ status: 'ok' });
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      expect(health.headers['content-security-policy']).toBeDefined();
      expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
      const missing = await s.t.app.inject({ method: 'GET', url: '/api/nothing' });
      expect(missing.statusCode).toBe(404);
      expect((missing.json() as { error: { code: string } }).error.code).toBe('api.notFound');
      const spec = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
      expect(spec.openapi).toMatch(/^3\./u);
      for (const path of ['/api/health', '/api/session', '/api/forms', '/api/forms/{id}', '/api/forms/{id}/transitions', '/api/forms/{id}/history', '/api/public/forms']) {
        expect(Object.keys(spec.paths)).toContain(path);
      }
      expect((await s.t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
      const bad = await s.t.app.inject({ method: 'POST', url: '/api/session', payload: { username: '' } });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { error: { code: string } }).error.code).toBe('api.badRequest');
    });
  });
}
