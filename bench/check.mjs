// Checking and scoring a form (core `checkForm`) against JSON.parse of the same document, for the seed and a
// generated 200-leaf form: the first rows of `npm run bench`. Runs alone too (`node bench/check.mjs`), so the
// core figures can be re-measured without the server, import and dashboard benches.
import { readFileSync } from 'node:fs';
import { checkForm } from '@jixiao/core';
import { importFormText, serializeForm } from '@jixiao/io';
import { generateForm } from './generate-form.mjs';
import { formatRatioRow, paired } from './measure.mjs';

/** Checking one form should cost at most this many times parsing its JSON (the project's goal). */
const CHECK_GOAL = 3;

/** The check rows: each form from its JSON (parse included) and already parsed, each against JSON.parse. */
export async function runCheckBench(seedForm) {
  const largeForm = generateForm(seedForm, 200);
  const rows = [];
  for (const [label, form] of [['seed (21 management + 15 duty leaves)', seedForm], [`generated (${countLeaves(largeForm)} leaves)`, largeForm]]) {
    const json = serializeForm(form);
    const parse = () => JSON.parse(json);
    const options = { rounds: 41, calls: 40, warmupMs: 2000 };
    rows.push(await paired(`check + score, ${label}, from its JSON (parse included)`, () => checkForm(JSON.parse(json)), 'JSON.parse of the same document', parse, CHECK_GOAL, options));
    const parsed = JSON.parse(json);
    rows.push(await paired(`check + score, ${label}, of the parsed document`, () => checkForm(parsed), 'JSON.parse of the same document', parse, CHECK_GOAL, options));
  }
  return rows;
}

function countLeaves(form) {
  return form.indicators.reduce((n, g) => n + g.children.reduce((m, c) => m + (c.kind === 'group' ? c.children.length : 1), 0), 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seedText = readFileSync(new URL('../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8');
  const seedForm = importFormText(seedText).value;
  if (!seedForm) throw new Error('the demo form did not import');
  for (const row of await runCheckBench(seedForm)) console.log(formatRatioRow(row));
}
