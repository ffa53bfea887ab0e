// Timing helpers for the benchmarks: medians of batches, so one slow batch (GC, a noisy neighbour) does not
// decide a figure. Figures are reported as ratios against a floor measured in the same run.
import { performance } from 'node:perf_hooks';

/** Median milliseconds per call of `fn`, over `batches` batches of calls lasting about `batchMs` each. */
export async function medianMs(fn, { batches = 15, batchMs = 40, warmupMs = 1500 } = {}) {
  // Warm up long enough for the JIT's optimising tiers (a few hundred calls of a cold function can be
  // several times slower than steady state), then find how many calls make a batch.
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) await fn();
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    const elapsed = performance.now() - start;
    if (elapsed >= batchMs / 4 || calls >= 1 << 20) {
      calls = Math.max(1, Math.round((calls * batchMs) / Math.max(elapsed, 0.001)));
      break;
    }
    calls *= 2;
  }
  const perCall = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    perCall.push((performance.now() - start) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

/** A table row: the figure, its floor, and the ratio. */
export function ratioRow(name, ms, floorName, floorMs, goal) {
  const ratio = ms / floorMs;
  return { name, ms, floorName, floorMs, ratio, goal, ok: goal === undefined ? undefined : ratio <= goal };
}

/** A row of the results table: | what | median | floor | floor median | ratio | goal |. */
export function formatRatioRow(r) {
  return `| ${r.name} | ${r.ms.toFixed(4)} ms | ${r.floorName} | ${r.floorMs.toFixed(4)} ms | ${r.ratio.toFixed(2)}× | ${r.goal === undefined ? '—' : `≤ ${r.goal}× ${r.ok ? '✓' : '✗'}`} |`;
}

/**
 * A figure against its floor measured in alternation, round by round (each round `calls` calls of each,
 * in alternating order), so that a change in the machine's load (other work on a shared runner) hits both
 * alike: the median of the per-round ratios, with both medians per call.
 */
export async function paired(name, fn, floorName, floor, goal, { rounds = 31, calls = 1, warmupMs = 0 } = {}) {
  const warmupEnd = performance.now() + warmupMs;
  do {
    await floor();
    await fn();
  } while (performance.now() < warmupEnd);
  const timed = async (run) => {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) await run();
    return (performance.now() - start) / calls;
  };
  const times = [];
  const floors = [];
  const ratios = [];
  for (let i = 0; i < rounds; i += 1) {
    let f;
    let t;
    if (i % 2 === 0) {
      f = await timed(floor);
      t = await timed(fn);
    } else {
      t = await timed(fn);
      f = await timed(floor);
    }
    floors.push(f);
    times.push(t);
    ratios.push(t / f);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = ratioRow(name, median(times), floorName, median(floors), goal);
  const ratio = median(ratios);
  return { ...row, ratio, ok: goal === undefined ? undefined : ratio <= goal };
}
