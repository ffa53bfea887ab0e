/**
 * `jixiao publish open-data` on a SQLite file holding the demo district: the year's package written to a
 * file, the same bytes the server's open-data service makes, its summaries in ranking order; a year with
 * nothing published, or no year at all, refused with messages in both languages and exit 2.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '@jixiao/io';
import { loadConfig, loadDemoData, openDataZip, withServices } from '@jixiao/server';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-publish-'));
const database = join(dir, 'demo.sqlite');
const config = loadConfig({}, { databaseUrl: database });

describe('jixiao publish open-data', () => {
  beforeAll(async () => {
    const seedText = readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
    await withServices(config, (ctx) => loadDemoData(ctx, seedText, false));
  });

  it("writes the year's package: the service's bytes, the published forms ranked", async () => {
    const out = join(dir, 'open-data-2020.zip');
    const run = await runCli('publish', 'open-data', '--year', '2020', '--out', out, '--source-url', 'https://example.org/public/2020', '--database-url', database);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('2020 年度 3 份已公开自评表 / 3 published form(s)');
    const bytes = readFileSync(out);
    const served = await withServices(config, (ctx) => openDataZip(ctx, 2020, 'https://example.org/public/2020'));
    expect(new Uint8Array(bytes)).toEqual(served);
    const zip = await JSZip.loadAsync(bytes);
    const [header, ...rows] = readCsv((await zip.file('summaries.csv')?.async('string')) ?? '');
    const at = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((r) => [r[at('rank')], r[at('department')], r[at('grade')]])).toEqual([
      ['1', '广州市番禺区卫生健康局', 'excellent'],
      ['2', '广州市番禺区教育局', 'excellent'],
      ['3', '广州市番禺区民政局', 'good'],
    ]);
    expect(JSON.parse((await zip.file('datapackage.json')?.async('string')) ?? '{}')).toMatchObject({ fiscalYear: 2020, sources: [{ path: 'https://example.org/public/2020' }] });
  });

  it('refuses a year with nothing published, and a year that is not one, writing nothing', async () => {
    const out = join(dir, 'nothing.zip');
    const run = await runCli('publish', 'open-data', '--year', '2019', '--out', out, '--database-url', database);
    expect(run.code).toBe(2);
    expect(run.err).toContain('2019 年度没有已公开的自评表');
    expect(run.err).toContain('Nothing is published for 2019');
    expect(existsSync(out)).toBe(false);
    const bad = await runCli('publish', 'open-data', '--year', 'twenty', '--out', out, '--database-url', database);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a year: “twenty”');
  });
});
