/**
 * Fuzzing every importer (text, JSON, xlsx, pdf) through `readForm`: seeded, bounded runs of inputs made
 * by mutating the seed in each format. The rule for every input: a form, or problems that say what is
 * wrong in both languages — never a throw, never an input that takes longer than a time limit; and a
 * form that comes out passes core's schema and can be checked.
 *
 * Each input is read in a worker thread (test-support/bounded-worker.ts) with a time limit and a memory
 * limit of its own: an input that hangs is stopped at the limit, one that needs unbounded memory ends its
 * worker, and either is reported by seed and index instead of hanging or killing the run. The workers run
 * the built io (a worker cannot load TypeScript); the run refuses a build older than the sources.
 *
 * Reproduce a failure with the seed and index it reports: FUZZ_SEED=<seed> and a run count past the index.
 * Longer runs on demand: FUZZ_RUNS=<inputs per format> (the default keeps each format to a few seconds).
 */
import { checkForm, hasErrors, problemMessage, seededRandom } from '@jixiao/core';
import type { FormDocument, Problem, Random, WithProblems } from '@jixiao/core';
import { formDocumentSchema } from '@jixiao/core/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeForm, writeForm } from '../src/index.js';
import { seedForm } from './helpers/forms.js';
import { SEED_TEXT } from './helpers/seed.js';
import { BoundedWorker, requireFreshBuild } from '../../../test-support/bounded-worker.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_211_231);
const RUNS = process.env['FUZZ_RUNS'] === undefined ? null : Number(process.env['FUZZ_RUNS']);
/**
 * No single input may take longer than this to read: it is stopped there and reported. Generous, because
 * CI's two cores run every suite at once (a PDF that reads in 0.3 s alone can take 2 s there); the slowest
 * input is printed. FUZZ_LIMIT_MS tightens it on a quiet machine.
 */
const LIMIT_MS = Number(process.env['FUZZ_LIMIT_MS'] ?? 10_000);
/** Nor need more heap than this (the seed's files are tens of kilobytes; a zip bomb would need gigabytes). */
const MEMORY_MB = 512;
/** A fresh worker loads exceljs or pdfjs before its first input: that load is not the input's time. */
const WARM_UP_MS = 60_000;

type ReadOutcome = WithProblems<FormDocument | null>;
let reader: BoundedWorker<{ fileName: string; bytes: Uint8Array }, ReadOutcome>;
beforeAll(() => {
  requireFreshBuild(['core', 'io']);
  reader = new BoundedWorker(new URL('../../../test-support/read-form-worker.mjs', import.meta.url), { timeMs: LIMIT_MS, memoryMb: MEMORY_MB });
});
afterAll(async () => reader?.close());


/** Characters real forms are spoiled with: digits, CJK, full-width forms, controls, separators, units. */
const NASTY = ['0', '9', '.', '-', '%', '％', '１', '０', '．', '万', '亿', '元', '分', '得', '合计', '总分', '\u0000', '\u0007', '\u001b', '\t', '\r', '\n', '\u00a0', '\u3000', '\ufeff', '\u200b', '\ufffd', '\ud800', '“', '”', '（', '）', '≥', '≤', '１００', 'NaN', 'Infinity', '1e308', '-0', '9'.repeat(40), '一级指标', '附件'];

/** One mutation of a text: a line deleted, duplicated or swapped, a cut, a splice, nasty characters in. */
function mutateText(r: Random, text: string): { text: string; how: string } {
  const lines = text.split('\n');
  switch (r.int(0, 7)) {
    case 0: {
      const i = r.int(0, lines.length - 1);
      lines.splice(i, r.int(1, 3));
      return { text: lines.join('\n'), how: `delete lines at ${i}` };
    }
    case 1: {
      const i = r.int(0, lines.length - 1);
      lines.splice(i, 0, ...lines.slice(i, i + r.int(1, 3)));
      return { text: lines.join('\n'), how: `duplicate lines at ${i}` };
    }
    case 2: {
      const i = r.int(0, lines.length - 1);
      const j = r.int(0, lines.length - 1);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return { text: lines.join('\n'), how: `swap lines ${i} ${j}` };
    }
    case 3: {
      const at = r.int(0, text.length);
      return { text: text.slice(0, at), how: `truncate at ${at}` };
    }
    case 4: {
      const from = r.int(0, text.length - 1);
      const length = r.int(0, 399);
      const at = r.int(0, text.length - 1);
      return { text: text.slice(0, at) + text.slice(from, from + length) + text.slice(at), how: `splice ${from}+${length} at ${at}` };
    }
    case 5: {
      const at = r.int(0, text.length - 1);
      return { text: text.slice(0, at) + text.slice(at + r.int(1, 20)), how: `cut at ${at}` };
    }
    default: {
      let out = text;
      const count = r.int(1, 6);
      for (let k = 0; k < count; k++) {
        const at = r.int(0, out.length);
        out = out.slice(0, at) + r.pick(NASTY) + out.slice(at + (r.next() < 0.5 ? 1 : 0));
      }
      return { text: out, how: `insert ${count} characters` };
    }
  }
}

/** One mutation of bytes: bits flipped, bytes overwritten, a cut, a splice, a block zeroed. */
function mutateBytes(r: Random, bytes: Uint8Array): { bytes: Uint8Array; how: string } {
  const out = new Uint8Array(bytes);
  switch (r.int(0, 4)) {
    case 0: {
      const count = r.int(1, 8);
      for (let k = 0; k < count; k++) {
        const i = r.int(0, out.length - 1);
        out[i] = (out[i] ?? 0) ^ (1 << r.int(0, 7));
      }
      return { bytes: out, how: `flip ${count} bits` };
    }
    case 1: {
      const at = r.int(0, bytes.length - 1);
      return { bytes: bytes.slice(0, at), how: `truncate at ${at}` };
    }
    case 2: {
      const from = r.int(0, bytes.length - 1);
      const length = r.int(0, 1999);
      const at = r.int(0, bytes.length - 1);
      const spliced = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(from, from + length), ...bytes.subarray(at)]);
      return { bytes: spliced, how: `splice ${from}+${length} at ${at}` };
    }
    case 3: {
      const at = r.int(0, out.length - 1);
      const length = r.int(1, 64);
      out.fill(r.int(0, 1) === 0 ? 0 : 0xff, at, at + length);
      return { bytes: out, how: `fill ${length} at ${at}` };
    }
    default: {
      const count = r.int(1, 16);
      for (let k = 0; k < count; k++) out[r.int(0, out.length - 1)] = r.int(0, 255);
      return { bytes: out, how: `overwrite ${count} bytes` };
    }
  }
}

const utf8 = new TextEncoder();

/** What was wrong with one input's outcome, or null when it keeps the rule. */
function breach(result: WithProblems<FormDocument | null>): string | null {
  if (result.value === null) {
    if (!hasErrors(result.problems)) return 'no form and no error';
    for (const p of result.problems as readonly Problem[]) {
      if (problemMessage(p, 'zh').trim() === '' || problemMessage(p, 'en').trim() === '') return `problem ${p.code} has no message`;
    }
    return null;
  }
  const parsed = formDocumentSchema.safeParse(result.value);
  if (!parsed.success) return `form fails the schema: ${parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
  checkForm(result.value);
  return null;
}

interface Failure {
  seed: number;
  index: number;
  how: string;
  what: string;
}

/**
 * Runs `runs` mutated inputs of one format through readForm; returns the failures and the slowest input.
 * Each input gets its own PRNG stream from (seed, index), so a reported index replays alone.
 */
async function fuzz(fileName: string, original: Uint8Array, runs: number, asText: boolean): Promise<{ failures: Failure[]; slowestMs: number; forms: number }> {
  const failures: Failure[] = [];
  let slowestMs = 0;
  let forms = 0;
  const text = asText ? new TextDecoder().decode(original) : '';
  for (let index = 0; index < runs; index++) {
    const r = seededRandom(SEED ^ Math.imul(index + 1, 0x9e3779b1));
    let bytes = original;
    const hows: string[] = [];
    // One to three mutations stacked; a text format is mutated as text or as bytes.
    const rounds = r.int(1, 3);
    let current = text;
    for (let k = 0; k < rounds; k++) {
      if (asText && r.next() < 0.7) {
        const m = mutateText(r, current);
        current = m.text;
        bytes = utf8.encode(current);
        hows.push(m.how);
      } else {
        const m = mutateBytes(r, bytes);
        bytes = m.bytes;
        current = new TextDecoder().decode(bytes);
        hows.push(m.how);
      }
    }
    const how = hows.join(', ');
    if (reader.cold) {
      const warm = await reader.run({ fileName, bytes: original }, WARM_UP_MS);
      if (warm.kind !== 'done') throw new Error(`the unmutated ${fileName} did not read in a fresh worker: ${warm.kind}`);
    }
    const outcome = await reader.run({ fileName, bytes });
    slowestMs = Math.max(slowestMs, outcome.ms);
    if (outcome.kind === 'done') {
      if (outcome.value.value !== null) forms++;
      const what = breach(outcome.value);
      if (what !== null) failures.push({ seed: SEED, index, how, what });
    } else if (outcome.kind === 'threw') {
      failures.push({ seed: SEED, index, how, what: `threw ${outcome.detail}` });
    } else if (outcome.kind === 'timeout') {
      failures.push({ seed: SEED, index, how, what: `stopped after ${LIMIT_MS} ms (the limit per input)` });
    } else {
      failures.push({ seed: SEED, index, how, what: `needed more than ${MEMORY_MB} MB: ${outcome.detail}` });
    }
  }
  return { failures, slowestMs, forms };
}

const seed = seedForm();

/** When the fuzzed files were written, as far as the writers can tell (see `written`). */
const WRITTEN_AT = new Date('2022-03-31T08:00:00Z');

async function written(extension: string): Promise<Uint8Array> {
  // exceljs, its zip and pdfkit stamp the time of writing into the file: on a fixed clock the file, and so
  // every mutated input of the seed, is the same in every run (a reported index replays, and the count of
  // survivable mutations does not vary with the minute the suite ran).
  vi.useFakeTimers({ now: WRITTEN_AT, toFake: ['Date'] });
  try {
    const result = await writeForm(seed, extension, { lang: 'zh' });
    if (!result.ok) throw new Error(`the seed could not be written as ${extension}`);
    return result.bytes;
  } finally {
    vi.useRealTimers();
  }
}

describe(`fuzzing the importers (seed ${SEED})`, () => {
  it('mutated seed texts give a form or problems with messages, each quickly', async () => {
    const runs = RUNS ?? 300;
    const { failures, slowestMs, forms } = await fuzz('fuzz.txt', utf8.encode(SEED_TEXT), runs, true);
    console.log(`text: ${runs} inputs, ${forms} read as forms, slowest ${slowestMs.toFixed(0)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised: some damage is survivable, some is refused.
    expect(forms).toBeGreaterThan(0);
    expect(forms).toBeLessThan(runs);
  });

  it('mutated canonical JSON gives a form or problems with messages, each quickly', async () => {
    const runs = RUNS ?? 800;
    const { failures, slowestMs, forms } = await fuzz('fuzz.json', utf8.encode(serializeForm(seed)), runs, true);
    console.log(`json: ${runs} inputs, ${forms} read as forms, slowest ${slowestMs.toFixed(0)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised: some damage is survivable, some is refused.
    expect(forms).toBeGreaterThan(0);
    expect(forms).toBeLessThan(runs);
  });

  it('mutated workbooks give a form or problems with messages, each quickly', async () => {
    const runs = RUNS ?? 150;
    const { failures, slowestMs, forms } = await fuzz('fuzz.xlsx', await written('.xlsx'), runs, false);
    console.log(`xlsx: ${runs} inputs, ${forms} read as forms, slowest ${slowestMs.toFixed(0)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised: some damage is survivable, some is refused.
    expect(forms).toBeGreaterThan(0);
    expect(forms).toBeLessThan(runs);
  }, 120_000);

  it('mutated PDFs give a form or problems with messages, each quickly', async () => {
    const runs = RUNS ?? 20;
    const { failures, slowestMs, forms } = await fuzz('fuzz.pdf', await written('.pdf'), runs, false);
    console.log(`pdf: ${runs} inputs, ${forms} read as forms, slowest ${slowestMs.toFixed(0)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised: some damage is survivable, some is refused.
    expect(forms).toBeGreaterThan(0);
    expect(forms).toBeLessThan(runs);
  }, 120_000);
});
