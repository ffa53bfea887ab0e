/**
 * Hostile strings in every parameter of every route the app registers, on both databases: quotes, SQL
 * fragments, LIKE wildcards, backslashes, paths, astral and invisible unicode, NUL and very long strings,
 * put one at a time into each path parameter, each query parameter, each string of the body (a body that
 * otherwise gets through validation, from the route's OpenAPI schema) and each uploaded file's name, as an
 * editor of one department and as the administrator. Never a 500; never a byte of another scope's forms
 * to the editor; afterwards every table is there, the other departments' forms are unchanged, no audit
 * entry has changed, and what was stored reads back exactly as sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDocument } from '@jixiao/core';
import { leavesOf } from '@jixiao/core';
import { DIALECTS } from '../helpers/dialects.js';
import type { Client } from '../helpers/factories.js';
import { as, buildForm, seedForm, signIn } from '../helpers/factories.js';
import { multipartFile } from '../helpers/multipart.js';
import { snapshot, tableNames } from './database-snapshot.js';
import type { RegisteredRoute } from './route-matrix.js';
import type { JsonSchema } from './route-samples.js';
import { concreteUrl, paramNames, sampleValue, stringPaths, withStringAt } from './route-samples.js';
import { sampleSuite } from './sample-suite.js';

/** The hostile strings; the last is replaced by a shorter one in URLs (a URL is not a body). */
export const HOSTILE: readonly string[] = [
  "'",
  "'; DROP TABLE forms; --",
  '" OR "1"="1',
  "' OR '1'='1' --",
  '%',
  '_',
  '%_%\\',
  "\\'; select pg_sleep(5); --",
  '../../../etc/passwd',
  '𠮷😀\u202e\u200b\ufeff中文',
  'nul\u0000byte',
  'x'.repeat(100_001),
];

/** Bodies by route where a generated sample would not reach the interesting code. */
const BODIES: Readonly<Record<string, () => unknown>> = {
  'PUT /api/forms/:id': () => {
    const doc: FormDocument = seedForm();
    return { unit: doc.unit, narratives: doc.narratives, indicators: doc.indicators.slice(0, 1), rest: doc };
  },
};

/** The strings of the form document the hostile strings go into (a few of its hundreds). */
function formWithHostile(text: string, index: number): FormDocument {
  const doc = seedForm();
  const leaf = leavesOf(doc)[0]?.leaf;
  if (!leaf) throw new Error('the seed has no leaf indicator');
  const spots: (() => void)[] = [
    () => (doc.unit.name = text),
    () => (doc.narratives.goals = text),
    () => (leaf.name = text),
    () => (leaf.target = text),
    () => (leaf.actual = text),
    () => (leaf.basis = text),
    () => (leaf.remark = text),
  ];
  spots[index % spots.length]?.();
  return doc;
}

interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip !== null)(`hostile strings on ${dialect.name}${dialect.skip ? ` — ${dialect.skip}` : ''}`, () => {
    const s = sampleSuite(dialect);
    let routes: RegisteredRoute[] = [];
    let spec: { paths: Record<string, Record<string, Operation>> };
    let foreign: { id: string; marker: string }[] = [];
    beforeAll(async () => {
      const { t, world } = s;
      routes = s.routes.filter((r) => r.method !== 'HEAD');
      foreign = [await buildForm(t.ctx, world, world.departments.d2, 'draft'), await buildForm(t.ctx, world, world.departments.d3, 'submitted')];
      spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as typeof spec;
    });

    const versionOf = async (id: string) => String((await s.t.ctx.db.selectFrom('forms').select('version').where('id', '=', id).executeTakeFirst())?.version ?? 1);

    /** Sends every hostile request of one route as one caller; returns how many were sent. */
    async function attack(route: RegisteredRoute, client: Client, checkScope: boolean, failures: string[]): Promise<number> {
      const key = `${route.method} ${route.url}`;
      const operation = spec.paths[route.url.replace(/:([A-Za-z]\w*)/gu, '{$1}')]?.[route.method.toLowerCase()] ?? {};
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
      const sampleQuery = (override?: { name: string; value: string }) =>
        query.map((p) => `${p.name}=${encodeURIComponent(override?.name === p.name ? override.value : String(sampleValue(p.schema, s.ids, p.name)))}`).join('&');
      const baseline = BODIES[key]?.() ?? (jsonSchema ? sampleValue(jsonSchema, s.ids) : undefined);
      const bodyPaths = key === 'PUT /api/forms/:id' ? [] : stringPaths(baseline).slice(0, 10);
      const multipart = route.method !== 'GET' && route.method !== 'DELETE' && !jsonSchema;
      let sent = 0;
      const send = async (what: string, url: string, payload?: unknown, file?: { name: string }) => {
        const headers: Record<string, string> = { 'if-match': await versionOf(s.ids.formId) };
        const upload = file ? multipartFile(file.name, JSON.stringify(seedForm()), 'application/json') : null;
        const res = await s.t.app.inject({
          method: route.method as 'GET',
          url,
          headers: as(client, { ...headers, ...(upload?.headers ?? {}) }),
          ...(upload ? { payload: upload.payload } : payload !== undefined ? { payload: payload as object } : {}),
        });
        sent++;
        const where = `${key} ${what} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (res.statusCode >= 500) failures.push(where);
        if (checkScope && foreign.some((f) => res.body.includes(f.marker))) failures.push(`another scope's form in: ${where}`);
      };
      for (const [index, text] of HOSTILE.entries()) {
        const short = text.length > 10_000 ? text.slice(0, 5_000) : text;
        const q = sampleQuery();
        for (const name of paramNames(route.url)) await send(`param ${name}=${JSON.stringify(short.slice(0, 40))}`, `${concreteUrl(route.url, s.ids, { name, value: short })}${q ? `?${q}` : ''}`, baseline);
        for (const p of query) await send(`query ${p.name}`, `${concreteUrl(route.url, s.ids)}?${sampleQuery({ name: p.name, value: short })}`, baseline);
        const url = `${concreteUrl(route.url, s.ids)}${q ? `?${q}` : ''}`;
        if (key === 'PUT /api/forms/:id') await send(`document string #${index}`, url, formWithHostile(text, index));
        for (const path of bodyPaths) await send(`body ${path.join('.')}=${JSON.stringify(short.slice(0, 40))}`, url, withStringAt(baseline, path, text));
        if (multipart) await send(`file name ${JSON.stringify(short.slice(0, 40))}`, url, undefined, { name: `${short.replace(/["\r\n]/gu, '_')}.json` });
      }
      return sent;
    }

    it('never answers 500, never shows another scope’s form, and leaves the tables and the audit log intact', async () => {
      const tablesBefore = await tableNames(s.t.ctx.db, dialect.name);
      const before = await snapshot(s.t.ctx.db, dialect.name);
      const foreignBefore = await s.t.ctx.db.selectFrom('forms').selectAll().where('id', 'in', foreign.map((f) => f.id)).orderBy('id').execute();
      let sent = 0;
      const failures: string[] = [];
      for (const [username, checkScope] of [['editor1', true], ['admin', false]] as const) {
        const client = await signIn(s.t.app, username);
        for (const route of routes) {
          if (`${route.method} ${route.url}` === 'DELETE /api/session') continue; // would sign the attacker out
          sent += await attack(route, client, checkScope, failures);
        }
      }
      expect(failures.join('\n'), 'hostile requests that failed').toBe('');
      expect(sent).toBeGreaterThan(500);
      console.log(`hostile strings on ${dialect.name}: ${sent} requests over ${routes.length} routes, none answered 5xx`);
      expect(await tableNames(s.t.ctx.db, dialect.name)).toEqual(tablesBefore);
      expect(await s.t.ctx.db.selectFrom('forms').selectAll().where('id', 'in', foreign.map((f) => f.id)).orderBy('id').execute()).toEqual(foreignBefore);
      const after = await snapshot(s.t.ctx.db, dialect.name);
      for (const row of before['audit_log'] ?? []) expect(after['audit_log'], 'an audit entry from before').toContain(row);
      for (const table of ['regions', 'departments', 'users']) for (const row of before[table] ?? []) expect(after[table], `${table} row from before`).toContain(row);
    }, 300_000);

    it('refuses JSON nested fifty thousand levels deep on every route that takes a body, saying so, never a 500', async () => {
      const admin = await signIn(s.t.app, 'admin');
      const deep = [`{"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`];
      let checked = 0;
      for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
        for (const payload of deep) {
          const res = await s.t.app.inject({ method: route.method as 'POST', url: concreteUrl(route.url, s.ids), headers: as(admin, { 'content-type': 'application/json', 'if-match': '1', 'accept-language': 'en' }), payload });
          expect(res.statusCode, `${route.method} ${route.url} → ${res.body.slice(0, 120)}`).toBe(400);
          if (route.url !== '/api/session') expect(res.body, `${route.method} ${route.url}`).toMatch(/nested more than 64 levels deep/u);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('refuses bodies that try to pollute prototypes (__proto__, constructor.prototype)', async () => {
      const admin = await signIn(s.t.app, 'admin');
      for (const payload of ['{"name":"污染一","__proto__":{"role":"administrator"}}', '{"name":"污染二","constructor":{"prototype":{"role":"administrator"}}}']) {
        const res = await s.t.app.inject({ method: 'POST', url: '/api/regions', headers: as(admin, { 'content-type': 'application/json' }), payload });
        expect(res.statusCode, payload).toBe(400);
      }
      expect(await s.t.ctx.db.selectFrom('regions').select('name').where('name', 'like', '污染%').execute()).toEqual([]);
      expect(({} as Record<string, unknown>)['role']).toBeUndefined();
    });

    it('stores hostile text exactly as sent and reads it back the same', async () => {
      const admin = await signIn(s.t.app, 'admin');
      for (const [i, text] of HOSTILE.slice(0, -2).entries()) {
        const name = `${text} ${i}`;
        const made = await s.t.app.inject({ method: 'POST', url: '/api/regions', headers: as(admin), payload: { name } });
        expect(made.statusCode, made.body).toBe(201);
        const listed = (await s.t.app.inject({ method: 'GET', url: '/api/regions', headers: as(admin) })).json() as { regions: { name: string }[] };
        expect(listed.regions.map((r) => r.name)).toContain(name);
      }
      const editor = await signIn(s.t.app, 'editor1');
      const { id } = await buildForm(s.t.ctx, s.world, s.world.departments.d1, 'draft');
      const doc = seedForm();
      doc.narratives.goals = HOSTILE.slice(0, -2).join('|');
      const saved = await s.t.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers: as(editor, { 'if-match': '1' }), payload: doc });
      expect(saved.statusCode, saved.body).toBe(200);
      const read = (await s.t.app.inject({ method: 'GET', url: `/api/forms/${id}`, headers: as(editor) })).json() as { document: FormDocument };
      expect(read.document.narratives.goals).toBe(doc.narratives.goals);
    });
  });
}
