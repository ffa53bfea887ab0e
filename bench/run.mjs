#!/usr/bin/env node
// `npm run bench`: each figure as a ratio against a floor measured in the same run, written to
// bench/RESULTS.md with the machine it came from. Never a timed test: numbers here inform, they do not fail CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { checkForm } from '@jixiao/core';
import { importFormText, serializeForm } from '@jixiao/io';
import { formatRows } from './formats.mjs';
import { generateForm } from './generate-form.mjs';
import { medianMs, ratioRow } from './measure.mjs';
import { runServerBench, serverBenchTable } from './server.mjs';

const seedText = readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
const seedForm = importFormText(seedText).value;
if (!seedForm) throw new Error('the demo form did not import');
const largeForm = generateForm(seedForm, 200);

const rows = [];
for (const [label, form] of [['seed (21 management + 15 duty leaves)', seedForm], [`generated (${countLeaves(largeForm)} leaves)`, largeForm]]) {
  const json = serializeForm(form);
  const parse = await medianMs(() => JSON.parse(json));
  const check = await medianMs(() => checkForm(JSON.parse(json)));
  rows.push(ratioRow(`check + score, ${label}, from its JSON`, check, 'JSON.parse of the same document', parse, 3));
}
const split = await medianMs(() => seedText.split('\n'));
const textImport = await medianMs(() => importFormText(seedText));
rows.push(ratioRow('text import of the seed', textImport, 'splitting the seed into lines', split));

// Excel and PDF, in and out.
rows.push(...(await formatRows(seedForm)));

// The API against a bare Fastify route (SQLite; PostgreSQL too when TEST_DATABASE_URL is set).
const serverTable = serverBenchTable(await runServerBench());

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
  'Each figure is the median of 15 batches; the ratio divides it by a floor measured in the same run.',
  '',
  ...table,
  '',
  serverTable,
  '',
].join('\n');
writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
console.log(report);
