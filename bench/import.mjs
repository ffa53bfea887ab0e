#!/usr/bin/env node
// Bulk import throughput on SQLite (a file, as `jixiao import` uses it) as a ratio to the bare parse of the
// same files: parse time / import time, goal ≥ 0.8 (storing, matching and checking cost at most a quarter
// on top of reading). Twelve files (text, xlsx and PDF of the seed under other departments' names);
// each import goes into a region of its own, made beforehand, so every call creates twelve new forms;
// import and parse measured in alternation, round by round (bench/measure.mjs `paired()`). Measured twice:
// with the format workers sized as `jixiao import` sizes them (one per core up to four: a command has no requests to
// answer), and as the server sizes them for the web's batch import (one core kept for the request loop).
// `node bench/import.mjs` prints the table; `runImportBench()` returns it for bench/run.mjs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFormText, readForm, writeForm } from '@jixiao/io';
import { bulkImport, closeFormatWorkers, createDepartment, createRegion, loadConfig, migrateToLatest, openDatabase, serviceContext, useFormatWorkersFor } from '@jixiao/server';
import { paired } from './measure.mjs';

const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 15);
/** Imports run before the measured ones, so the fresh workers' code is warm. */
const WARMUP = 3;
const seedText = readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const SEED_NAME = '广州市番禺区科技工业商务和信息化局';

/** Twelve files: four each of text, xlsx and PDF, each of another department. */
async function files() {
  const out = [];
  for (let i = 0; i < 12; i++) {
    const name = `广州市番禺区第${i + 1}局`;
    const format = ['.txt', '.xlsx', '.pdf'][i % 3];
    if (format === '.txt') {
      out.push({ name: `${i}.txt`, bytes: new TextEncoder().encode(seedText.replace(SEED_NAME, name)) });
      continue;
    }
    const form = importFormText(seedText).value;
    form.unit.name = name;
    const written = await writeForm(form, format, { lang: 'zh' });
    if (!written.ok) throw new Error(written.problem.code);
    out.push({ name: `${i}${format}`, bytes: written.bytes });
  }
  return out;
}

/** The import figure as a markdown section. */
export async function runImportBench() {
  const batch = await files();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-import-'));
  const database = openDatabase(join(dir, 'bench.sqlite'));
  try {
    await migrateToLatest(database.db, database.dialect);
    const ctx = serviceContext(database, loadConfig({}, {}));
    // One region per import call (warm-up calls included), each with the twelve departments.
    const roles = [
      { role: 'command', name: 'bulk import of 12 files (4 txt, 4 xlsx, 4 pdf) into SQLite, as `jixiao import` (a format worker per core, up to four)' },
      { role: 'server', name: 'the same, with the server\'s format workers (a core kept for requests)' },
    ];
    const regions = [];
    for (let r = 0; r < roles.length * (ROUNDS + WARMUP + 1); r++) {
      const region = await createRegion(ctx, 'system', `区${r}`);
      for (let i = 0; i < 12; i++) await createDepartment(ctx, 'system', { regionId: region.id, name: `广州市番禺区第${i + 1}局`, unitCount: 3 });
      regions.push(region.id);
    }
    let next = 0;
    const importBatch = async () => {
      const report = await bulkImport(ctx, { regionId: regions[next++], year: 2021, files: batch, createDepartments: false, userId: 'system' });
      if (report.counts.importedWithFindings + report.counts.imported !== batch.length) throw new Error(`import: ${JSON.stringify(report.counts)}`);
    };
    const parseBatch = async () => {
      for (const f of batch) {
        const read = await readForm({ fileName: f.name, bytes: f.bytes });
        if (read.value === null) throw new Error(`${f.name} did not parse`);
      }
    };
    const rows = [];
    for (const { role, name } of roles) {
      await closeFormatWorkers();
      useFormatWorkersFor(role);
      for (let w = 0; w < WARMUP; w++) await importBatch();
      rows.push(await paired(name, importBatch, 'reading the same 12 files (readForm)', parseBatch, undefined, { rounds: ROUNDS, calls: 1, warmupMs: 0 }));
    }
    await closeFormatWorkers();
    const line = (row) => {
      const throughput = 1 / row.ratio;
      return `| ${row.name} | ${row.ms.toFixed(1)} ms | ${row.floorName} | ${row.floorMs.toFixed(1)} ms | ${throughput.toFixed(2)} | ≥ 0.8 ${throughput >= 0.8 ? '✓' : '✗'} |`;
    };
    return [
      '## Bulk import',
      '',
      'Throughput as a ratio to the bare parse of the same files: parse time / import time (goal ≥ 0.8).',
      '',
      '| what | median | floor | floor median | parse / import | goal |',
      '|---|---|---|---|---|---|',
      ...rows.map(line),
    ].join('\n');
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runImportBench());
