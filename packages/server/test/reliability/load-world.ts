/**
 * The demo district grown for the load, in the running server's database: more drafts to save (more
 * departments, and a 2023 task for every one), and the users who sign in during the load — many accounts
 * of each writing role (the per-account sign-in throttle counts attempts in flight, so a crowd signs in as
 * a crowd of people, not as one account), with the production password hashing.
 */
import type { Role } from '@jixiao/core';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { insertDepartment } from '../../src/db/repositories/organisations-repository.js';
import { insertTemplate } from '../../src/db/repositories/templates-repository.js';
import { serviceContext } from '../../src/server.js';
import { addUser } from '../../src/services/auth-service.js';
import { issueTask } from '../../src/services/task-service.js';

/** A load account: name, password, role. */
export interface LoadAccount {
  username: string;
  password: string;
  role: Role;
}

/**
 * `extraDepartments` more departments, a 2023 task (a draft) for every department, then `perRole`
 * administrators, heads and editors (the heads and editors spread over the departments, one of each per
 * department in turn).
 */
export async function growForLoad(url: string, extraDepartments: number, perRole: number): Promise<LoadAccount[]> {
  const database = openDatabase(url, { poolSize: 2 });
  try {
    const reviewer = await database.db.selectFrom('users').select(['id', 'region_id']).where('username', '=', 'reviewer').executeTakeFirstOrThrow();
    const ctx = serviceContext(database, loadConfig({}, { databaseUrl: url }));
    const template = await database.db.selectFrom('templates').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow();
    await insertTemplate(database.db, { id: ctx.newId(), regionId: template.region_id, year: 2023, version: 1, documentJson: template.document, createdAt: template.created_at, createdBy: template.created_by });
    const regionId = reviewer.region_id ?? '';
    for (let i = 1; i <= extraDepartments; i++) await insertDepartment(database.db, { id: ctx.newId(), regionId, name: `广州市番禺区负载测试第${i}局`, unitCount: 1 });
    const departments = await database.db.selectFrom('departments').select('id').execute();
    await issueTask(ctx, { userId: reviewer.id, role: 'reviewer', regionId, departmentId: null }, { regionId, year: 2023, deadline: '2024-03-31', departmentIds: departments.map((d) => d.id) });
    const accounts: LoadAccount[] = [];
    for (const role of ['administrator', 'head', 'editor'] as const) {
      for (let i = 1; i <= perRole; i++) {
        const account = { username: `load-${role}-${i}`, password: `load-password-${role}-${i}`, role };
        const department = departments[(i - 1) % departments.length]?.id ?? null;
        await addUser(ctx, 'system', { ...account, displayName: account.username, regionId: null, departmentId: role === 'administrator' ? null : department });
        accounts.push(account);
      }
    }
    return accounts;
  } finally {
    await database.close();
  }
}
