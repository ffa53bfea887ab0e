/**
 * Security headers, on both databases: every GET route of the app (pages, API answers, errors, downloads)
 * carries a Content-Security-Policy that forbids framing by other sites and inline scripts, nosniff, and
 * X-Frame-Options; every download (exports in each format, the public's, evidence) is an attachment under
 * a safe name, whatever the department is called, so that no file is ever shown as a page of the site.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { as, buildForm, signIn } from '../helpers/factories.js';
import { insertDepartment } from '../../src/db/repositories/organisations-repository.js';
import { EXPORT_FORMATS } from '../../src/http/routes/file-routes.js';
import { concreteUrl } from './route-samples.js';
import { SAMPLE_ATTACHMENT, sampleSuite } from './sample-suite.js';

/** The headers every answer of the app carries. */
function expectGuarded(headers: Record<string, unknown>, where: string): void {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp, `${where}: CSP`).toMatch(/frame-ancestors 'self'/u);
  expect(csp, `${where}: CSP`).toMatch(/object-src 'none'/u);
  expect(csp, `${where}: CSP`).toMatch(/script-src 'self'/u);
  expect(csp, `${where}: CSP`).not.toMatch(/script-src[^;]*'unsafe-inline'/u);
  expect(headers['x-content-type-options'], `${where}: nosniff`).toBe('nosniff');
  expect(headers['x-frame-options'], `${where}: X-Frame-Options`).toBe('SAMEORIGIN');
}

/** A download: an attachment under a name without quotes, line breaks or folders. */
function expectDownload(headers: Record<string, unknown>, where: string): string {
  const disposition = String(headers['content-disposition'] ?? '');
  expect(disposition, `${where}: Content-Disposition`).toMatch(/^attachment; filename\*=UTF-8''[^"\s;\\/]+$/u);
  const name = decodeURIComponent(disposition.slice(disposition.indexOf("''") + 2));
  expect(name, where).not.toMatch(/[/\\"\r\n]/u);
  expect(name.includes(String.fromCharCode(0)), where).toBe(false);
  return name;
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`security headers on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = sampleSuite(dialect);
    let admin: Client;
    let hostileForm: string;
    beforeAll(async () => {
      const { t, world } = s;
      const hostileDepartment = t.ctx.newId();
      world.regionOf[hostileDepartment] = world.regions.r2;
      await insertDepartment(t.ctx.db, { id: hostileDepartment, regionId: world.regions.r2, name: '../"局"\r\n<script>;名.html', unitCount: 1 });
      hostileForm = (await buildForm(t.ctx, world, hostileDepartment, 'published')).id;
      admin = await signIn(t.app, 'admin');
    });

    it('every GET route, signed in or not, found or not, carries the headers', async () => {
      let checked = 0;
      for (const route of s.routes.filter((r) => r.method === 'GET')) {
        for (const client of [admin, null]) {
          const res = await s.t.app.inject({ method: 'GET', url: concreteUrl(route.url, s.ids), headers: as(client) });
          expectGuarded(res.headers, `GET ${route.url} ${client ? 'signed in' : 'public'} → ${res.statusCode}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(30);
      for (const url of ['/api/nothing', '/api/forms/nothing', '/api/docs']) expectGuarded((await s.t.app.inject({ method: 'GET', url, headers: as(admin) })).headers, url);
    });

    it('every export format is an attachment under a safe name, whatever the department is called', async () => {
      expect(EXPORT_FORMATS).toEqual(expect.arrayContaining(['json', 'xlsx', 'pdf', 'html', 'csv']));
      for (const format of EXPORT_FORMATS) {
        for (const url of [`/api/forms/${hostileForm}/export/${format}`, `/api/public/forms/${hostileForm}/export/${format}`]) {
          const res = await s.t.app.inject({ method: 'GET', url, headers: as(admin) });
          expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBe(200);
          expectGuarded(res.headers, url);
          const name = expectDownload(res.headers, url);
          expect(name.endsWith(`.${format}`), `${url}: ${name}`).toBe(true);
          expect(name).toContain('局');
        }
      }
    }, 60_000);

    it('evidence downloads are attachments with the checked type, even when they hold markup', async () => {
      const res = await s.t.app.inject({ method: 'GET', url: `/api/forms/${s.ids.formId}/attachments/${s.ids.attachmentId}`, headers: as(admin) });
      expect(res.statusCode).toBe(200);
      expectGuarded(res.headers, 'attachment');
      expect(expectDownload(res.headers, 'attachment')).toBe(SAMPLE_ATTACHMENT.fileName);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('the web app’s pages are never framed by another site and load scripts only from the site', async () => {
      const res = await s.t.app.inject({ method: 'GET', url: '/forms/some-form' });
      expectGuarded(res.headers, 'a page of the web app');
      expect(String(res.headers['content-security-policy'])).toMatch(/default-src 'self'/u);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });
  });
}
