/**
 * CSRF, on both databases: every state-changing route the app registers (whoever added it) refuses a
 * request that carries a session cookie but not that session's X-CSRF-Token (none, a forged one, another
 * user's, the same user's other session's) with 403 api.csrf, and the database is unchanged; with the right
 * token the same request gets past the check. Sign-in is the one route without a token, and every GET
 * route, called with a session, changes nothing (SameSite=Lax lets cross-site GETs carry the cookie).
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { as, signIn } from '../helpers/factories.js';
import { snapshot } from './database-snapshot.js';
import type { RegisteredRoute } from './route-matrix.js';
import { concreteUrl } from './route-samples.js';
import { sampleSuite } from './sample-suite.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`CSRF on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = sampleSuite(dialect);

    const send = (route: RegisteredRoute, headers: Record<string, string>) =>
      s.t.app.inject({ method: route.method as 'POST', url: concreteUrl(route.url, s.ids), headers: { 'content-type': 'application/json', ...headers }, payload: '{}' });

    it('every state-changing route refuses a session without its own CSRF token, and changes nothing', async () => {
      const unsafe = s.routes.filter((r) => UNSAFE.has(r.method));
      expect(unsafe.length).toBeGreaterThan(15);
      const other: Client = await signIn(s.t.app, 'reviewer1');
      const checked: string[] = [];
      for (const route of unsafe) {
        const name = `${route.method} ${route.url}`;
        const admin = await signIn(s.t.app, 'admin');
        const sameUserOtherSession = await signIn(s.t.app, 'admin');
        const before = await snapshot(s.t.ctx.db, dialect.name);
        const refused = await send(route, { cookie: admin.cookie });
        if (name === 'POST /api/session') {
          // Signing in cannot carry a token yet; it gets past the check (and fails on the empty body).
          expect(refused.statusCode, name).toBe(400);
          continue;
        }
        for (const [what, headers] of [
          ['no token', { cookie: admin.cookie }],
          ['a forged token', { cookie: admin.cookie, 'x-csrf-token': 'forged-token-of-the-right-length-xxxxxxx' }],
          ['an empty token', { cookie: admin.cookie, 'x-csrf-token': '' }],
          ['another user’s token', { cookie: admin.cookie, 'x-csrf-token': other.csrf }],
          ['the token of another session of the same user', { cookie: admin.cookie, 'x-csrf-token': sameUserOtherSession.csrf }],
        ] as const) {
          const res = what === 'no token' ? refused : await send(route, headers);
          expect(res.statusCode, `${name} with ${what}`).toBe(403);
          expect((res.json() as { error: { code: string } }).error.code, `${name} with ${what}`).toBe('api.csrf');
        }
        expect(await snapshot(s.t.ctx.db, dialect.name), `${name}: the database after the refusals`).toEqual(before);
        const allowed = await send(route, as(admin));
        expect(allowed.statusCode === 403 && allowed.body.includes('api.csrf'), `${name} with the right token → ${allowed.statusCode} ${allowed.body.slice(0, 120)}`).toBe(false);
        checked.push(name);
      }
      expect(checked).toContain('PUT /api/forms/:id');
      expect(checked).toContain('DELETE /api/session');
    });

    it('sign-in cannot be forged by another site: a form post (text/plain, url-encoded) is refused and sets no cookie', async () => {
      for (const [type, body] of [
        ['text/plain', '{"username":"admin","password":"correct horse battery"}'],
        ['application/x-www-form-urlencoded', 'username=admin&password=correct+horse+battery'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--x--\r\n'],
      ] as const) {
        const res = await s.t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': type, origin: 'https://evil.example' }, payload: body });
        expect([400, 415], `${type} → ${res.statusCode}`).toContain(res.statusCode);
        expect(res.cookies.find((c) => c.name === 'jixiao_session'), type).toBeUndefined();
      }
    });

    it('every GET route, called with a session, changes nothing', async () => {
      const admin = await signIn(s.t.app, 'admin');
      const before = await snapshot(s.t.ctx.db, dialect.name);
      let called = 0;
      for (const route of s.routes.filter((r) => r.method === 'GET')) {
        const res = await s.t.app.inject({ method: 'GET', url: concreteUrl(route.url, s.ids), headers: as(admin) });
        expect(res.statusCode, `GET ${route.url}`).toBeLessThan(500);
        called++;
      }
      expect(called).toBeGreaterThan(15);
      expect(await snapshot(s.t.ctx.db, dialect.name)).toEqual(before);
    });
  });
}
