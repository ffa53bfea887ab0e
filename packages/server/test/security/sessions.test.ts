/**
 * Sessions, on both databases: sign-in always issues a new session (a cookie planted before sign-in, even a
 * live one of another account, is never promoted); sessions expire at an absolute time (use does not extend
 * them) and an expired one opens nothing; signing out and changing the password end sessions for good;
 * the cookie is HttpOnly, SameSite=Lax, on the whole site, Secure in production.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../../src/services/auth-service.js';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { as, buildForm, buildWorld, PASSWORD, seedForm, signIn } from '../helpers/factories.js';
import { createTestApp, worldSuite } from '../helpers/test-app.js';

const COOKIE = 'jixiao_session';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`sessions on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = worldSuite(dialect);
    let now = Date.parse('2025-06-01T08:00:00Z');
    beforeAll(async () => {
      s.t.ctx.clock = () => new Date(now);
    });

    const whoAmI = async (client: Client) => {
      const res = await s.t.app.inject({ method: 'GET', url: '/api/session', headers: as(client) });
      return res.statusCode === 200 ? (res.json() as { user: { username: string } }).user.username : res.statusCode;
    };
    const signInWith = (cookie: string | undefined, username: string) =>
      s.t.app.inject({ method: 'POST', url: '/api/session', headers: cookie ? { cookie } : {}, payload: { username, password: PASSWORD } });
    const tokenOf = (res: Awaited<ReturnType<typeof signInWith>>) => res.cookies.find((c) => c.name === COOKIE)?.value ?? '';

    it('issues a new, unguessable session at every sign-in and never promotes a planted cookie', async () => {
      const planted = 'attacker-chosen-session-token-aaaaaaaaaaaaaaa';
      const res = await signInWith(`${COOKIE}=${planted}`, 'editor1');
      expect(res.statusCode).toBe(200);
      const token = tokenOf(res);
      expect(token).not.toBe(planted);
      expect(token).toMatch(/^[\w-]{43}$/u); // 32 random bytes
      expect(await sessionOf(s.t.ctx, planted)).toBeNull();
      expect(await whoAmI({ cookie: `${COOKIE}=${planted}`, csrf: '' })).toBe(401);

      // A live session of another account, carried into someone's sign-in, stays that account's and is not reused.
      const victim = await signIn(s.t.app, 'head1');
      const victimToken = victim.cookie.slice(COOKIE.length + 1);
      const again = await signInWith(victim.cookie, 'editor1');
      expect(tokenOf(again)).not.toBe(victimToken);
      expect(await whoAmI(victim)).toBe('head1');
      expect(await whoAmI({ cookie: `${COOKIE}=${tokenOf(again)}`, csrf: '' })).toBe('editor1');

      const tokens = new Set<string>();
      for (let i = 0; i < 5; i++) tokens.add(tokenOf(await signInWith(undefined, 'editor1')));
      expect(tokens.size).toBe(5);
    });

    it('expires at an absolute time: use does not extend a session, and an expired one opens nothing', async () => {
      const start = now;
      const client = await signIn(s.t.app, 'reviewer1');
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'submitted');
      for (let minutes = 10; minutes < 60; minutes += 10) {
        now = start + minutes * 60_000;
        expect(await whoAmI(client), `${minutes} min after sign-in`).toBe('reviewer1');
      }
      now = start + s.t.ctx.sessionTtlMs - 1_000;
      expect(await whoAmI(client)).toBe('reviewer1');
      now = start + s.t.ctx.sessionTtlMs + 1_000;
      expect(await whoAmI(client)).toBe(401);
      const read = await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}`, headers: as(client) });
      expect(read.statusCode).toBe(401);
      const write = await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}/reviews/x`, headers: as(client), payload: { score: 1, comment: '' } });
      expect(write.statusCode).toBe(401);
    });

    it('tells the browser when the session ends (cookie Max-Age = the session’s life)', async () => {
      const res = await signInWith(undefined, 'head2');
      expect(res.cookies.find((c) => c.name === COOKIE)?.maxAge).toBe(s.t.ctx.sessionTtlMs / 1000);
    });

    it('signing out ends the session for good and clears the cookie', async () => {
      const client = await signIn(s.t.app, 'editor3');
      const out = await s.t.app.inject({ method: 'DELETE', url: '/api/session', headers: as(client) });
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === COOKIE);
      expect(cleared?.value).toBe('');
      expect(cleared?.expires?.getTime() ?? 0).toBeLessThanOrEqual(Date.now());
      expect(await whoAmI(client)).toBe(401);
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d3, 'draft');
      const save = await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(client, { 'if-match': '1' }), payload: seedForm() });
      expect(save.statusCode).toBe(401);
      expect((await s.t.app.inject({ method: 'DELETE', url: '/api/session', headers: as(client) })).statusCode).toBe(401);
    });

    it('a password change ends every other session of the account, keeps the caller’s, and leaves other accounts alone', async () => {
      const [first, second, third, otherAccount] = [await signIn(s.t.app, 'head1'), await signIn(s.t.app, 'head1'), await signIn(s.t.app, 'head1'), await signIn(s.t.app, 'editor1')];
      const res = await s.t.app.inject({ method: 'PUT', url: '/api/session/password', headers: as(first), payload: { currentPassword: PASSWORD, newPassword: 'a new long password' } });
      expect(res.statusCode).toBe(204);
      expect([await whoAmI(first), await whoAmI(second), await whoAmI(third), await whoAmI(otherAccount)]).toEqual(['head1', 401, 401, 'editor1']);
      await s.t.app.inject({ method: 'PUT', url: '/api/session/password', headers: as(first), payload: { currentPassword: 'a new long password', newPassword: PASSWORD } });
    });

    it('the cookie is HttpOnly, SameSite=Lax and for the whole site', async () => {
      const res = await signInWith(undefined, 'admin');
      expect(res.cookies.find((c) => c.name === COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(res.headers['set-cookie']).toMatch(/HttpOnly/u);
      expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/u);
    });
  });
}

describe('sessions in production', () => {
  it('the session cookie is Secure even when the request came over plain http (behind a proxy)', async () => {
    const dialect = DIALECTS[0];
    if (!dialect) throw new Error('no dialect');
    const t = await createTestApp(dialect, { production: true });
    try {
      await buildWorld(t.ctx);
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'editor1', password: PASSWORD } });
      expect(res.cookies.find((c) => c.name === COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    } finally {
      await t.close();
    }
  });
});
