#!/usr/bin/env node
// `npm run bench`: each figure as a ratio against a floor measured in the same run, written to
// bench/RESULTS.md with the machine it came from. Never a timed test: numbers here inform, they do not fail CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { checkForm } from '@jixiao/core';
import { importFormText, serializeForm } from '@jixiao/io';
import { dashboardBenchTable, runDashboardBench } from './dashboard.mjs';
import { formatRows } from './formats.mjs';
import { generateForm } from './generate-form.mjs';
import { runImportBench } from './import.mjs';
import { paired } from './measure.mjs';
import { runServerBench, serverBenchTable } from './server.mjs';

const seedText = readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const seedForm = importFormText(seedText).value;
if (!seedForm) throw new Error('the demo form did not import');
const largeForm = generateForm(seedForm, 200);

const rows = [];
for (const [label, form] of [['seed (21 management + 15 duty leaves)', seedForm], [`generated (${countLeaves(largeForm)} leaves)`, largeForm]]) {
  const json = serializeForm(form);
  const parse = () => JSON.parse(json);
  const options = { rounds: 41, calls: 40, warmupMs: 2000 };
  rows.push(await paired(`check + score, ${label}, from its JSON (parse included)`, () => checkForm(JSON.parse(json)), 'JSON.parse of the same document', parse, 3, options));
  const parsed = JSON.parse(json);
  rows.push(await paired(`check + score, ${label}, of the parsed document`, () => checkForm(parsed), 'JSON.parse of the same document', parse, 3, options));
}
rows.push(await paired('text import of the seed', () => importFormText(seedText), 'splitting the seed into lines', () => seedText.split('\n'), undefined, { rounds: 31, calls: 20, warmupMs: 1000 }));

// Excel and PDF, in and out.
rows.push(...(await formatRows(seedForm)));

// The API against a bare Fastify route (SQLite; PostgreSQL too when TEST_DATABASE_URL is set).
const serverTable = serverBenchTable(await runServerBench());

// Bulk import against the bare parse of the same files (SQLite).
const importTable = await runImportBench();

// The dashboard over 5,000 departments × 5 years of generated forms, SQLite and PostgreSQL, against raw SQL aggregates.
const dashboardTable = dashboardBenchTable(await runDashboardBench());

function countLeaves(form) {
  return form.indicators.reduce((n, g) => n + g.children.reduce((m, c) => m + (c.kind === 'group' ? c.children.length : 1), 0), 0);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const table = [
  '| what | median | floor | floor median | ratio | goal |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.ms.toFixed(4)} ms | ${r.floorName} | ${r.floorMs.toFixed(4)} ms | ${r.ratio.toFixed(2)}× | ${r.goal === undefined ? '—' : `≤ ${r.goal}× ${r.ok ? '✓' : '✗'}`} |`),
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
