/**
 * Factories: a small world (two regions, three departments, one account per role and scope) and forms in
 * any state, made through the same services and repositories the app uses.
 */
import { readFileSync } from 'node:fs';
import type { Actor, FormDocument, FormState, Role } from '@jixiao/core';
import { importFormText } from '@jixiao/io';
import type { ServiceContext } from '@jixiao/server';
import { addUser } from '@jixiao/server';
import type { App } from '@jixiao/server';
import { insertAttachment } from '../../src/db/repositories/files-repository.js';
import { insertDepartment, insertRegion } from '../../src/db/repositories/organisations-repository.js';
import { createFormRow } from '../../src/services/task-service.js';

/** The seed form (demo/panyu-kgxj-2021.txt), imported once. */
export function seedForm(): FormDocument {
  seedCache ??= importFormText(readFileSync(new URL('../../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8')).value;
  if (!seedCache) throw new Error('the seed did not import');
  return structuredClone(seedCache);
}
let seedCache: FormDocument | null = null;

/** Every account's password in tests. */
export const PASSWORD = 'correct horse battery';

/** The world's ids and usernames. */
export interface World {
  regions: { r1: string; r2: string };
  departments: { d1: string; d2: string; d3: string };
  regionOf: Record<string, string>;
  /** Username by account key. */
  users: Record<AccountKey, string>;
}

/** The accounts of the world: role and scope. */
export const ACCOUNTS = {
  admin: { role: 'administrator', region: null, department: null },
  reviewer1: { role: 'reviewer', region: 'r1', department: null },
  reviewer2: { role: 'reviewer', region: 'r2', department: null },
  head1: { role: 'head', region: null, department: 'd1' },
  editor1: { role: 'editor', region: null, department: 'd1' },
  head2: { role: 'head', region: null, department: 'd2' },
  editor3: { role: 'editor', region: null, department: 'd3' },
} as const satisfies Record<string, { role: Role; region: 'r1' | 'r2' | null; department: 'd1' | 'd2' | 'd3' | null }>;

/** An account of the world. */
export type AccountKey = keyof typeof ACCOUNTS;

/** Two regions (r1 with d1 and d2, r2 with d3) and every account. */
export async function buildWorld(ctx: ServiceContext): Promise<World> {
  const regions = { r1: ctx.newId(), r2: ctx.newId() };
  await insertRegion(ctx.db, { id: regions.r1, name: '甲区' });
  await insertRegion(ctx.db, { id: regions.r2, name: '乙区' });
  const departments = { d1: ctx.newId(), d2: ctx.newId(), d3: ctx.newId() };
  const regionOf: Record<string, string> = { [departments.d1]: regions.r1, [departments.d2]: regions.r1, [departments.d3]: regions.r2 };
  await insertDepartment(ctx.db, { id: departments.d1, regionId: regions.r1, name: '甲区科技局', unitCount: 3 });
  await insertDepartment(ctx.db, { id: departments.d2, regionId: regions.r1, name: '甲区教育局', unitCount: 5 });
  await insertDepartment(ctx.db, { id: departments.d3, regionId: regions.r2, name: '乙区民政局', unitCount: 2 });
  const users = {} as Record<AccountKey, string>;
  for (const [key, a] of Object.entries(ACCOUNTS) as [AccountKey, (typeof ACCOUNTS)[AccountKey]][]) {
    await addUser(ctx, 'system', {
      username: key,
      displayName: key,
      password: PASSWORD,
      role: a.role,
      regionId: a.region ? regions[a.region] : null,
      departmentId: a.department ? departments[a.department] : null,
    });
    users[key] = key;
  }
  return { regions, departments, regionOf, users };
}

let spareYear = 3000;

/**
 * A form of a department in a state; its unit name is a marker no refused answer may contain. Without a
 * year, each form gets a row year of its own (a department has one form a year) and keeps the seed's.
 */
export async function buildForm(ctx: ServiceContext, world: World, departmentId: string, state: FormState, year?: number): Promise<{ id: string; marker: string }> {
  const document = seedForm();
  const marker = `机密单位${ctx.newId()}`;
  document.unit.name = marker;
  if (year !== undefined) document.unit.year = year;
  const id = await createFormRow(ctx, ctx.db, 'factory', { departmentId, regionId: world.regionOf[departmentId] ?? '', year: year ?? spareYear++, taskId: null, document, action: 'create', state });
  return { id, marker };
}

/**
 * A text file of evidence on an indicator of a form, stored directly (no session needed, nothing checked:
 * the upload route's checks have tests of their own). Returns its id.
 */
export async function buildAttachment(ctx: ServiceContext, file: { formId: string; indicatorId: string; fileName: string; text: string }): Promise<string> {
  const id = ctx.newId();
  const content = new TextEncoder().encode(file.text);
  await insertAttachment(ctx.db, { id, formId: file.formId, indicatorId: file.indicatorId, fileName: file.fileName, contentType: 'text/plain; charset=utf-8', size: content.byteLength, uploadedBy: 'factory', createdAt: new Date().toISOString(), content });
  return id;
}

/** A signed-in client: the session cookie and the CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
}

/** Signs in through the API. */
export async function signIn(app: App, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jixiao_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `jixiao_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** Headers of a client's request (none for the public). */
export function as(client: Client | null, extra: Record<string, string> = {}): Record<string, string> {
  return client ? { cookie: client.cookie, 'x-csrf-token': client.csrf, ...extra } : extra;
}

/** Someone calling the API in the permission matrices: an account of the world, or the public. */
export type Caller = AccountKey | 'public';

/** Every caller of the matrices, the public last. */
export const CALLERS: readonly Caller[] = [...(Object.keys(ACCOUNTS) as AccountKey[]), 'public'];

/** Signs every account in (the public has no client). */
export async function signInEveryone(app: App): Promise<Map<Caller, Client | null>> {
  const clients = new Map<Caller, Client | null>([['public', null]]);
  for (const key of Object.keys(ACCOUNTS) as AccountKey[]) clients.set(key, await signIn(app, key));
  return clients;
}

/** The actor core's `can()` judges for a caller of the world (null for the public). */
export function actorOfCaller(world: World, caller: Caller): Actor | null {
  if (caller === 'public') return null;
  const a = ACCOUNTS[caller];
  return { userId: caller, role: a.role, regionId: a.region ? world.regions[a.region] : null, departmentId: a.department ? world.departments[a.department] : null };
}
