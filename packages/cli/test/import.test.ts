/**
 * `jixiao import`: a folder and a .zip of forms made from the seed go into a SQLite file; the report names
 * every file; re-running duplicates nothing; an archive entry that climbs out of it is refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFormText, writeForm } from '@jixiao/io';
import { openDatabase, readZip } from '@jixiao/server';
import { zipArchive as zip } from '../../../test-support/zip-archive.js';
import { runCli, SEED } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
const database = join(dir, 'jixiao.sqlite');
const seedText = readFileSync(SEED, 'utf8');
const SEED_NAME = '广州市番禺区科技工业商务和信息化局';
const DEPARTMENTS = ['教育局', '民政局', '司法局', '财政局', '商务局'].map((n) => `广州市番禺区${n}`);

async function written(unitName: string, extension: '.json' | '.xlsx'): Promise<Uint8Array> {
  const form = importFormText(seedText).value;
  if (!form) throw new Error('the seed did not import');
  form.unit.name = unitName;
  const out = await writeForm(form, extension, { lang: 'zh' });
  if (!out.ok) throw new Error(out.problem.code);
  return out.bytes;
}

interface Report {
  counts: Record<string, number>;
  entries: { file: string; outcome: string; message: string }[];
}

describe('jixiao import', () => {
  it('imports a folder and a .zip, reports every file, and a second run duplicates nothing', async () => {
    const forms = join(dir, 'forms');
    mkdirSync(forms);
    writeFileSync(join(forms, 'a.txt'), seedText.replace(SEED_NAME, DEPARTMENTS[0] ?? ''));
    writeFileSync(join(forms, 'b.json'), await written(DEPARTMENTS[1] ?? '', '.json'));
    writeFileSync(join(forms, 'c.xlsx'), await written(DEPARTMENTS[2] ?? '', '.xlsx'));
    writeFileSync(join(forms, 'unknown.json'), await written('广州市番禺区新成立局', '.json'));
    writeFileSync(join(forms, 'broken.txt'), '不是自评表\n');
    const archive = join(dir, 'more.zip');
    writeFileSync(
      archive,
      zip([
        { name: 'zip/d.json', bytes: await written(DEPARTMENTS[3] ?? '', '.json') },
        { name: 'zip/e.txt', bytes: new TextEncoder().encode(seedText.replace(SEED_NAME, DEPARTMENTS[4] ?? '')) },
        { name: '../escape.txt', bytes: new TextEncoder().encode(seedText) },
      ]),
    );

    expect((await runCli('org', 'add-region', '番禺区', '--database-url', database)).code).toBe(0);
    for (const d of DEPARTMENTS) expect((await runCli('org', 'add-department', d, '--region', '番禺区', '--database-url', database)).code).toBe(0);

    const args = ['import', forms, archive, '--year', '2021', '--region', '番禺区', '--database-url', database];
    const first = await runCli(...args, '--format', 'json');
    expect(first.code).toBe(2); // a file was refused or waits for confirmation
    const report = JSON.parse(first.out) as Report;
    const outcome = Object.fromEntries(report.entries.map((e) => [e.file.replace(dir, ''), e.outcome]));
    expect(outcome).toEqual({
      '/forms/a.txt': 'importedWithFindings',
      '/forms/b.json': 'importedWithFindings',
      '/forms/broken.txt': 'refused',
      '/forms/c.xlsx': 'importedWithFindings',
      '/forms/unknown.json': 'needsConfirmation',
      '/more.zip!zip/d.json': 'importedWithFindings',
      '/more.zip!zip/e.txt': 'importedWithFindings',
      '/more.zip!../escape.txt': 'refused',
    });
    expect(report.entries.find((e) => e.file.endsWith('escape.txt'))?.message).toContain('不安全');
    expect(report.entries.find((e) => e.file.endsWith('unknown.json'))?.message).toContain('--create-departments');

    const again = await runCli(...args, '--lang', 'en');
    expect(again.out).toContain('8 files: 0 imported, 0 updated, 5 unchanged, 1 need confirmation, 2 refused.');
    expect(again.out).toContain('Unchanged (the same document was imported before): 广州市番禺区教育局, 2021.');

    const confirmed = await runCli(...args, '--create-departments');
    expect(confirmed.out).toContain('已新建部门“广州市番禺区新成立局”');
    const db = openDatabase(database);
    try {
      const rows = await db.db.selectFrom('forms').select(['department_id', 'year']).execute();
      expect(rows).toHaveLength(6);
      expect(new Set(rows.map((r) => r.department_id)).size).toBe(6);
    } finally {
      await db.close();
    }
  });

  const LIMITS = { entries: 2000, entryBytes: 64 * 1024 * 1024, totalBytes: 512 * 1024 * 1024, ratio: 200 };
  it('refuses a zip bomb entry and a broken archive without inflating them', () => {
    const bomb = zip([{ name: 'bomb.txt', bytes: new Uint8Array(5_000_000) }]);
    expect(readZip('bomb.zip', bomb, LIMITS)).toMatchObject({ files: [], refusals: [{ code: 'bulkImport.zipUnsafe', params: { entry: 'bomb.txt' } }] });
    expect(readZip('junk.zip', new Uint8Array(100), LIMITS)).toMatchObject({ files: [], refusals: [{ code: 'bulkImport.zipInvalid' }] });
  });
});
