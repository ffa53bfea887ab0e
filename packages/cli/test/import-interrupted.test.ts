/**
 * `jixiao import` killed half-way: the built command (a real process) imports the 50-form folder and is
 * sent SIGKILL once its report shows some files done. What it committed is whole (each form with its one
 * version and its history entry, nothing else), and running the import again gives exactly the fifty forms,
 * no duplicates, every one at version 1. On a SQLite file, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@jixiao/server';
import type { Folder } from '../../../test-support/bulk-import-folder.js';
import { bulkImportFolder, FOLDER_DEPARTMENTS } from '../../../test-support/bulk-import-folder.js';
import { runCli, SEED } from './run-cli.js';

const BIN = new URL('../bin/jixiao.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-killed-'));
const forms = join(dir, 'forms');
const pgUrl = process.env['TEST_DATABASE_URL'] ?? '';
const pgDatabase = `jixiao_killed_${process.pid}`;

let folder: Folder;
beforeAll(async () => {
  folder = await bulkImportFolder(readFileSync(SEED, 'utf8'));
  mkdirSync(forms);
  for (const f of folder.files) writeFileSync(join(forms, f.name), f.bytes);
}, 90_000);

/** Runs the built command until its report shows `after` files done, then kills it; resolves with what it printed. */
function importUntilKilled(databaseUrl: string, after: number): Promise<{ done: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', forms, '--region', '番禺区', '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    const doneLines = (): number => out.split('\n').filter((l) => l.startsWith('✓ ')).length;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!killed && doneLines() >= after) killed = child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ done: doneLines(), killed: signal === 'SIGKILL' }));
  });
}

const databases = [
  { name: 'sqlite', url: join(dir, 'jixiao.sqlite'), skip: false },
  { name: 'postgres', url: pgUrl === '' ? '' : `${pgUrl.replace(/\/[^/]*$/u, '')}/${pgDatabase}`, skip: pgUrl === '' },
];

afterAll(async () => {
  if (pgUrl === '') return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pgDatabase}`);
  await admin.end();
});

for (const database of databases) {
  describe.skipIf(database.skip)(`jixiao import killed half-way, on ${database.name}`, () => {
    it('leaves whole files behind, and the re-run gives the same fifty forms without duplicates', async () => {
      if (database.name === 'postgres') {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${pgDatabase}`);
        await admin.end();
      }
      const url = database.url;
      expect((await runCli('db', 'migrate', '--database-url', url)).code).toBe(0);
      expect((await runCli('org', 'add-region', '番禺区', '--database-url', url)).code).toBe(0);
      for (const d of FOLDER_DEPARTMENTS) expect((await runCli('org', 'add-department', d, '--region', '番禺区', '--database-url', url)).code).toBe(0);

      const killed = await importUntilKilled(url, 8);
      expect(killed.killed).toBe(true);
      expect(killed.done).toBeGreaterThanOrEqual(8);

      const db = openDatabase(url);
      try {
        const state = async () => ({
          forms: await db.db.selectFrom('forms').innerJoin('departments', 'departments.id', 'forms.department_id').select(['forms.id', 'departments.name', 'forms.year', 'forms.version']).execute(),
          versions: await db.db.selectFrom('form_versions').select(['form_id', 'version']).execute(),
          audit: await db.db.selectFrom('audit_log').select(['form_id']).execute(),
          departments: (await db.db.selectFrom('departments').select('id').execute()).length,
        });
        // What the killed run committed is whole: each form with its one version and its history entry.
        const interrupted = await state();
        expect(interrupted.forms.length).toBeGreaterThanOrEqual(killed.done);
        expect(interrupted.forms.length).toBeLessThan(50);
        expect(interrupted.versions.map((v) => v.form_id).sort()).toEqual(interrupted.forms.map((f) => f.id).sort());
        expect(interrupted.audit.map((a) => a.form_id).sort()).toEqual(interrupted.forms.map((f) => f.id).sort());

        const rerun = await runCli('import', forms, '--region', '番禺区', '--database-url', url, '--format', 'json');
        const report = JSON.parse(rerun.out) as { counts: Record<string, number> };
        expect(report.counts).toMatchObject({ importedWithFindings: 50 - interrupted.forms.length, unchanged: interrupted.forms.length, updated: 0, needsConfirmation: 0, refused: 4 });

        const after = await state();
        expect(after.forms.map((f) => `${f.name} ${f.year}`).sort()).toEqual(folder.forms.map((f) => `${f.department} ${f.year}`).sort());
        expect(after.forms.every((f) => f.version === 1)).toBe(true);
        expect(after.versions).toHaveLength(50);
        expect(after.audit).toHaveLength(50);
        expect(after.departments).toBe(FOLDER_DEPARTMENTS.length);
      } finally {
        await db.close();
      }
    }, 120_000);
  });
}
