#!/usr/bin/env node
// A server for bench/server.mjs to load, in its own process (the load generator must not share its event loop):
//   node bench/server-target.mjs app <database-url> [pg-schema]   jixiao on that database, demo data loaded
//   node bench/server-target.mjs bare <json-file>                  a bare Fastify answering the same JSON from memory
// Listens on 127.0.0.1 on a free port and prints one JSON line describing what to load, then serves until killed.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { argon2Hasher, buildApp, loadDemoData, migrateToLatest, openDatabase, randomIds, systemClock } from '@jixiao/server';

const [mode, target, schema] = process.argv.slice(2);
const SAVE_FORMS = 50;

if (mode === 'bare') {
  const { getBody, putBody } = JSON.parse(readFileSync(target, 'utf8'));
  const app = Fastify({ bodyLimit: 25 * 1024 * 1024 });
  app.get('/api/forms/:id', async () => getBody);
  app.put('/api/forms/:id', async () => putBody);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url }));
} else {
  const database = openDatabase(target, schema ? { schema, poolSize: 20 } : { poolSize: 20 });
  await migrateToLatest(database.db, database.dialect, database.schema);
  const ctx = { db: database.db, clock: systemClock, newId: randomIds, passwords: argon2Hasher(), sessionTtlMs: 3_600_000 };
  await loadDemoData(ctx, readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8'), false);
  const app = await buildApp({ ctx, production: false, trustProxy: false, loginRateLimit: 1000 });
  const call = async (client, method, url, payload, headers = {}) => {
    const res = await app.inject({ method, url, payload, headers: client ? { cookie: client.cookie, 'x-csrf-token': client.csrf, ...headers } : headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const signIn = async (username, password) => {
    const res = await call(null, 'POST', '/api/session', { username, password });
    return { cookie: `jixiao_session=${res.cookies.find((c) => c.name === 'jixiao_session').value}`, csrf: res.json().csrfToken };
  };
  const reviewer = await signIn('reviewer', 'jixiao-demo-reviewer');
  const editor = await signIn('editor', 'jixiao-demo-editor');
  const { user } = (await call(editor, 'GET', '/api/session')).json();
  const { regionId } = (await call(reviewer, 'GET', '/api/session')).json().user;
  const forms = (await call(editor, 'GET', '/api/forms?year=2021')).json().forms;
  const seedId = forms[0].id;
  const seed = JSON.parse((await call(editor, 'GET', `/api/forms/${seedId}`)).body);
  const template = (await call(reviewer, 'GET', '/api/templates')).json().templates[0];
  // One draft per connection, so concurrent saves measure saving, not conflicts.
  const saveForms = [];
  for (let i = 0; i < SAVE_FORMS; i++) {
    const year = 2100 + i;
    await call(reviewer, 'POST', '/api/templates', { regionId, year, indicators: template.indicators });
    const issued = (await call(reviewer, 'POST', '/api/tasks', { regionId, year, deadline: `${year}-03-31`, departmentIds: [user.departmentId] })).json();
    const formId = issued.created[0].formId;
    await call(editor, 'PUT', `/api/forms/${formId}`, { ...seed.document, unit: { ...seed.document.unit, year } }, { 'if-match': '1' });
    saveForms.push({ id: formId, version: 2, document: { ...seed.document, unit: { ...seed.document.unit, year } } });
  }
  const putBody = (await call(editor, 'GET', `/api/forms/${saveForms[0].id}`)).body;
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url, cookie: editor.cookie, csrf: editor.csrf, getId: seedId, getBody: seed, putBody: JSON.parse(putBody), saveForms }));
}
