/**
 * Fuzzing the quantity parser: seeded, bounded runs of mutated target and actual texts (from the seed's
 * own pairs) through `parseMeasure` and `assessTarget`. The rule: an answer for every input — never a
 * throw, never a slow input — and an answer that makes sense (finite values, a fraction achieved that is a
 * number, a known status with its detail).
 *
 * Each pair runs in a worker thread (test-support/bounded-worker.ts) with a time and a memory limit of its
 * own, so a pattern that backtracks for ever is stopped at the limit and reported by its index instead of
 * hanging the run. The worker runs the built core; the run refuses a build older than the sources.
 *
 * Reproduce with FUZZ_SEED=<seed>; longer runs with FUZZ_RUNS=<inputs>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Random, TargetAssessment } from '../src/index.js';
import { assessTarget, parseMeasure, seededRandom } from '../src/index.js';
import { BoundedWorker, requireFreshBuild } from '../../../test-support/bounded-worker.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_211_231);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);
/** Per pair: generous for CI's two busy cores (the slowest pair is printed); FUZZ_LIMIT_MS tightens it. */
const LIMIT_MS = Number(process.env['FUZZ_LIMIT_MS'] ?? 5000);

interface Answer {
  values: { text: string; values: number[] }[];
  assessment: TargetAssessment;
}
let parser: BoundedWorker<{ target: string; actual: string }, Answer>;
beforeAll(() => {
  requireFreshBuild(['core']);
  parser = new BoundedWorker(new URL('../../../test-support/quantity-worker.mjs', import.meta.url), { timeMs: LIMIT_MS, memoryMb: 256 });
});
afterAll(async () => parser?.close());


/** Target/actual pairs of the seed form (shared/fixtures/panyu-kgxj-2021.facts.json) and a few of other forms. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['10万辆', '12万辆'],
  ['100亿元', '超140亿元'],
  ['外贸出口总额700亿元，同比增长2.0%', '2021年度我区外贸出口总额为806.3亿元，同比增长17.8%'],
  ['外贸进出口额1035.2亿元，同比增长3.0%', '2021年度我区外贸进出口总额达1260.2亿元，同比增长25.5%'],
  ['达1500家', '近1700家'],
  ['8万人', '超15万人'],
  ['各不超过7个', '7家'],
  ['不超过6名', '1名'],
  ['不低于2020年广州国际美食节水平（1.5亿元）', '中国银联全市派发2.5亿元现金红包'],
  ['1000万以上', '央视媒体以及各大直播平台'],
  ['≥90%', '95%'],
  ['≤5%', '3%'],
  ['100%', '98.6%'],
  ['第一季度完成', '已完成'],
  ['一千二百万元', '一千一百五十万元'],
  ['3—5个工作日', '4个工作日'],
];

/** Characters targets are spoiled with: digits, CJK numerals and units, full-width forms, controls, signs. */
const NASTY = ['0', '9', '.', '..', '-', '+', '%', '％', '‰', '１', '９', '．', '，', ',', '万', '亿', '千', '百', '十', '零', '两', '元', '个', '≥', '≤', '>', '<', '～', '~', '—', '以上', '不低于', '不超过', '各', '同比增长', '\u0000', '\u001b', '\t', '\n', '\u3000', '\u200b', '\ufeff', '\ud800', 'e', 'E+', '1e308', 'NaN', 'Infinity', '9'.repeat(30), '0.'.repeat(10), '(', ')', '（', '）'];

/** One to four mutations of a text: characters in, out or replaced, a cut, a repeat, a splice of another text. */
function mutate(r: Random, text: string, other: string): string {
  let out = text;
  const rounds = r.int(1, 4);
  for (let k = 0; k < rounds; k++) {
    const at = r.int(0, out.length);
    switch (r.int(0, 5)) {
      case 0:
        out = out.slice(0, at) + r.pick(NASTY) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + r.pick(NASTY) + out.slice(at + 1);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at + r.int(1, 4));
        break;
      case 3:
        out = r.next() < 0.5 ? out.slice(0, at) : out.slice(at);
        break;
      case 4:
        out = out.slice(0, at) + out.slice(at, at + r.int(1, 8)).repeat(r.int(1, 50)) + out.slice(at);
        break;
      default: {
        const from = r.int(0, other.length - 1);
        out = out.slice(0, at) + other.slice(from, from + r.int(1, 12)) + out.slice(at);
      }
    }
  }
  return out;
}

const STATUSES = ['met', 'missed', 'qualitative', 'unclear', 'unitMismatch'];

/** What is wrong with the parser's answers to one pair, or null when they make sense. */
function breach({ values, assessment }: Answer): string | null {
  for (const { text, values: found } of values) {
    for (const value of found) if (!Number.isFinite(value)) return `parseMeasure(${JSON.stringify(text)}) gave the value ${value}`;
  }
  if (!STATUSES.includes(assessment.status)) return `unknown status ${assessment.status}`;
  if (assessment.status === 'missed' && !(assessment.achieved >= 0)) return `achieved is ${assessment.achieved}`;
  if (assessment.status === 'unclear' && assessment.detail.trim() === '') return 'unclear without a detail';
  return null;
}

describe(`fuzzing the quantity parser (seed ${SEED})`, () => {
  it('answers every mutated target and actual quickly, with figures that are numbers', async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let slowestMs = 0;
    for (let index = 0; index < RUNS; index++) {
      const r = seededRandom(SEED ^ Math.imul(index + 1, 0x9e3779b1));
      const [target, actual] = r.pick(PAIRS);
      const [otherTarget, otherActual] = r.pick(PAIRS);
      // Mutate the target, the actual or both.
      const side = r.int(0, 2);
      const t = side === 1 ? target : mutate(r, target, otherActual);
      const a = side === 0 ? actual : mutate(r, actual, otherTarget);
      const outcome = await parser.run({ target: t, actual: a });
      slowestMs = Math.max(slowestMs, outcome.ms);
      const input = `#${index} ${JSON.stringify([t, a])}`;
      if (outcome.kind === 'done') {
        const what = breach(outcome.value);
        if (what !== null) failures.push(`${input}: ${what}`);
        seen.add(outcome.value.assessment.status);
      } else if (outcome.kind === 'threw') {
        failures.push(`${input}: threw ${outcome.detail}`);
      } else {
        failures.push(`${input}: ${outcome.kind === 'timeout' ? `stopped after ${LIMIT_MS} ms (the limit per pair)` : `needed more than 256 MB: ${outcome.detail}`}`);
      }
    }
    console.log(`quantity: ${RUNS} pairs, statuses ${[...seen].sort().join(' ')}, slowest ${slowestMs.toFixed(1)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
    // The mutations reach every kind of answer, not only refusals.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['met', 'missed', 'qualitative', 'unclear']));
  }, 120_000);

  // Found by this fuzzer (seed 20211231, #514): hundreds of digits overflowed to Infinity, and a target of
  // Infinity is met by nothing and makes the fraction achieved NaN.
  it('leaves out a figure too large for a number, and says the target is not understood', () => {
    const target = `${'10'.repeat(160)}8.6%以上`;
    const measure = parseMeasure(target);
    expect(measure.quantities).toEqual([]);
    expect(measure.skipped.map((s) => s.reason)).toEqual(['tooLarge']);
    expect(assessTarget(target, '95%')).toMatchObject({ status: 'unclear', reason: 'targetNotUnderstood' });
    expect(parseMeasure(`达${'9'.repeat(400)}家，增长5%`).quantities.map((q) => q.value)).toEqual([5]);
  });
});
