#!/usr/bin/env node
// `npm run bench`: each figure as a ratio against a floor measured in the same run, written to
// bench/RESULTS.md with the machine it came from. Never a timed test: numbers here inform, they do not fail CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { importFormText } from '@jixiao/io';
import { runCheckBench } from './check.mjs';
import { dashboardBenchTable, runDashboardBench } from './dashboard.mjs';
import { formatRows } from './formats.mjs';
import { runImportBench } from './import.mjs';
import { formatRatioRow, paired } from './measure.mjs';
import { runServerBench, serverBenchTable } from './server.mjs';

const seedText = readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const seedForm = importFormText(seedText).value;
if (!seedForm) throw new Error('the demo form did not import');

// checkForm on the seed and a generated 200-leaf form, against JSON.parse of the same document.
const rows = await runCheckBench(seedForm);
rows.push(await paired('text import of the seed', () => importFormText(seedText), 'splitting the seed into lines', () => seedText.split('\n'), undefined, { rounds: 31, calls: 20, warmupMs: 1000 }));

// Excel and PDF, in and out.
rows.push(...(await formatRows(seedForm)));

// The API against a bare Fastify route (SQLite; PostgreSQL too when TEST_DATABASE_URL is set).
const serverTable = serverBenchTable(await runServerBench());

// Bulk import against the bare parse of the same files (SQLite).
const importTable = await runImportBench();

// The dashboard over 5,000 departments × 5 years of generated forms, SQLite and PostgreSQL, against raw SQL aggregates.
const dashboardTable = dashboardBenchTable(await runDashboardBench());

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const table = [
  '| what | median | floor | floor median | ratio | goal |',
  '|---|---|---|---|---|---|',
  ...rows.map(formatRatioRow),
];
const report = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, by \`npm run bench\`.`,
  'Each figure is measured in alternation with its floor, round by round; the ratio is the median of the per-round ratios.',
  '',
  ...table,
  '',
  serverTable,
  '',
  dashboardTable,
  '',
  importTable,
  '',
].join('\n');
writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
console.log(report);
