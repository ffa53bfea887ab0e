/**
 * The per-account login throttle, on both databases: five wrong passwords in a row pause signing in to
 * that account for fifteen minutes from any address (even with the right password), with a clear message
 * in Chinese and English; a success forgets the failures; names that belong to nobody get exactly the same
 * answers; two app servers on one database share the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@jixiao/server';
import { MAX_FAILURES, PAUSE_MS } from '../../src/services/login-throttle.js';
import { DIALECTS } from '../helpers/dialects.js';
import { buildWorld, PASSWORD } from '../helpers/factories.js';
import type { TestApp } from '../helpers/test-app.js';
import { createTestApp } from '../helpers/test-app.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`login throttle on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    let t: TestApp;
    let now = Date.parse('2025-03-01T09:00:00Z');
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await buildWorld(t.ctx);
      // A clock the tests move by hand (the throttle's pause is measured in minutes).
      t.ctx.clock = () => new Date(now);
    });
    afterAll(async () => t?.close());

    let address = 0;
    /** Each attempt from a new address: the per-address rate limit never comes into it. */
    const attempt = (username: string, password: string, lang = 'zh') =>
      t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: `10.1.${Math.floor(++address / 250)}.${address % 250}`, headers: { 'accept-language': lang }, payload: { username, password } });

    it('pauses an account after five failures in a row, even for the right password, then lets it in after fifteen minutes', async () => {
      for (let i = 0; i < MAX_FAILURES; i++) {
        const res = await attempt('editor1', `guess ${i}`);
        expect(res.statusCode, `failure ${i + 1}`).toBe(401);
        now += 1_000;
      }
      const refused = await attempt('editor1', PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ error: { code: 'api.signInPaused', message: '该账户连续登录失败次数过多，已暂停登录：请 15 分钟后再试。' } });
      expect(refused.cookies.find((c) => c.name === 'jixiao_session')).toBeUndefined();
      now += 10 * 60_000;
      const later = await attempt('EDITOR1 ', PASSWORD, 'en'); // another spelling of the name is the same account
      expect(later.json()).toEqual({ error: { code: 'api.signInPaused', message: 'Too many failed sign-ins for this account: signing in is paused; try again in 5 minutes.' } });
      now += 5 * 60_000;
      expect((await attempt('editor1', PASSWORD)).statusCode).toBe(200);
    });

    it('a success forgets the failures: the count is of failures in a row', async () => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await attempt('head1', 'wrong')).statusCode).toBe(401);
        expect((await attempt('head1', PASSWORD)).statusCode, `round ${round}`).toBe(200);
      }
      const rows = await t.ctx.db.selectFrom('login_failures').selectAll().where('account', '=', 'head1').execute();
      expect(rows).toEqual([]);
    });

    it('failures older than the pause are forgotten', async () => {
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await attempt('reviewer1', 'wrong')).statusCode).toBe(401);
      now += PAUSE_MS + 1_000;
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await attempt('reviewer1', 'wrong')).statusCode).toBe(401);
      expect((await attempt('reviewer1', PASSWORD)).statusCode).toBe(200);
    });

    it('answers a name that belongs to nobody exactly as it answers an account', async () => {
      const answers = async (username: string) => {
        const bodies: string[] = [];
        for (let i = 0; i < MAX_FAILURES + 2; i++) {
          const res = await attempt(username, 'wrong');
          bodies.push(`${res.statusCode} ${res.body}`);
        }
        return bodies;
      };
      const known = await answers('editor3');
      const unknown = await answers('no-such-user');
      expect(unknown).toEqual(known);
      expect(known.filter((b) => b.startsWith('429')).length).toBe(2);
    });

    it('is shared by every app server on the database: failures on one pause the account on another', async () => {
      const second = await buildApp({ ctx: t.ctx, production: false, trustProxy: false, loginRateLimit: 10_000 });
      try {
        for (let i = 0; i < MAX_FAILURES; i++) {
          const app = i % 2 === 0 ? t.app : second;
          expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'head2', password: 'wrong' } })).statusCode).toBe(401);
        }
        const res = await second.inject({ method: 'POST', url: '/api/session', payload: { username: 'head2', password: PASSWORD } });
        expect(res.statusCode).toBe(429);
        expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'head2', password: PASSWORD } })).statusCode).toBe(429);
      } finally {
        await second.close();
      }
    });

    it('the per-address limit cannot be dodged with a forged X-Forwarded-For (the proxy is not trusted unless configured)', async () => {
      const limited = await createTestApp(dialect, { loginRateLimit: 3 });
      try {
        // The same name from the same address is limited, whatever the header claims the address is.
        const same: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await limited.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.7.7.8', headers: { 'x-forwarded-for': `198.51.100.${i}` }, payload: { username: 'somebody', password: 'x' } });
          same.push(res.statusCode);
        }
        expect(same).toEqual([401, 401, 401, 429, 429]);
      } finally {
        await limited.close();
      }
    });

    it('parallel guesses cannot get past the limit: at most five are checked', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('admin', `parallel ${i}`)));
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - MAX_FAILURES);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    });
  });
}
